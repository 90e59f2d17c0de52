import { describe, expect, it } from "vitest";
import { z } from "zod";
import { parseInput } from "./parse-query";
import { ApiError } from "./problem";

const query = z.strictObject({ roll: z.enum(["gv2022", "gv2017"]).optional(), limit: z.coerce.number().int().max(10).optional() });
const path = (rateNumber: string) => ({ schemas: { rateNumber: z.string().regex(/^\d+$/, "must be digits") }, values: { rateNumber } });

function thrown(run: () => unknown): ApiError {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return error;
    throw error;
  }
  throw new Error("nothing was thrown");
}

describe("parseInput", () => {
  it("returns the typed query and path parameters together", () => {
    expect(parseInput(query, new URLSearchParams("roll=gv2017&limit=5"), path("123"))).toEqual({ roll: "gv2017", limit: 5, rateNumber: "123" });
    expect(parseInput(query, new URLSearchParams(""))).toEqual({});
  });

  it("throws one 400 naming every bad parameter, path parameters first", () => {
    const error = thrown(() => parseInput(query, new URLSearchParams("limit=99&limit=1&colour=red&roll=gv1999"), path("12a")));
    expect(error.status).toBe(400);
    expect(error.problem.errors).toEqual([
      { parameter: "rateNumber", message: "must be digits" },
      { parameter: "limit", message: "is given more than once" },
      { parameter: "roll", message: expect.stringContaining("gv2022") },
      { parameter: "colour", message: "is not a parameter of this endpoint" },
    ]);
  });

  it("throws for a bad path parameter even when the query is fine", () => {
    expect(thrown(() => parseInput(query, new URLSearchParams("roll=gv2022"), path("x"))).problem.errors).toEqual([{ parameter: "rateNumber", message: "must be digits" }]);
  });
});
