import { z } from "zod";

// Building blocks for query-string parameters. A query string carries text only, so each schema
// takes a string, checks its exact form and turns it into the typed value; `.meta()` tells the
// OpenAPI document the type a client should send (lib/openapi drops the string-side keywords).

// NUL cannot be sent to PostgreSQL and no parameter needs any other control character.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

type Documented = { description: string; example?: string | number | boolean };

// `example` (singular) is the OpenAPI parameter field lib/openapi copies it to.
function withExample(meta: Documented) {
  return meta.example === undefined ? { description: meta.description } : { description: meta.description, example: meta.example };
}

export function textParam(options: Documented & { maxLength: number; minLength?: number; pattern?: RegExp; patternMessage?: string }) {
  const minLength = options.minLength ?? 1;
  let schema = z
    .string()
    .trim()
    .min(minLength, minLength === 1 ? "must not be empty" : `must have at least ${minLength} characters`)
    .max(options.maxLength, `must have at most ${options.maxLength} characters`)
    .refine((value) => !CONTROL_CHARACTERS.test(value), "must not contain control characters");
  if (options.pattern) schema = schema.regex(options.pattern, options.patternMessage ?? "has the wrong form");
  return schema.meta(withExample(options));
}

export function integerParam(options: Documented & { minimum: number; maximum: number }) {
  const { minimum, maximum } = options;
  return z
    .string()
    .regex(/^\d{1,16}$/, "must be a whole number (digits only)")
    .transform(Number)
    .pipe(z.number().min(minimum, `must be at least ${minimum}`).max(maximum, `must be at most ${maximum}`))
    .meta({ ...withExample(options), type: "integer", minimum, maximum });
}

export function decimalParam(options: Documented & { minimum: number; maximum: number }) {
  const { minimum, maximum } = options;
  return z
    .string()
    .regex(/^\d{1,12}(\.\d{1,2})?$/, "must be a number with at most two decimals (e.g. 1634.5)")
    .transform(Number)
    .pipe(z.number().min(minimum, `must be at least ${minimum}`).max(maximum, `must be at most ${maximum}`))
    .meta({ ...withExample(options), type: "number", minimum, maximum });
}

export function booleanParam(options: Documented) {
  return z
    .enum(["true", "false"], { error: 'must be "true" or "false"' })
    .transform((value) => value === "true")
    .meta({ ...withExample(options), type: "boolean" });
}

export function enumParam<const T extends readonly [string, ...string[]]>(values: T, options: Documented) {
  const list = values.length > 12 ? "the values listed in the API documentation" : values.join(", ");
  return z.enum(values, { error: `must be one of: ${list}` }).meta(withExample(options));
}
