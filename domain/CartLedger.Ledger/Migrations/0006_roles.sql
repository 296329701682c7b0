-- Group roles (NOLOGIN) for the people and hosts of ARCHITECTURE.md. Roles are cluster-wide: creating one
-- is idempotent and tolerates a parallel migration of another database creating it at the same moment.
-- Without CREATEROLE (a managed server) the roles are left to the DBA and only existing ones get grants.
do $$
declare
  r text;
  may_create boolean := (select rolsuper or rolcreaterole from pg_roles where rolname = current_user);
begin
  foreach r in array array['cartledger_staff', 'cartledger_analyst', 'cartledger_worker',
                           'cartledger_auditor', 'cartledger_researcher'] loop
    if may_create and not exists (select 1 from pg_roles where rolname = r) then
      begin
        execute format('create role %I nologin', r);
      exception when duplicate_object or unique_violation then
        null; -- created concurrently by a migration of another database
      end;
    end if;
  end loop;

  foreach r in array array['cartledger_staff', 'cartledger_analyst', 'cartledger_worker', 'cartledger_auditor'] loop
    if exists (select 1 from pg_roles where rolname = r) then
      execute format('grant usage on schema ledger to %I', r);
      execute format('grant select on all tables in schema ledger to %I', r);
      execute format('grant insert on ledger.checkpoints to %I', r);
    end if;
  end loop;

  -- Writers append only through ledger.append (security definer): no direct INSERT on events or streams.
  foreach r in array array['cartledger_staff', 'cartledger_analyst', 'cartledger_worker'] loop
    if exists (select 1 from pg_roles where rolname = r) then
      execute format('grant execute on function ledger.append(uuid, text, bigint, uuid, uuid[], text[], int[], text[], text[], timestamptz[]) to %I', r);
      execute format('grant insert on ledger.blobs to %I', r);
      execute format('grant insert, update on ledger.subscriptions, ledger.jobs to %I', r);
    end if;
  end loop;
end $$;
