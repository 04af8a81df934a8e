import type { z } from "zod";

/**
 * The same object schema, reading a missing field as the given value: a file written before the field existed still
 * opens, and a value that is present is checked exactly as before. (The defaults are not validated: give real ones.)
 */
export function withDefaults<S extends z.ZodObject>(schema: S, defaults: { [K in keyof z.output<S>]?: z.output<S>[K] }): S {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, value] of Object.entries(defaults)) {
    const field = schema.shape[key] as z.ZodType | undefined;
    if (!field) throw new Error(`withDefaults: no field ${key}`);
    shape[key] = field.default(value as never);
  }
  return schema.extend(shape) as unknown as S;
}
