import { z } from "zod";

// zod → JSON Schema (2020-12, OpenAPI 3.1's dialect) for the document: named schemas become
// components that refer to one another; parameter schemas describe what a client sends.

type JsonSchema = Record<string, unknown>;

/** The components of the given schemas (each carries `.meta({ id })`), with $refs between them. */
export function componentSchemas(schemas: readonly z.ZodType[]): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const schema of schemas) {
    const id = z.globalRegistry.get(schema)?.id;
    if (!id) throw new Error("every component schema needs .meta({ id })");
    registry.add(schema, { id });
  }
  const { schemas: generated } = z.toJSONSchema(registry, { uri: (id) => `#/components/schemas/${id}` }) as { schemas: Record<string, JsonSchema> };
  return Object.fromEntries(
    Object.entries(generated).map(([id, schema]) => {
      const { $schema: _schema, $id: _id, ...rest } = schema;
      return [id, rest];
    }),
  );
}

export type ParameterObject = {
  name: string;
  in: "query" | "path";
  required: boolean;
  description?: string;
  schema: JsonSchema;
  example?: unknown;
};

/** One OpenAPI parameter per property of a query (or path) schema, typed as the client sends it. */
export function parameterObjects(shape: Record<string, z.ZodType>, location: "query" | "path"): ParameterObject[] {
  return Object.entries(shape).map(([name, schema]) => {
    const { $schema: _schema, description, example, ...json } = z.toJSONSchema(schema, { io: "input" }) as JsonSchema;
    // The checks of the string side (pattern, lengths, "true"/"false") describe text, not the
    // number or flag it carries.
    if (json.type !== "string") {
      delete json.pattern;
      delete json.minLength;
      delete json.maxLength;
      delete json.enum;
    }
    return {
      name,
      in: location,
      required: location === "path",
      ...(typeof description === "string" ? { description } : {}),
      schema: json,
      ...(example !== undefined ? { example } : {}),
    };
  });
}
