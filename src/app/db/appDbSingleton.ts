import { openAppDb } from "./openAppDb";

/**
 * The app's one database. (Not in appDb.ts: that name differs from AppDb.ts only in case, which TypeScript and
 * case-insensitive file systems refuse.) Tests open their own with openAppDb(name, { indexedDB }).
 */
export const appDb = openAppDb();
