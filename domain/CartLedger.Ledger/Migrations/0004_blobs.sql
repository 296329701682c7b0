-- Content-addressed bytes (DICOM files, meshes, masks), written in the same transaction as the event that
-- lists their hashes. The database itself refuses bytes that do not hash to their key.
create table ledger.blobs (
  sha256 bytea primary key check (octet_length(sha256) = 32),
  size_bytes bigint not null,
  bytes bytea not null,
  stored_at timestamptz not null default clock_timestamp(),
  check (octet_length(bytes) = size_bytes),
  check (sha256(bytes) = sha256));

-- Image bytes rarely shrink under pglz; storing them uncompressed keeps imports and reads predictable.
alter table ledger.blobs alter column bytes set storage external;

create trigger blobs_append_only before update or delete on ledger.blobs
  for each row execute function ledger.refuse_change();
create trigger blobs_no_truncate before truncate on ledger.blobs
  for each statement execute function ledger.refuse_change();
