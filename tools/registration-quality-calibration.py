#!/usr/bin/env python3
"""Calibrates the single-view registration quality score on one bench run and validates it on another.

    ./cartledger bench registration --method all --cases 10 --seed 1 --json > fit.json
    ./cartledger bench registration --method all --cases 12 --seed 11 --json > check.json
    python3 tools/registration-quality-calibration.py fit.json check.json

Every gradient method's case rows (``methods[].caseRows``: TRE, distinctness, prominence, movedMm) are pooled; the label is
success (TRE < 5 mm). A logistic model P(success) = 1 / (1 + exp(-(b0 + b1 distinctness + b2 prominence + b3 movedMm)))
(movedMm: how far the answer lies from the start in-plane) is fitted by
Newton's method (a small ridge keeps it finite when the classes separate) on the first file only; the second file is
only scored. Prints the coefficients (for InPlaneRegistration's quality score), the AUC of the score for separating
successes from failures, and precision / recall of the flag (score < 0.5) for failures, on both files. Plain Python:
no packages needed. Deterministic.
"""
import json
import math
import sys

GRADIENT_METHODS = {"gc", "gi", "go", "gc+", "gi+", "go+"}
SUCCESS_MM = 5.0
RIDGE = 0.01
FLAG_BELOW = 0.5


def rows(path):
    with open(path) as f:
        result = json.load(f)
    out = []
    for m in result["methods"]:
        if m["method"] in GRADIENT_METHODS:
            for r in m.get("caseRows", []):
                out.append((m["method"], [1.0, r["distinctness"], r["prominence"], r["movedMm"]], 1.0 if r["treMm"] < SUCCESS_MM else 0.0, r))
    return out


def sigmoid(z):
    return 1 / (1 + math.exp(-z)) if z > -700 else 0.0


def solve(a, b):
    """Gauss-Jordan elimination for the small normal equations."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c:
                f = m[r][c] / m[c][c]
                m[r] = [x - f * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def fit(data):
    w = [0.0] * len(data[0][1])
    for _ in range(100):
        grad = [RIDGE * wi for wi in w]
        hess = [[RIDGE if i == j else 0.0 for j in range(len(w))] for i in range(len(w))]
        for _, x, y, _ in data:
            p = sigmoid(sum(wi * xi for wi, xi in zip(w, x)))
            for i in range(len(w)):
                grad[i] += (p - y) * x[i]
                for j in range(len(w)):
                    hess[i][j] += p * (1 - p) * x[i] * x[j]
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-10:
            break
    return w


def auc(scores, labels):
    """Probability that a random success scores above a random failure (ties count half)."""
    pos = [s for s, y in zip(scores, labels) if y == 1]
    neg = [s for s, y in zip(scores, labels) if y == 0]
    if not pos or not neg:
        return float("nan")
    wins = sum((1.0 if p > n else 0.5 if p == n else 0.0) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def report(name, data, w):
    scores = [sigmoid(sum(wi * xi for wi, xi in zip(w, x))) for _, x, _, _ in data]
    labels = [y for _, _, y, _ in data]
    flagged = [s < FLAG_BELOW for s in scores]
    failures = labels.count(0)
    true_flags = sum(1 for f, y in zip(flagged, labels) if f and y == 0)
    precision = true_flags / sum(flagged) if sum(flagged) else float("nan")
    recall = true_flags / failures if failures else float("nan")
    accepted = [y for f, y in zip(flagged, labels) if not f]
    print(f"{name}: {len(data)} registrations, {failures} failures (TRE >= {SUCCESS_MM} mm); AUC {auc(scores, labels):.3f}; "
          f"flag (score < {FLAG_BELOW}): precision {precision:.2f}, recall {recall:.2f} for failures; "
          f"{len(accepted)} accepted, of which {accepted.count(1)} successes ({100 * accepted.count(1) / max(1, len(accepted)):.0f} %)")
    old = [r["quality"] for _, _, _, r in data]
    print(f"  the score in the file (as run): AUC {auc(old, labels):.3f}")
    for method in sorted({m for m, _, _, _ in data}):
        subset = [(s, y) for (m, _, y, _), s in zip(data, scores) if m == method]
        print(f"  {method}: AUC {auc([s for s, _ in subset], [y for _, y in subset]):.3f} over {len(subset)}")


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    fit_data = rows(sys.argv[1])
    w = fit(fit_data)
    print(f"logit = {w[0]:.4f} + {w[1]:.4f} distinctness + {w[2]:.4f} prominence + {w[3]:.5f} movedMm")
    report("fit set", fit_data, w)
    for path in sys.argv[2:]:
        report(f"validation {path}", rows(path), w)


if __name__ == "__main__":
    main()
