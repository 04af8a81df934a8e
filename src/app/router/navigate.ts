/** Go to a hash route (`/i/<id>/score`); query values are encoded. `replace` keeps history short. */
export function navigate(path: string, query?: Record<string, string | undefined>, replace = false): void {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== "") qs.set(k, v);
  const s = qs.toString();
  const hash = `#${path}${s ? `?${s}` : ""}`;
  if (replace) {
    history.replaceState(history.state, "", hash);
    window.dispatchEvent(new HashChangeEvent("hashchange"));
  } else {
    window.location.hash = hash;
  }
}
