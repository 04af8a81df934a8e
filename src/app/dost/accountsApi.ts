import type { DeviceToken } from "../../domain/deviceToken";

/** The account routes (/api/users…) as the console calls them; every failure is an Error with a message in the UI's language. */

export type AccountRole = "admin" | "dost" | "lead" | "inspector";

/** An account as GET /api/users lists it. */
export interface Account {
  id: string;
  username: string;
  role: AccountRole;
  province: string | null;
  team: string | null;
  displayName: string;
  disabled: boolean;
}

type T = (vi: string, en: string) => string;

/** English for the refusals the server marks with a code; its Vietnamese `detail` is shown as is. */
const ENGLISH: Record<string, string> = {
  "username-taken": "This username is already taken (letter case does not matter). Choose another.",
  "weak-password": "The password is too weak: at least 12 characters, not a common one, not like the username.",
  "other-province": "A DOST account manages only the accounts of its own province (and never makes administrators).",
  "team-other-province": "That team belongs to another province; an account can only join a team of its own province.",
  "team-required": "A team lead or inspector must belong to a team.",
  "own-role": "You cannot change your own role.",
  "own-password": "Change your own password in Settings (it asks for the current one).",
};

/** English for a refused field (code "invalid"). */
const INVALID_FIELD: Record<string, string> = {
  username: "The username is not valid: 2 to 64 plain letters, digits and . _ @ - (no spaces, no diacritics).",
  displayName: "The full name is too long (200 characters at most).",
  role: "That role cannot be given to this account.",
  team: "The team id is not valid.",
  province: "The account needs a province.",
};

async function call<R>(token: string, t: T, method: string, path: string, body?: unknown): Promise<R> {
  let res: Response;
  try {
    res = await fetch(`/api/users${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new Error(t("Không kết nối được máy chủ. Quản lý tài khoản cần mạng; hãy thử lại khi có kết nối.", "Cannot reach the server. Managing accounts needs the network; try again when connected."));
  }
  if (!res.ok) {
    let detail = t(`Máy chủ trả lỗi ${res.status}.`, `The server answered ${res.status}.`);
    try {
      const p = (await res.json()) as { detail?: string; code?: string; field?: string };
      const en = p.code === "invalid" && p.field ? INVALID_FIELD[p.field] : p.code ? ENGLISH[p.code] : undefined;
      if (p.detail) detail = t(p.detail, en ?? p.detail);
      if (res.status === 404) detail = t("Không có tài khoản này (hoặc bạn không có quyền quản lý nó).", "No such account (or you may not manage it).");
    } catch {
      // keep the status line
    }
    throw new Error(detail);
  }
  return (await res.json()) as R;
}

export const accountsApi = {
  list: (token: string, t: T) => call<{ users: Account[] }>(token, t, "GET", "").then((r) => r.users),
  create: (token: string, t: T, body: { username: string; password: string; role: AccountRole; province: string | null; team: string | null; displayName: string }) =>
    call<{ user: Account }>(token, t, "POST", "", body).then((r) => r.user),
  update: (token: string, t: T, id: string, body: { displayName?: string; role?: AccountRole; team?: string | null }) =>
    call<{ user: Account }>(token, t, "PATCH", `/${encodeURIComponent(id)}`, body).then((r) => r.user),
  setDisabled: (token: string, t: T, id: string, disabled: boolean) =>
    call<{ user: Account }>(token, t, "POST", `/${encodeURIComponent(id)}/${disabled ? "disable" : "enable"}`).then((r) => r.user),
  resetPassword: (token: string, t: T, id: string) => call<{ password: string; revokedTokens: number }>(token, t, "POST", `/${encodeURIComponent(id)}/password`),
  devices: (token: string, t: T, id: string) => call<{ tokens: DeviceToken[] }>(token, t, "GET", `/${encodeURIComponent(id)}/tokens`).then((r) => r.tokens),
  revokeDevice: (token: string, t: T, id: string, tokenId: string) => call<{ revoked: number }>(token, t, "DELETE", `/${encodeURIComponent(id)}/tokens/${encodeURIComponent(tokenId)}`),
};

/** A random password for a new account (shown once): four groups of four letters and digits that cannot be misread. */
export function randomPassword(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  const chars: string[] = [];
  // bytes at or above 248 (8 × 31) are skipped, so every character is equally likely
  while (chars.length < 16) for (const b of crypto.getRandomValues(new Uint8Array(32))) if (b < 248 && chars.length < 16) chars.push(alphabet[b % alphabet.length]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join("")).join("-");
}
