import { createContext, useContext } from "react";
import type { AppDb } from "../db/AppDb";

/** The database the screens read and write; the app's singleton in production, a fresh one per test. */
export const DbContext = createContext<AppDb | null>(null);

export function useDb(): AppDb {
  const db = useContext(DbContext);
  if (!db) throw new Error("useDb outside DbContext");
  return db;
}
