import { z } from "zod";

// The body of POST /api/admin/sign-in: a form from the sign-in page (answered with redirects) or
// JSON from a script (answered with JSON).

export type SignInRequest = { password: string; form: boolean };

const bodySchema = z.strictObject({ password: z.string().max(1_024) });

function isForm(contentType: string): boolean {
  return contentType.startsWith("application/x-www-form-urlencoded") || contentType.startsWith("multipart/form-data");
}

/** The password and how to answer, or null when the body is neither a form nor JSON of that shape. */
export async function readSignInRequest(request: Request): Promise<SignInRequest | null> {
  const contentType = (request.headers.get("content-type") ?? "").toLowerCase();
  try {
    if (isForm(contentType)) {
      const form = await request.formData();
      const password = form.get("password");
      return { password: typeof password === "string" ? password.slice(0, 1_024) : "", form: true };
    }
    if (contentType.startsWith("application/json")) {
      const parsed = bodySchema.safeParse(await request.json());
      return parsed.success ? { password: parsed.data.password, form: false } : null;
    }
  } catch {
    return null;
  }
  return null;
}

export function wantsRedirect(request: Request): boolean {
  return isForm((request.headers.get("content-type") ?? "").toLowerCase());
}
