import { uuidv7 } from "../../domain/uuidv7";
import { randomBytes } from "./randomBytes";

/** A fresh record id made on the device. */
export function newId(nowMs: number = Date.now()): string {
  return uuidv7(nowMs, randomBytes(10));
}
