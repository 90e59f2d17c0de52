import { z } from "zod";
import type { ParameterError } from "./parse-query";

// Errors as RFC 9457 problem details (application/problem+json). `type` is a stable identifier a
// client can switch on; `errors` names each bad parameter.

export const PROBLEM_CONTENT_TYPE = "application/problem+json";

export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: "Identifies the kind of problem, e.g. /problems/invalid-parameters." }),
    title: z.string(),
    status: z.int(),
    detail: z.string(),
    errors: z
      .array(z.object({ parameter: z.string(), message: z.string() }))
      .optional()
      .meta({ description: "Each bad parameter and what is wrong with it (400 only)." }),
    choices: z
      .array(z.object({ titleType: z.enum(["full", "sectional"]), href: z.string() }))
      .optional()
      .meta({ description: "The properties the request could mean (300 only)." }),
  })
  .meta({
    id: "Problem",
    examples: [
      {
        type: "/problems/invalid-parameters",
        title: "Invalid parameters",
        status: 400,
        detail: "limit: must be at most 1000",
        errors: [{ parameter: "limit", message: "must be at most 1000" }],
      },
    ],
  });

export type Problem = z.infer<typeof ProblemSchema>;

export function problemResponse(problem: Problem, headers: HeadersInit = {}): Response {
  const response = Response.json(problem, { status: problem.status, headers });
  response.headers.set("Content-Type", PROBLEM_CONTENT_TYPE);
  response.headers.set("Cache-Control", "no-store");
  return response;
}

export function invalidParameters(errors: ParameterError[]): Response {
  return problemResponse({
    type: "/problems/invalid-parameters",
    title: "Invalid parameters",
    status: 400,
    detail: errors.map((error) => `${error.parameter}: ${error.message}`).join("; "),
    errors,
  });
}

export function notFound(detail: string): Response {
  return problemResponse({ type: "/problems/not-found", title: "Not found", status: 404, detail });
}

export function internalError(): Response {
  return problemResponse({
    type: "/problems/internal-error",
    title: "Internal error",
    status: 500,
    detail: "Something went wrong on our side. It has been logged; please try again later.",
  });
}
