import { apiNotFound } from "@/lib/api/api-routes";

// Any /api path no route handles: a problem+json 404 rather than the site's HTML not-found page.

export const dynamic = "force-dynamic";

async function handle(request: Request): Promise<Response> {
  return apiNotFound(new URL(request.url).pathname, request.method);
}

export const GET = handle;
export const POST = handle;
export const PUT = handle;
export const PATCH = handle;
export const DELETE = handle;
