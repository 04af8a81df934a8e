// eslint-disable-next-line no-control-regex -- NUL is exactly what PostgreSQL cannot store
const BAD = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** PostgreSQL text and jsonb cannot hold NUL characters or lone surrogates: such input is rejected, not a 500. */
export function jsonIsStorable(value: unknown, depth = 0): boolean {
  if (depth > 64) return false;
  if (typeof value === "string") return !BAD.test(value);
  if (Array.isArray(value)) return value.every((v) => jsonIsStorable(v, depth + 1));
  if (value !== null && typeof value === "object") {
    return Object.entries(value).every(([k, v]) => !BAD.test(k) && jsonIsStorable(v, depth + 1));
  }
  if (typeof value === "number") return Number.isFinite(value);
  return true;
}
