/** A parsed hash route: `#/i/<id>/score?c=I.3.2` → path segments and query. */
export interface Route {
  segments: string[];
  query: Record<string, string>;
}

export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, "");
  const [path = "", qs = ""] = raw.split("?", 2);
  const segments = path.split("/").filter(Boolean).map(decodeURIComponent);
  const query: Record<string, string> = {};
  for (const [k, v] of new URLSearchParams(qs)) query[k] = v;
  return { segments, query };
}
