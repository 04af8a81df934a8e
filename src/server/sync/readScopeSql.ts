import { ENTITY_NAMES, INSPECTION_ENTITIES } from "../../domain/entities";
import type { ServerUser } from "../auth/ServerUser";

/** DOST-authored kinds (every kind that is not part of an inspection) that every team of the province reads. */
const PROVINCE_WIDE_ENTITIES = ENTITY_NAMES.filter((e) => !INSPECTION_ENTITIES.includes(e));

/**
 * SQL condition (on alias `alias`, with columns province, team, entity) limiting rows to what `user` may read,
 * with its parameters numbered from `firstParam`. admin: all; dost: its province; lead and inspector: their
 * team's rows and the province-wide DOST rows of their province (agency, team, plan, checklist, adoption, the issuer
 * settings, ...).
 */
export function readScopeSql(user: ServerUser, alias: string, firstParam: number): { sql: string; params: unknown[] } {
  if (user.role === "admin") return { sql: "true", params: [] };
  const p = `$${firstParam}`;
  if (user.role === "dost") return { sql: `${alias}.province = ${p}`, params: [user.province] };
  const t = `$${firstParam + 1}`;
  const wide = PROVINCE_WIDE_ENTITIES.map((e) => `'${e}'`).join(", ");
  return {
    sql: `${alias}.province = ${p} and (${alias}.team = ${t} or ${alias}.entity in (${wide}))`,
    params: [user.province, user.team],
  };
}
