-- The record of truth: streams and their append-only events, one gapless global log.
-- Hash layout (documented in docs/ledger.md, recomputed by ChainVerifier in C#):
--   content_digest = sha256('cartledger/event-content/v1' | event_id | stream_id | stream_version
--                           | occurred_at_us | schema_version | event_type | metadata_text | data_text)
--   hash           = sha256('cartledger/event/v1' | position | recorded_at_us | content_digest | prev_hash)
--   log_hash       = sha256(log_hash of position - 1 | hash)
-- prev_hash chains the events of one stream; log_hash chains the whole ledger in position order.

create table ledger.identity (
  singleton boolean primary key default true check (singleton),
  ledger_id uuid not null,
  created_at timestamptz not null default clock_timestamp());
insert into ledger.identity (ledger_id) values (gen_random_uuid());

create table ledger.streams (
  stream_id uuid primary key,
  stream_type text not null check (stream_type <> ''),
  version bigint not null check (version >= 0),
  created_at timestamptz not null default clock_timestamp(),
  updated_at timestamptz not null default clock_timestamp(),
  archived boolean not null default false);

-- One row: the last assigned position and the head of the global hash chain. Appenders lock it last and
-- hold it to commit, so positions are gapless and in commit order.
create table ledger.log_head (
  singleton boolean primary key default true check (singleton),
  position bigint not null,
  log_hash bytea not null check (octet_length(log_hash) = 32),
  last_recorded_at timestamptz not null default '-infinity');
insert into ledger.log_head (position, log_hash) values (0, '\x0000000000000000000000000000000000000000000000000000000000000000');

create table ledger.events (
  position bigint primary key check (position > 0),
  event_id uuid not null unique,
  stream_id uuid not null references ledger.streams,
  stream_version bigint not null check (stream_version > 0),
  event_type text not null check (event_type <> ''),
  schema_version int not null check (schema_version > 0),
  -- The exact text that is hashed (jsonb normalises key order and whitespace) and, for SQL queries, its jsonb.
  -- ledger.append derives both from one input; ChainVerifier checks that they still agree.
  data_text text not null,
  metadata_text text not null,
  data jsonb not null,
  metadata jsonb not null,
  recorded_at timestamptz not null,
  occurred_at timestamptz,
  prev_hash bytea not null check (octet_length(prev_hash) = 32),
  hash bytea not null check (octet_length(hash) = 32),
  log_hash bytea not null check (octet_length(log_hash) = 32),
  unique (stream_id, stream_version),
  check (jsonb_typeof(data) = 'object'),
  -- Attributable (21 CFR 11.10(e)): every event names who, in which role, from where, in which context.
  check (metadata ? 'actor' and metadata ? 'terminal' and metadata ? 'correlationId' and metadata ? 'softwareVersion'),
  check (metadata -> 'actor' ? 'id' and metadata -> 'actor' ? 'name'),
  -- Auditors and researchers read; they never write (also refused in C# and by function privileges).
  check (metadata -> 'actor' ->> 'role' in ('operator', 'cardiologist', 'analyst', 'worker', 'system')))
  -- Rows of ~1-8 KB stay in the heap page uncompressed: compressing on insert costs more than it saves here.
  with (toast_tuple_target = 8160);

-- Idempotent appends: a retried command with the same append id returns the first result.
create table ledger.appends (
  append_id uuid primary key,
  stream_id uuid not null,
  first_version bigint,
  last_version bigint);

create function ledger.refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'ledger.% is append-only: % refused', tg_table_name, tg_op using errcode = 'CLA01';
end $$;

create trigger events_append_only before update or delete on ledger.events
  for each row execute function ledger.refuse_change();
create trigger events_no_truncate before truncate on ledger.events
  for each statement execute function ledger.refuse_change();
