import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseJsonBody } from "./parse-json-body";

const schema = z.strictObject({ roll: z.enum(["gv2022", "gv2017"]).default("gv2022"), details: z.boolean().default(false) });
const post = (body: string, contentType = "application/json") => new Request("http://localhost/x", { method: "POST", body, headers: { "content-type": contentType } });

describe("parseJsonBody", () => {
  it("parses JSON, and treats an empty body as {}", async () => {
    expect(await parseJsonBody(post('{"roll":"gv2017"}'), schema)).toEqual({ ok: true, value: { roll: "gv2017", details: false } });
    expect(await parseJsonBody(post(""), schema)).toEqual({ ok: true, value: { roll: "gv2022", details: false } });
  });

  it("names each bad or unknown field in a 400 problem", async () => {
    const result = await parseJsonBody(post('{"roll":"gv1999","baseUrl":"http://169.254.169.254/"}'), schema);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.response.status).toBe(400);
    expect(result.response.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await result.response.json()) as { errors: { parameter: string }[] };
    expect(problem.errors.map((error) => error.parameter).sort()).toEqual(["baseUrl", "roll"]);
  });

  it("refuses broken JSON with 400 and a form body with 415", async () => {
    const broken = await parseJsonBody(post("{roll"), schema);
    expect(!broken.ok && broken.response.status).toBe(400);
    const form = await parseJsonBody(post("roll=gv2017", "application/x-www-form-urlencoded"), schema);
    expect(!form.ok && form.response.status).toBe(415);
  });
});
