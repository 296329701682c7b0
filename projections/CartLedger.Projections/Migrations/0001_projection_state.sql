-- Read models live in schema projections; each projection's version and last rebuild are kept here.
create schema if not exists projections;

create table projections.projection_state (
  name text primary key,
  version int not null,
  mode text not null check (mode in ('inline', 'async')),
  rebuilt_at timestamptz not null,
  rebuilt_through bigint not null);
