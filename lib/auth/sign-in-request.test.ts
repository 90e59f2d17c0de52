import { describe, expect, it } from "vitest";
import { readSignInRequest, SIGN_IN_BODY_LIMIT } from "./sign-in-request";

const post = (body: BodyInit, contentType: string, headers: Record<string, string> = {}) =>
  new Request("http://localhost/api/admin/sign-in", { method: "POST", body, headers: { "content-type": contentType, ...headers }, duplex: "half" } as RequestInit);

/** A body of `total` bytes made on demand, counting what was actually pulled. */
function endless(total: number) {
  const pulled = { bytes: 0 };
  const chunk = new TextEncoder().encode(`{"password":"${"x".repeat(1_000)}`);
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= total) return controller.close();
      pulled.bytes += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled };
}

describe("readSignInRequest", () => {
  it("reads the password from a form or from JSON", async () => {
    expect(await readSignInRequest(post("password=hunter2-hunter2", "application/x-www-form-urlencoded"))).toEqual({ password: "hunter2-hunter2", form: true });
    expect(await readSignInRequest(post(JSON.stringify({ password: "pw" }), "application/json"))).toEqual({ password: "pw", form: false });
    const multipart = new FormData();
    multipart.set("password", "from-multipart");
    const request = new Request("http://localhost/x", { method: "POST", body: multipart });
    expect(await readSignInRequest(request)).toEqual({ password: "from-multipart", form: true });
  });

  it("refuses other shapes and types", async () => {
    expect(await readSignInRequest(post(JSON.stringify({ password: "pw", extra: 1 }), "application/json"))).toBeNull();
    expect(await readSignInRequest(post("{not json", "application/json"))).toBeNull();
    expect(await readSignInRequest(post("password=x", "text/plain"))).toBeNull();
  });

  it("refuses a body over the limit by its Content-Length, before reading it", async () => {
    const { stream, pulled } = endless(50 * 1024 * 1024);
    expect(await readSignInRequest(post(stream, "application/json", { "content-length": String(50 * 1024 * 1024) }))).toBe("too-large");
    expect(pulled.bytes).toBeLessThan(64 * 1024);
  });

  it("stops reading a streamed body as soon as it passes the limit", async () => {
    const { stream, pulled } = endless(50 * 1024 * 1024);
    expect(await readSignInRequest(post(stream, "application/x-www-form-urlencoded"))).toBe("too-large");
    expect(pulled.bytes).toBeLessThan(SIGN_IN_BODY_LIMIT + 64 * 1024);
  });

  it("accepts a body just under the limit", async () => {
    const password = "p".repeat(1_024);
    const padding = "&x=" + "y".repeat(SIGN_IN_BODY_LIMIT - 1_024 - 20);
    expect(await readSignInRequest(post(`password=${password}${padding}`, "application/x-www-form-urlencoded"))).toEqual({ password, form: true });
  });
});
