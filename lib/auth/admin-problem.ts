import { ApiError, type ProblemBody } from "@/lib/api/problem";

// Admin answers use the API's problem+json shape; some carry an extra member (the running run of a
// 409, the wait of a 429), which the public Problem type does not list.

export type AdminProblem = ProblemBody;

export function adminProblem(problem: AdminProblem, headers: HeadersInit = {}): Response {
  return new ApiError(problem, headers).toResponse();
}
