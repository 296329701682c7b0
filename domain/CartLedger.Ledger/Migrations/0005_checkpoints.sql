-- Signed checkpoints (log position + log hash). The copy that matters is the exported file; this table keeps
-- the history so that a later auditor can see every checkpoint that was issued.
create table ledger.checkpoints (
  id bigint generated always as identity primary key,
  position bigint not null,
  log_hash bytea not null check (octet_length(log_hash) = 32),
  signed_at timestamptz not null,
  key_id text not null,
  document text not null,
  recorded_at timestamptz not null default clock_timestamp());

create trigger checkpoints_append_only before update or delete on ledger.checkpoints
  for each row execute function ledger.refuse_change();
create trigger checkpoints_no_truncate before truncate on ledger.checkpoints
  for each statement execute function ledger.refuse_change();
