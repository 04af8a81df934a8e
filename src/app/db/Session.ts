/** What login stores in `meta` under META.session. */
export interface Session {
  token: string;
  user: { username: string; role: "inspector" | "lead" | "dost" | "admin"; province: string | null; team: string | null };
}
