import { z } from "zod";
import type { ParameterError } from "./parse-query";

// Errors as RFC 9457 problem details (application/problem+json). `type` is a stable identifier a
// client can switch on; `errors` names each bad parameter. A handler throws an ApiError (or returns
// its response); ApiError.toResponse is the one place a problem becomes an HTTP answer.

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

/** The members every problem has; admin answers add their own (the running run of a 409, the wait of a 429). */
export type ProblemBody = { type: string; title: string; status: number; detail: string } & Record<string, unknown>;

/** A problem answer: thrown by a handler (or a lib function it calls) and rendered by its route wrapper. */
export class ApiError extends Error {
  constructor(
    readonly problem: ProblemBody,
    /** Headers of this answer only, e.g. Retry-After. */
    readonly headers: HeadersInit = {},
  ) {
    super(problem.detail);
    this.name = "ApiError";
  }

  get status(): number {
    return this.problem.status;
  }

  /** application/problem+json, never cached; a HEAD request gets the headers without the body. */
  toResponse(method = "GET"): Response {
    const headers = new Headers(this.headers);
    headers.set("Content-Type", PROBLEM_CONTENT_TYPE);
    headers.set("Cache-Control", "no-store");
    return new Response(method.toUpperCase() === "HEAD" ? null : JSON.stringify(this.problem), { status: this.problem.status, headers });
  }
}

export function invalidParameters(errors: ParameterError[]): ApiError {
  return new ApiError({
    type: "/problems/invalid-parameters",
    title: "Invalid parameters",
    status: 400,
    detail: errors.map((error) => `${error.parameter}: ${error.message}`).join("; "),
    errors,
  });
}

export function notFound(detail: string): ApiError {
  return new ApiError({ type: "/problems/not-found", title: "Not found", status: 404, detail });
}

export function internalError(): ApiError {
  return new ApiError({
    type: "/problems/internal-error",
    title: "Internal error",
    status: 500,
    detail: "Something went wrong on our side. It has been logged; please try again later.",
  });
}
