import { timingSafeEqual } from "node:crypto";
import { parsePasswordHash, SCRYPT_PARAMS, sameParams, scryptAsync, type ScryptParams } from "./hashPassword";

/** Whether `password` matches a hash made by hashPassword, and whether that hash should be remade with `current`'s cost. */
export async function verifyPassword(password: string, stored: string, current: ScryptParams = SCRYPT_PARAMS): Promise<{ ok: boolean; rehash: boolean }> {
  const parsed = parsePasswordHash(stored);
  if (!parsed) return { ok: false, rehash: false };
  const key = await scryptAsync(password, parsed.salt, parsed.params);
  const ok = key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  return { ok, rehash: ok && !sameParams(parsed.params, current) };
}
