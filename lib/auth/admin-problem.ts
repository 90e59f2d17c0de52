import { PROBLEM_CONTENT_TYPE } from "@/lib/api/problem";

// Admin answers use the API's problem+json shape; some carry an extra member (the running run of a
// 409, the wait of a 429), which the public Problem type does not list.

export type AdminProblem = { type: string; title: string; status: number; detail: string } & Record<string, unknown>;

export function adminProblem(problem: AdminProblem, headers: HeadersInit = {}): Response {
  const response = Response.json(problem, { status: problem.status, headers });
  response.headers.set("Content-Type", PROBLEM_CONTENT_TYPE);
  response.headers.set("Cache-Control", "no-store");
  return response;
}
