import { AppDb, type AppDbOptions } from "./AppDb";

/** Opens (lazily, on first use) the tablet database of that name. */
export function openAppDb(name = "htqlcl", opts: AppDbOptions = {}): AppDb {
  return new AppDb(name, opts);
}
