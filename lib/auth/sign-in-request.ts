import { z } from "zod";

// The body of POST /api/admin/sign-in: a form from the sign-in page (answered with redirects) or
// JSON from a script (answered with JSON). Read with a limit: a password field needs a few hundred
// bytes, so a bigger body is refused before it is parsed (or even read to its end).

export type SignInRequest = { password: string; form: boolean };

/** The most a sign-in body may hold: a 1 024-character password with room for form encoding. */
export const SIGN_IN_BODY_LIMIT = 8 * 1024;

const bodySchema = z.strictObject({ password: z.string().max(1_024) });

function isForm(contentType: string): boolean {
  return contentType.startsWith("application/x-www-form-urlencoded") || contentType.startsWith("multipart/form-data");
}

/** The body's bytes, or "too-large" as soon as it is known to exceed `limit` (by Content-Length or by reading). */
export async function readLimitedBody(request: Request, limit: number): Promise<Buffer | "too-large"> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > limit) return "too-large";
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let next = await reader.read(); !next.done; next = await reader.read()) {
    size += next.value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return "too-large";
    }
    chunks.push(next.value);
  }
  return Buffer.concat(chunks);
}

/**
 * The password and how to answer; null when the body is neither a form nor JSON of that shape;
 * "too-large" past SIGN_IN_BODY_LIMIT.
 */
export async function readSignInRequest(request: Request): Promise<SignInRequest | null | "too-large"> {
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  if (!isForm(contentType) && !contentType.startsWith("application/json")) return null;
  const body = await readLimitedBody(request, SIGN_IN_BODY_LIMIT);
  if (body === "too-large") return body;
  try {
    if (isForm(contentType)) {
      const form = await new Response(new Uint8Array(body), { headers: { "content-type": request.headers.get("content-type")! } }).formData();
      const password = form.get("password");
      return { password: typeof password === "string" ? password.slice(0, 1_024) : "", form: true };
    }
    const parsed = bodySchema.safeParse(JSON.parse(new TextDecoder().decode(body)));
    return parsed.success ? { password: parsed.data.password, form: false } : null;
  } catch {
    return null;
  }
}

export function wantsRedirect(request: Request): boolean {
  return isForm((request.headers.get("content-type") ?? "").toLowerCase());
}
