import { CORS_HEADERS } from "@/lib/api/cors";
import { buildOpenApiDocument } from "@/lib/openapi/openapi-document";

// Built from the zod schemas at build time; public/openapi.json is the same document, committed.
export const dynamic = "force-static";

export async function GET(): Promise<Response> {
  return Response.json(buildOpenApiDocument(), { headers: { ...CORS_HEADERS, "Cache-Control": "public, max-age=300" } });
}
