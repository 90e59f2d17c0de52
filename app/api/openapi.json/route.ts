import { createHash } from "node:crypto";
import { entityTag, isNotModified } from "@/lib/api/caching";
import { preflightResponse } from "@/lib/api/cors";
import { publicGet } from "@/lib/api/public-get";
import { publicOrigin } from "@/lib/api/public-url";
import { database } from "@/lib/db/client";
import { buildOpenApiDocument } from "@/lib/openapi/openapi-document";
import { rollRegistry } from "@/lib/rolls/roll-registry";

// Built from the zod schemas, with the roll registry's rolls as the values of `roll`, once per
// process and set of rolls; public/openapi.json is the same document with the seeded rolls,
// committed. `servers` names the public origin when it is known (PUBLIC_URL or a trusted proxy),
// else "/": this server, as the client reached it. So the answer depends on the request: not static.
// publicGet, not cachedPublicGet: the document changes with the code and the rolls, not with a
// scrape, so its ETag is a hash of the document (and the server it names), and it may be kept longer.
export const dynamic = "force-dynamic";

let built: { rolls: string; document: Record<string, unknown>; hash: string } | undefined;

export const GET = publicGet(async (request) => {
  const { ids } = await rollRegistry(database());
  if (built?.rolls !== ids.join(",")) {
    const document = buildOpenApiDocument(ids);
    built = { rolls: ids.join(","), document, hash: createHash("sha256").update(JSON.stringify(document)).digest("base64url") };
  }
  const server = publicOrigin(request.headers) ?? "/";
  const headers = { ETag: entityTag(built.hash, server), "Cache-Control": "public, max-age=300", Vary: "X-Forwarded-Host, X-Forwarded-Proto" };
  if (isNotModified(request.headers, headers.ETag, null)) return new Response(null, { status: 304, headers });
  return Response.json({ ...built.document, servers: [{ url: server }] }, { headers });
});

export const OPTIONS = preflightResponse;
