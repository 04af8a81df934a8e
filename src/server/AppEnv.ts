import type { ServerUser } from "./auth/ServerUser";
import type { Storage } from "./Storage";

/**
 * Hono environment of the server. Every /api route can read `c.get("storage")` and `c.get("now")()`; routes
 * behind authentication (all but health, openapi and login) also `c.get("user")`.
 */
export interface AppEnv {
  Variables: {
    storage: Storage;
    now: () => number;
    user: ServerUser;
    /** The same clock read once per request, for the DOST routes. */
    nowMs: number;
  };
}
