-- Subscribers read the log by position and move their checkpoint in the same transaction as their writes.
create table ledger.subscriptions (
  name text primary key,
  position bigint not null default 0 check (position >= 0),
  updated_at timestamptz not null default clock_timestamp());

-- Work shared by competing consumers on several hosts: claimed with FOR UPDATE SKIP LOCKED under a lease
-- that expires when its holder dies; (kind, source event) makes re-delivery create nothing new.
create table ledger.jobs (
  id bigint generated always as identity primary key,
  kind text not null check (kind <> ''),
  source_event_id uuid not null,
  source_position bigint not null,
  payload jsonb not null default '{}',
  state text not null default 'available' check (state in ('available', 'running', 'completed', 'failed')),
  attempts int not null default 0,
  max_attempts int not null default 5 check (max_attempts > 0),
  run_at timestamptz not null default clock_timestamp(),
  locked_by text,
  lease_expires_at timestamptz,
  last_error text,
  created_at timestamptz not null default clock_timestamp(),
  finalized_at timestamptz,
  unique (kind, source_event_id));

create index jobs_available on ledger.jobs (kind, run_at, id) where state = 'available';
create index jobs_leased on ledger.jobs (lease_expires_at) where state = 'running';
