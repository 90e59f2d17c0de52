import type { z } from "zod";
import { invalidParameters } from "@/lib/api/problem";
import { adminProblem } from "@/lib/auth/admin-problem";

// A JSON request body checked against a schema, or the 400/415 answer that says what is wrong.
// An empty body counts as {} (every field has a default). Requiring application/json also means a
// cross-site HTML form cannot post here.

export async function parseJsonBody<S extends z.ZodType>(request: Request, schema: S): Promise<{ ok: true; value: z.output<S> } | { ok: false; response: Response }> {
  const text = await request.text();
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  if (text.trim() !== "" && !contentType.startsWith("application/json")) {
    return {
      ok: false,
      response: adminProblem({ type: "/problems/unsupported-media-type", title: "Unsupported media type", status: 415, detail: "Send the body as application/json." }),
    };
  }
  let body: unknown = {};
  if (text.trim() !== "") {
    try {
      body = JSON.parse(text);
    } catch {
      return { ok: false, response: invalidParameters([{ parameter: "body", message: "is not valid JSON" }]).toResponse() };
    }
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const errors = parsed.error.issues.flatMap((issue) =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ parameter: key, message: "is not a field of this request" }))
      : [{ parameter: issue.path.length > 0 ? issue.path.join(".") : "body", message: issue.message }],
  );
  return { ok: false, response: invalidParameters(errors).toResponse() };
}
