import { logError } from "@/lib/api/log-error";
import { internalError } from "@/lib/api/problem";

// How every admin route renders its answer, sign-in (reached without a session) included: an
// unexpected error becomes a logged 500 problem without internals, and no answer is cached.

export async function adminAnswer(request: Request, handler: () => Promise<Response>): Promise<Response> {
  let response: Response;
  try {
    response = await handler();
  } catch (error) {
    logError(request, error);
    response = internalError().toResponse();
  }
  response.headers.set("Cache-Control", "no-store");
  return response;
}
