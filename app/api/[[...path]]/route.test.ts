import { describe, expect, it } from "vitest";
import { DELETE, GET, POST } from "./route";

describe("/api/… that no route handles", () => {
  it("answers a problem+json 404 for any method", async () => {
    for (const [handler, method] of [[GET, "GET"], [POST, "POST"], [DELETE, "DELETE"]] as const) {
      const response = await handler(new Request("http://localhost/api/no-such-thing", { method }));
      expect(response.status).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect(await response.json()).toMatchObject({ type: "/problems/not-found", status: 404, detail: expect.stringContaining("/api/no-such-thing") });
    }
  });
});
