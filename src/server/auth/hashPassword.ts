import { randomBytes, scrypt } from "node:crypto";
import { limitConcurrency } from "../limitConcurrency";

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
  keyLength: number;
}

/** Today's cost: N = 2^17 (128 MiB per hash). A stored hash with other parameters is rehashed at the next login. */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1, keyLength: 32 };

/** At most two hashes at once: each takes 128 MiB, so a burst of logins must queue, not exhaust memory. */
const hashSlots = limitConcurrency(2);

/** `scrypt$N=…,r=…,p=…,len=…$salt$hash` (base64url), with a random 16-byte salt: every parameter is in the hash. */
export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, params);
  return `scrypt$N=${params.N},r=${params.r},p=${params.p},len=${params.keyLength}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

/** The parameters, salt and key of a stored hash (also the older `scrypt$N$salt$hash`, which meant r=8, p=1), or null. */
export function parsePasswordHash(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const [scheme, spec, salt, hash, ...rest] = stored.split("$");
  if (scheme !== "scrypt" || !spec || !salt || !hash || rest.length > 0) return null;
  const key = Buffer.from(hash, "base64url");
  let params: ScryptParams;
  if (/^\d+$/.test(spec)) params = { N: Number(spec), r: 8, p: 1, keyLength: key.length };
  else {
    const kv = new Map(spec.split(",").map((p) => p.split("=") as [string, string]));
    params = { N: Number(kv.get("N")), r: Number(kv.get("r")), p: Number(kv.get("p")), keyLength: Number(kv.get("len")) };
  }
  const { N, r, p, keyLength } = params;
  const sane = Number.isInteger(N) && N >= 2 && N <= 2 ** 20 && (N & (N - 1)) === 0 && r >= 1 && r <= 32 && p >= 1 && p <= 16 && keyLength === key.length && keyLength >= 16;
  return sane ? { params, salt: Buffer.from(salt, "base64url"), key } : null;
}

export function sameParams(a: ScryptParams, b: ScryptParams): boolean {
  return a.N === b.N && a.r === b.r && a.p === b.p && a.keyLength === b.keyLength;
}

export function scryptAsync(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const maxmem = 128 * params.N * params.r * params.p + 32 * 1024 * 1024;
  return hashSlots(
    () =>
      new Promise<Buffer>((resolve, reject) => {
        scrypt(password.normalize("NFC"), salt, params.keyLength, { N: params.N, r: params.r, p: params.p, maxmem }, (err, key) =>
          err ? reject(err) : resolve(key),
        );
      }),
  );
}
