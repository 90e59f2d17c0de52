import { CORS_HEADERS } from "@/lib/api/cors";
import { publicOrigin } from "@/lib/api/public-url";
import { buildOpenApiDocument } from "@/lib/openapi/openapi-document";

// Built from the zod schemas once per process; public/openapi.json is the same document, committed.
// `servers` names the public origin when it is known (PUBLIC_URL or a trusted proxy), else "/":
// this server, as the client reached it. So the answer depends on the request: not static.
export const dynamic = "force-dynamic";

let document: Record<string, unknown> | undefined;

export async function GET(request: Request): Promise<Response> {
  document ??= buildOpenApiDocument();
  const servers = [{ url: publicOrigin(request.headers) ?? "/" }];
  return Response.json({ ...document, servers }, { headers: { ...CORS_HEADERS, "Cache-Control": "public, max-age=300", Vary: "X-Forwarded-Host, X-Forwarded-Proto" } });
}
