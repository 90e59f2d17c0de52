import { CORS_HEADERS } from "@/lib/api/cors";
import { publicOrigin } from "@/lib/api/public-url";
import { database } from "@/lib/db/client";
import { buildOpenApiDocument } from "@/lib/openapi/openapi-document";
import { rollRegistry } from "@/lib/rolls/roll-registry";

// Built from the zod schemas, with the roll registry's rolls as the values of `roll`, once per
// process and set of rolls; public/openapi.json is the same document with the seeded rolls,
// committed. `servers` names the public origin when it is known (PUBLIC_URL or a trusted proxy),
// else "/": this server, as the client reached it. So the answer depends on the request: not static.
export const dynamic = "force-dynamic";

let built: { rolls: string; document: Record<string, unknown> } | undefined;

export async function GET(request: Request): Promise<Response> {
  const { ids } = await rollRegistry(database());
  if (built?.rolls !== ids.join(",")) built = { rolls: ids.join(","), document: buildOpenApiDocument(ids) };
  const servers = [{ url: publicOrigin(request.headers) ?? "/" }];
  return Response.json({ ...built.document, servers }, { headers: { ...CORS_HEADERS, "Cache-Control": "public, max-age=300", Vary: "X-Forwarded-Host, X-Forwarded-Proto" } });
}
