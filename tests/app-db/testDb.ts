import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import type { AppDb } from "../../src/app/db/AppDb";
import { openAppDb } from "../../src/app/db/openAppDb";

let n = 0;
/** A fresh database on its own fake IndexedDB (or a shared factory to reopen one by name). */
export function testDb(name = `t${++n}`, factory: IDBFactory = new IDBFactory()): AppDb {
  return openAppDb(name, { indexedDB: factory, IDBKeyRange });
}
