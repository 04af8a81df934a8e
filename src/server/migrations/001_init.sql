-- Schema of the sync server, the same on PGlite and PostgreSQL.
--
-- changes    the change log: every change ever pushed, once (its client-made `id` is unique). `seq` is the pull
--            cursor; pushes take pg_advisory_xact_lock(4242) before inserting, so sequence order is commit order
--            and a reader never sees seq N+1 committed before seq N. status = accepted | rejected (with a
--            Vietnamese `reason`); only accepted changes are merged and pulled. province/team is the scope of
--            the row at the time (fixed by the row's first accepted change); `raw` keeps a rejected change as sent.
-- rows       current state, one row per (entity, row_id): `data` = merged field values, `meta` = per field
--            {hlc, changeId} of the winning change, `conflicts` = per field the FieldConflict[] the merge keeps
--            (concurrent, backward, locked), `conflict_count` their total. `inspection_id` names the inspection
--            the row belongs to (self for inspections). Recomputed with src/domain/mergeField.ts in the same
--            transaction as the change is stored.
-- users, tokens, login_failures   accounts (scrypt hashes), sha256 of bearer tokens, failed logins for the
--            rate limit (kept in the database so several server instances share it).
-- blobs, blob_owners   photos by sha256, and which province/team uploaded them (read scope).
-- server_meta  key/value: `epoch`, changed when the database is restored from a backup.
create table server_meta (
  key text primary key,
  value text not null
);

create table users (
  id text primary key,
  username text not null unique,
  password_hash text not null,
  role text not null check (role in ('admin', 'dost', 'lead', 'inspector')),
  province text,
  team text,
  display_name text not null default '',
  created_at timestamptz not null default now()
);

create table tokens (
  token_hash text primary key,
  user_id text not null references users(id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at_ms bigint not null,
  revoked boolean not null default false
);
create index tokens_user on tokens(user_id);

create table login_failures (
  key text not null,
  at_ms bigint not null
);
create index login_failures_key on login_failures(key, at_ms);

create table changes (
  seq bigserial primary key,
  id text not null unique,
  entity text,
  row_id text,
  field text,
  value jsonb,
  hlc text,
  prev_hlc text,
  device text,
  "user" text,
  merges jsonb,
  reopen boolean not null default false,
  province text,
  team text,
  status text not null check (status in ('accepted', 'rejected')),
  reason text,
  pushed_by text,
  raw jsonb,
  received_at timestamptz not null default now()
);
create index changes_row on changes(entity, row_id) where status = 'accepted';
create index changes_scope on changes(province, team, seq) where status = 'accepted';

create table rows (
  entity text not null,
  row_id text not null,
  province text,
  team text,
  data jsonb not null default '{}',
  meta jsonb not null default '{}',
  conflicts jsonb not null default '{}',
  conflict_count integer not null default 0,
  inspection_id text,
  updated_seq bigint,
  primary key (entity, row_id)
);
create index rows_inspection on rows(inspection_id);
create index rows_scope on rows(province, team, entity);

create table blobs (
  sha256 text primary key,
  bytes bytea not null,
  size integer not null,
  mime text not null,
  created_at timestamptz not null default now()
);

create table blob_owners (
  sha256 text not null references blobs(sha256) on delete cascade,
  province text not null,
  team text not null,
  primary key (sha256, province, team)
);
