import { useEffect, useState } from "react";

export type TeamAccount = { username: string; displayName: string; role: string };

/** The province's accounts by team (GET /api/users, which DOST may read), to name teams that have no name record.
 * Offline or refused, it stays empty: team names then come from the local data alone. */
export function useTeamAccounts(token: string): Map<string, TeamAccount[]> {
  const [byTeam, setByTeam] = useState(new Map<string, TeamAccount[]>());
  useEffect(() => {
    let live = true;
    void fetch("/api/users", { headers: { authorization: `Bearer ${token}` } })
      .then(async (res) => (res.ok ? ((await res.json()) as { users: (TeamAccount & { team: string | null })[] }).users : []))
      .catch(() => [])
      .then((users) => {
        if (!live) return;
        const m = new Map<string, TeamAccount[]>();
        for (const u of users) if (u.team) m.set(u.team, [...(m.get(u.team) ?? []), { username: u.username, displayName: u.displayName ?? "", role: u.role }]);
        setByTeam(m);
      });
    return () => {
      live = false;
    };
  }, [token]);
  return byTeam;
}
