import { describe, expect, it } from "vitest";
import { ApiError, internalError, invalidParameters, notFound } from "./problem";

describe("ApiError", () => {
  it("renders as problem+json, never cached, with its own headers", async () => {
    const error = new ApiError({ type: "/problems/exports-busy", title: "Busy", status: 503, detail: "Retry later." }, { "Retry-After": "30", "cache-control": "public" });
    const response = error.toResponse();
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("retry-after")).toBe("30");
    expect(await response.json()).toEqual({ type: "/problems/exports-busy", title: "Busy", status: 503, detail: "Retry later." });
    expect(error.status).toBe(503);
    expect(error.message).toBe("Retry later.");
  });

  it("answers HEAD with the headers and no body", async () => {
    const response = notFound("Nothing here.").toResponse("head");
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await response.text()).toBe("");
  });

  it("names every bad parameter in a 400, and says nothing of internals in a 500", async () => {
    const bad = invalidParameters([
      { parameter: "limit", message: "must be at most 1000" },
      { parameter: "sort", message: "is not a sort field" },
    ]);
    expect(bad.problem).toMatchObject({ status: 400, type: "/problems/invalid-parameters", detail: "limit: must be at most 1000; sort: is not a sort field" });
    expect(await internalError().toResponse().json()).toMatchObject({ status: 500, type: "/problems/internal-error" });
  });
});
