-- Accounts: case-insensitive usernames, disabled accounts, tokens issued per device with a sliding expiry,
-- and login throttling by progressive delays instead of a hard lock.
--
-- users.username_key       lower-case username: the one key for lookup and for the login limit (not unique,
--                          so a database holding two case variants still migrates; new accounts check it).
-- users.disabled           a disabled account cannot log in and its tokens are refused at once.
-- tokens.device            the device id the login named (null for tokens issued before); pushes are bound to it.
-- tokens.issued_at_ms, last_used_at_ms, user_agent   for the device list and the idle limit.
-- login_throttle           per key (`u:<user>`, `ui:<user>|<address>`, `i:<address>`): failures, when the last one
--                          was, the earliest next attempt, and `busy_until_ms` while a verification is in flight.
-- login_known              (user, address) pairs that logged in successfully: never slowed down by others' failures.
alter table users add column username_key text;
update users set username_key = lower(username);
alter table users alter column username_key set not null;
create index users_by_username_key on users(username_key);
alter table users add column disabled boolean not null default false;

alter table tokens add column device text;
alter table tokens add column issued_at_ms bigint;
alter table tokens add column last_used_at_ms bigint;
alter table tokens add column user_agent text not null default '';
update tokens set issued_at_ms = expires_at_ms - 15552000000, last_used_at_ms = expires_at_ms - 15552000000;

create table login_throttle (
  key text primary key,
  failures integer not null default 0,
  last_failure_ms bigint not null default 0,
  next_ms bigint not null default 0,
  busy_until_ms bigint not null default 0
);

create table login_known (
  user_key text not null,
  address text not null,
  at_ms bigint not null,
  primary key (user_key, address)
);
create index login_known_address on login_known(address)
