import type { ScryptParams } from "./auth/hashPassword";
import type { ServerUser } from "./auth/ServerUser";
import type { BodyRule } from "./readJson";
import type { Storage } from "./Storage";

/**
 * Hono environment of the server. Every /api route can read `c.get("storage")` and `c.get("now")()`; routes
 * behind authentication (all but health, ready, openapi and login) also `c.get("user")`, the token that
 * authenticated it (`tokenId`) and the device that token was issued to (`device`, null for a token issued
 * before tokens named their device).
 */
export interface AppEnv {
  Variables: {
    storage: Storage;
    now: () => number;
    user: ServerUser;
    /** Public id of the bearer token of the request (first 16 hex digits of its sha256). */
    tokenId: string;
    /** The device the token was issued to at login, or null. */
    device: string | null;
    /** The same clock read once per request, for the DOST routes. */
    nowMs: number;
    /** The scrypt cost of new password hashes (SCRYPT_PARAMS; tests inject a cheaper one, as they inject the clock). */
    hashParams: ScryptParams;
    /** How the route reads its JSON body (limit, gzip); readJson's default when unset. */
    bodyRule: BodyRule;
  };
}
