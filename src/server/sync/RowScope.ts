/** The province and team a row belongs to, fixed by its first accepted change. null team = province-wide. */
export interface RowScope {
  province: string | null;
  team: string | null;
}

/** What push needs to know about a row that already exists. */
export interface KnownRow extends RowScope {
  data: Record<string, unknown>;
}
