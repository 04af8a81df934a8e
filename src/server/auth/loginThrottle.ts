import type { Queryable } from "../Storage";

/**
 * Login throttling by progressive delays, kept in the database so every server instance shares it. Three keys:
 *   `ui:<user>|<address>`  every failure of that pair; free tries, then a doubling delay up to 15 minutes;
 *   `u:<user>`             failures from every address, for a spread-out attack on one account; skipped for an
 *                          address that logged in to this account before, so an attacker cannot lock the owner out;
 *   `i:<address>`          failures on every account from one address (guessing many accounts); skipped for an
 *                          address where anyone logged in before, so one office address is not locked for all.
 * The user key is also the lock that lets one password check run at a time per username: attempts are counted
 * before the check, atomically, so a parallel burst is checked one by one.
 */
export const LOGIN_THROTTLE = {
  pair: { free: 5, maxDelayMs: 15 * 60 * 1000 },
  /** The pair of an address that logged in to the account before: slowed down, never for long. */
  knownPair: { free: 10, maxDelayMs: 60 * 1000 },
  user: { free: 20, maxDelayMs: 60 * 1000 },
  address: { free: 50, maxDelayMs: 60 * 1000 },
  /** Failures older than this are forgotten. */
  forgetMs: 24 * 60 * 60 * 1000,
  /** How long a claimed check may hold the username (a crashed instance frees it after this). */
  busyMs: 30 * 1000,
} as const;

type Rule = { free: number; maxDelayMs: number };

/** The delay after `failures` failures: none within the free tries, then 1 s, 2 s, 4 s… up to the rule's maximum. */
export function delayAfter(failures: number, rule: Rule): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxDelayMs, 1000 * 2 ** Math.min(30, failures - rule.free));
}

export interface LoginKeys {
  pair: string;
  user: string;
  address: string;
}

export function loginKeys(userKey: string, address: string): LoginKeys {
  return { pair: `ui:${userKey}|${address}`, user: `u:${userKey}`, address: `i:${address}` };
}

/** The keys whose delays apply to this attempt (see LOGIN_THROTTLE). */
async function applicableKeys(db: Queryable, userKey: string, address: string): Promise<{ key: string; rule: Rule }[]> {
  const k = loginKeys(userKey, address);
  const r = await db.query<{ mine: boolean; anyone: boolean }>(
    `select exists (select 1 from login_known where user_key = $1 and address = $2) as mine,
            exists (select 1 from login_known where address = $2) as anyone`,
    [userKey, address],
  );
  const { mine, anyone } = r.rows[0]!;
  return [
    { key: k.pair, rule: mine ? LOGIN_THROTTLE.knownPair : LOGIN_THROTTLE.pair },
    ...(mine ? [] : [{ key: k.user, rule: LOGIN_THROTTLE.user }]),
    ...(anyone ? [] : [{ key: k.address, rule: LOGIN_THROTTLE.address }]),
  ];
}

/**
 * Claims the right to check a password for `userKey` from `address`: `{ ok: true }`, or the milliseconds to wait
 * (another check of this username is in flight, or a delay applies). A successful claim must be ended with
 * finishLoginAttempt.
 */
export async function claimLoginAttempt(db: Queryable, userKey: string, address: string, nowMs: number): Promise<{ ok: true } | { ok: false; waitMs: number }> {
  const k = loginKeys(userKey, address);
  const claimed = await db.query(
    `insert into login_throttle (key, busy_until_ms) values ($1, $2)
     on conflict (key) do update set busy_until_ms = excluded.busy_until_ms where login_throttle.busy_until_ms <= $3
     returning key`,
    [k.user, nowMs + LOGIN_THROTTLE.busyMs, nowMs],
  );
  if (claimed.rows.length === 0) return { ok: false, waitMs: 1000 };
  const keys = await applicableKeys(db, userKey, address);
  const r = await db.query<{ next: string }>("select max(next_ms)::text as next from login_throttle where key in (select jsonb_array_elements_text($1::jsonb))", [
    JSON.stringify(keys.map((x) => x.key)),
  ]);
  const wait = Number(r.rows[0]?.next ?? 0) - nowMs;
  if (wait > 0) {
    await release(db, k.user);
    return { ok: false, waitMs: wait };
  }
  return { ok: true };
}

/** Ends a claimed attempt: a failure counts against every applicable key; a success clears its pair and remembers it. */
export async function finishLoginAttempt(db: Queryable, userKey: string, address: string, nowMs: number, success: boolean): Promise<void> {
  const k = loginKeys(userKey, address);
  if (success) {
    await db.query("delete from login_throttle where key = $1", [k.pair]);
    await db.query(
      "insert into login_known (user_key, address, at_ms) values ($1, $2, $3) on conflict (user_key, address) do update set at_ms = excluded.at_ms",
      [userKey, address, nowMs],
    );
  } else {
    for (const { key, rule } of await applicableKeys(db, userKey, address)) {
      const r = await db.query<{ failures: number }>(
        `insert into login_throttle (key, failures, last_failure_ms) values ($1, 1, $2)
         on conflict (key) do update set
           failures = case when login_throttle.last_failure_ms < $3 then 1 else login_throttle.failures + 1 end,
           last_failure_ms = excluded.last_failure_ms
         returning failures`,
        [key, nowMs, nowMs - LOGIN_THROTTLE.forgetMs],
      );
      const failures = r.rows[0]!.failures;
      await db.query("update login_throttle set next_ms = $2 where key = $1", [key, nowMs + delayAfter(failures, rule)]);
    }
  }
  await release(db, k.user);
}

async function release(db: Queryable, key: string): Promise<void> {
  await db.query("update login_throttle set busy_until_ms = 0 where key = $1", [key]);
}
