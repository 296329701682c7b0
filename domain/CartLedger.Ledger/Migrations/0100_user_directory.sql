-- The user directory: who may sign in, their printed name (21 CFR 11.50) and role, and a PBKDF2 password hash.
-- Numbered from 100 so it never collides with the ledger's own scripts (0001-0099). Users are never deleted
-- and a sign-in name is never reused (AT-14): deactivation sets deactivated_at.
create table ledger.users (
  user_id text primary key check (user_id ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  printed_name text not null check (length(btrim(printed_name)) > 0),
  role text not null check (role in ('operator', 'cardiologist', 'analyst', 'auditor', 'researcher', 'worker')),
  password_algorithm text not null check (password_algorithm = 'pbkdf2-sha256'),
  password_iterations int not null check (password_iterations >= 100000),
  password_salt bytea not null check (length(password_salt) >= 16),
  password_hash bytea not null check (length(password_hash) = 32),
  created_at timestamptz not null default clock_timestamp(),
  deactivated_at timestamptz
);

create function ledger.users_refuse_delete() returns trigger language plpgsql as $$
begin
  raise exception 'users are never deleted (deactivate instead): %', old.user_id using errcode = 'P0001';
end $$;

create trigger users_refuse_delete before delete on ledger.users for each row execute function ledger.users_refuse_delete();

create trigger users_refuse_truncate before truncate on ledger.users for each statement execute function ledger.users_refuse_delete();
