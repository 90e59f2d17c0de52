import { describe, expect, it } from "vitest";
import { createLogger } from "./log";
import { requestIdFrom, withRequestLog } from "./request-logging";

function capture() {
  const lines: string[] = [];
  return { logger: createLogger({}, { level: "debug", write: (line) => lines.push(line) }), lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("requestIdFrom", () => {
  it("keeps a proxy's request id", () => {
    expect(requestIdFrom(new Headers({ "X-Request-Id": "abc-123.def:4" }))).toBe("abc-123.def:4");
  });

  it("makes a new UUID when there is none or it does not look like an id", () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    expect(requestIdFrom(new Headers())).toMatch(uuid);
    expect(requestIdFrom(new Headers({ "X-Request-Id": "two words" }))).toMatch(uuid);
    expect(requestIdFrom(new Headers({ "X-Request-Id": "x".repeat(129) }))).toMatch(uuid);
  });
});

describe("withRequestLog", () => {
  it("logs the request with its id, puts the id on lines logged inside and on the answer", async () => {
    const { logger, lines } = capture();
    const handler = withRequestLog(async (request: Request) => {
      logger.info("looking things up", { q: new URL(request.url).searchParams.get("q") });
      return Response.json({ ok: true }, { status: 201 });
    }, logger);
    const response = await handler(new Request("http://localhost/api/valuations?q=smith", { headers: { "X-Request-Id": "req-42" } }), {});
    expect(response.status).toBe(201);
    expect(response.headers.get("X-Request-Id")).toBe("req-42");
    expect(await response.json()).toEqual({ ok: true });
    const [inside, summary] = lines();
    expect(inside).toMatchObject({ msg: "looking things up", q: "smith", requestId: "req-42" });
    expect(summary).toMatchObject({ msg: "request", method: "GET", path: "/api/valuations", query: "?q=(withheld)", status: 201, requestId: "req-42" });
    expect(summary!.durationMs).toEqual(expect.any(Number));
  });

  it("keeps no search term, street or cursor in the request line, only the parameter names", async () => {
    const { logger, lines } = capture();
    const handler = withRequestLog(async () => new Response("ok"), logger);
    await handler(new Request("http://localhost/api/valuations?q=dlamini+thandeka&street=MAIN+ROAD&cursor=eyJ4Ijo.abc&roll=gv2022&limit=20"), {});
    const [summary] = lines();
    expect(summary!.query).toBe("?q=(withheld)&street=(withheld)&cursor=(withheld)&roll=gv2022&limit=20");
    expect(JSON.stringify(lines())).not.toMatch(/dlamini|thandeka|MAIN|eyJ4Ijo/i);
  });

  it("gives each request its own id", async () => {
    const { logger, lines } = capture();
    const handler = withRequestLog(async () => new Response("ok"), logger);
    const [a, b] = await Promise.all([handler(new Request("http://localhost/a"), {}), handler(new Request("http://localhost/b"), {})]);
    expect(a.headers.get("X-Request-Id")).not.toBe(b.headers.get("X-Request-Id"));
    expect(lines().map((line) => line.requestId)).toEqual(expect.arrayContaining([a.headers.get("X-Request-Id"), b.headers.get("X-Request-Id")]));
  });

  it("copies an answer whose headers cannot be changed", async () => {
    const { logger } = capture();
    const handler = withRequestLog(async () => Response.redirect("http://localhost/elsewhere", 307), logger);
    const response = await handler(new Request("http://localhost/old"), {});
    expect(response.status).toBe(307);
    expect(response.headers.get("Location")).toBe("http://localhost/elsewhere");
    expect(response.headers.get("X-Request-Id")).toEqual(expect.any(String));
  });

  it("logs a handler's error with the request id and passes it on", async () => {
    const { logger, lines } = capture();
    const handler = withRequestLog(async () => {
      throw new Error("database gone");
    }, logger);
    await expect(handler(new Request("http://localhost/api/stats", { headers: { "X-Request-Id": "req-9" } }), {})).rejects.toThrow("database gone");
    expect(lines()[0]).toMatchObject({ level: "error", msg: "request failed", path: "/api/stats", requestId: "req-9", error: { name: "Error", message: "database gone" } });
  });
});
