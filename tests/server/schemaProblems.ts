/** Where a value breaks a JSON Schema, for the subset the OpenAPI document uses ($ref into the document, type,
 * enum, const, required, properties, items, anyOf, pattern, min/max length and items). Empty: it fits. */
export function schemaProblems(doc: unknown, schema: unknown, value: unknown, at = "$"): string[] {
  const s = schema as Record<string, unknown>;
  if (typeof s.$ref === "string") {
    const target = s.$ref.slice(2).split("/").reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], doc);
    if (target === undefined) return [`${at}: unresolved ${s.$ref}`];
    return schemaProblems(doc, target, value, at);
  }
  const out: string[] = [];
  const kind = value === null ? "null" : Array.isArray(value) ? "array" : Number.isInteger(value) ? "integer" : typeof value;
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (!types.some((t) => t === kind || (t === "number" && kind === "integer"))) return [`${at}: ${kind}, not ${types.join("|")}`];
  }
  if (Array.isArray(s.enum) && !s.enum.includes(value)) out.push(`${at}: ${JSON.stringify(value)} not in enum`);
  if ("const" in s && s.const !== value) out.push(`${at}: ${JSON.stringify(value)} ≠ ${JSON.stringify(s.const)}`);
  if (Array.isArray(s.anyOf) && s.anyOf.every((alt) => schemaProblems(doc, alt, value, at).length > 0)) out.push(`${at}: fits no alternative`);
  if (typeof value === "string") {
    if (typeof s.pattern === "string" && !new RegExp(s.pattern).test(value)) out.push(`${at}: does not match ${s.pattern}`);
    if (typeof s.minLength === "number" && value.length < s.minLength) out.push(`${at}: shorter than ${s.minLength}`);
    if (typeof s.maxLength === "number" && value.length > s.maxLength) out.push(`${at}: longer than ${s.maxLength}`);
  }
  if (Array.isArray(value)) {
    if (typeof s.maxItems === "number" && value.length > s.maxItems) out.push(`${at}: more than ${s.maxItems} items`);
    if (s.items) value.forEach((v, i) => out.push(...schemaProblems(doc, s.items, v, `${at}[${i}]`)));
  }
  if (kind === "object") {
    const obj = value as Record<string, unknown>;
    for (const k of (s.required as string[] | undefined) ?? []) if (!(k in obj)) out.push(`${at}.${k}: missing`);
    const props = (s.properties ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(obj)) if (props[k]) out.push(...schemaProblems(doc, props[k], v, `${at}.${k}`));
    if (s.additionalProperties && typeof s.additionalProperties === "object") {
      for (const [k, v] of Object.entries(obj)) if (!props[k]) out.push(...schemaProblems(doc, s.additionalProperties, v, `${at}.${k}`));
    }
  }
  return out;
}
