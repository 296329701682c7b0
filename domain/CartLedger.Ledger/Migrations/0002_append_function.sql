-- The only write path into ledger.events. One call = one append to one stream in the caller's transaction.
-- Order matters (Marten #4749): idempotency key, then the stream's expected version, then the heavy content
-- hashing, and only then the log-head lock, which is held to commit (gapless, commit-ordered positions).

-- Helpers are plain SQL without SET clauses so the planner inlines them (a SET clause costs ~50 us a call);
-- pg_catalog is always searched first, so they cannot be hijacked through search_path.
create function ledger.utf8_field(value text) returns bytea
  language sql stable parallel safe as $$
  select int4send(octet_length(convert_to(value, 'UTF8'))) || convert_to(value, 'UTF8')
$$;

create function ledger.epoch_us(value timestamptz) returns bigint
  language sql immutable parallel safe as $$
  select coalesce((extract(epoch from value) * 1000000)::bigint, -9223372036854775808)
$$;

create function ledger.append(
  p_stream_id uuid,
  p_stream_type text,
  p_expected_version bigint,        -- null: any version; 0: the stream must not exist yet; n: it must be at n
  p_append_id uuid,
  p_event_ids uuid[],
  p_event_types text[],
  p_schema_versions int[],
  p_data text[],
  p_metadata text[],
  p_occurred_at timestamptz[])
returns table (event_position bigint, event_version bigint, event_recorded_at timestamptz, event_hash bytea, duplicate boolean)
language plpgsql security definer set search_path = pg_catalog, ledger as $$
#variable_conflict use_column
declare
  n int := coalesce(cardinality(p_event_ids), 0);
  v_version bigint;
  v_type text;
  v_archived boolean;
  v_stream_prev bytea := '\x0000000000000000000000000000000000000000000000000000000000000000';
  v_prev bytea;
  v_digests bytea[];
  v_data jsonb[];
  v_metadata jsonb[];
  v_now_us bigint;
  v_hashes bytea[] := '{}';
  v_logs bytea[] := '{}';
  v_position bigint;
  v_log bytea;
  v_now timestamptz;
begin
  if n = 0 or coalesce(cardinality(p_event_types), 0) <> n or coalesce(cardinality(p_schema_versions), 0) <> n
     or coalesce(cardinality(p_data), 0) <> n or coalesce(cardinality(p_metadata), 0) <> n
     or coalesce(cardinality(p_occurred_at), 0) <> n then
    raise exception 'append to stream %: % events but mismatched field arrays', p_stream_id, n using errcode = '22023';
  end if;

  -- A second append in one transaction would lock its stream while holding the log head: a deadlock risk.
  if (select h.xmin from ledger.log_head h) = pg_current_xact_id()::xid then
    raise exception 'one append per transaction: this transaction has already appended' using errcode = 'CLM01';
  end if;

  -- 1. A retried command waits here for its first attempt, then gets that attempt's events back.
  insert into ledger.appends (append_id, stream_id) values (p_append_id, p_stream_id) on conflict do nothing;
  if not found then
    return query
      select e.position, e.stream_version, e.recorded_at, e.hash, true
      from ledger.appends a join ledger.events e
        on e.stream_id = a.stream_id and e.stream_version between a.first_version and a.last_version
      where a.append_id = p_append_id and a.stream_id = p_stream_id
      order by e.stream_version;
    if not found then
      raise exception 'append id % was already used for another stream', p_append_id using errcode = 'CLI01';
    end if;
    return;
  end if;

  -- 2. Optimistic concurrency: the stream row is locked here, before any position is consumed.
  update ledger.streams s set version = s.version + n, updated_at = clock_timestamp()
    where s.stream_id = p_stream_id and (p_expected_version is null or s.version = p_expected_version)
    returning s.version - n, s.stream_type, s.archived into v_version, v_type, v_archived;
  if not found then
    if p_expected_version is null or p_expected_version = 0 then
      insert into ledger.streams (stream_id, stream_type, version) values (p_stream_id, p_stream_type, n)
        on conflict (stream_id) do nothing;
      if found then
        v_version := 0; v_type := p_stream_type; v_archived := false;
      end if;
    end if;
    if v_version is null then
      select s.version into v_version from ledger.streams s where s.stream_id = p_stream_id;
      raise exception 'stream % is at version %, the append expected %', p_stream_id, coalesce(v_version, 0), p_expected_version
        using errcode = 'CLC01', hint = coalesce(v_version, 0)::text;
    end if;
  end if;
  if v_type <> p_stream_type then
    raise exception 'stream % has type %, not %', p_stream_id, v_type, p_stream_type using errcode = 'CLT01';
  end if;
  if v_archived then
    raise exception 'stream % is archived', p_stream_id using errcode = 'CLR01';
  end if;
  update ledger.appends a set first_version = v_version + 1, last_version = v_version + n where a.append_id = p_append_id;
  if v_version > 0 then
    select e.hash into strict v_stream_prev from ledger.events e where e.stream_id = p_stream_id and e.stream_version = v_version;
  end if;

  -- 3. What the user stated, hashed outside the lock.
  select array_agg(sha256(convert_to('cartledger/event-content/v1', 'UTF8')
           || uuid_send(p_event_ids[i]) || uuid_send(p_stream_id) || int8send(v_version + i)
           || int8send(ledger.epoch_us(p_occurred_at[i])) || int4send(p_schema_versions[i])
           || ledger.utf8_field(p_event_types[i]) || ledger.utf8_field(p_metadata[i]) || ledger.utf8_field(p_data[i]))
         order by i)
    into v_digests from generate_series(1, n) i;

  -- Parsing to jsonb is the costliest step of an insert: done here, outside the lock, too.
  v_data := p_data::jsonb[];
  v_metadata := p_metadata::jsonb[];

  -- 4. Where and when the ledger put it: under the log-head lock, taken last and held to commit.
  select h.position, h.log_hash, h.last_recorded_at into v_position, v_log, v_now from ledger.log_head h for update;
  v_now := greatest(clock_timestamp(), v_now); -- the database clock, never running backwards along the log
  v_now_us := ledger.epoch_us(v_now);
  v_prev := v_stream_prev;
  for i in 1..n loop
    v_prev := sha256(convert_to('cartledger/event/v1', 'UTF8') || int8send(v_position + i) || int8send(v_now_us) || v_digests[i] || v_prev);
    v_hashes[i] := v_prev;
    v_log := sha256(v_log || v_prev);
    v_logs[i] := v_log;
  end loop;
  insert into ledger.events (position, event_id, stream_id, stream_version, event_type, schema_version,
                             data_text, metadata_text, data, metadata, recorded_at, occurred_at, prev_hash, hash, log_hash)
    select v_position + u.i, u.event_id, p_stream_id, v_version + u.i, u.event_type, u.schema_version,
           u.data_text, u.metadata_text, u.data, u.metadata, v_now, u.occurred_at,
           coalesce(lag(u.hash) over (order by u.i), v_stream_prev), u.hash, u.log_hash
    from unnest(p_event_ids, p_event_types, p_schema_versions, p_data, p_metadata, v_data, v_metadata, p_occurred_at, v_hashes, v_logs)
         with ordinality as u(event_id, event_type, schema_version, data_text, metadata_text, data, metadata, occurred_at, hash, log_hash, i);
  update ledger.log_head set position = v_position + n, log_hash = v_log, last_recorded_at = v_now;
  perform pg_notify('cartledger_ledger', '');
  return query select v_position + i, v_version + i, v_now, v_hashes[i], false from generate_series(1, n) i;
end $$;

revoke all on function ledger.append(uuid, text, bigint, uuid, uuid[], text[], int[], text[], text[], timestamptz[]) from public;
