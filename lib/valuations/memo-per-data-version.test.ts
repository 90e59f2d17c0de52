import { describe, expect, it } from "vitest";
import { memoPerDataVersion } from "./memo-per-data-version";

function counter() {
  const calls: string[] = [];
  return { calls, load: (value: string) => () => (calls.push(value), Promise.resolve(value)) };
}

describe("memoPerDataVersion", () => {
  it("loads a key once per data version, and concurrent callers share the load", async () => {
    const memo = memoPerDataVersion<string>(10);
    const { calls, load } = counter();
    const [a, b] = await Promise.all([memo("v1", "k", load("first")), memo("v1", "k", load("second"))]);
    expect([a, b]).toEqual(["first", "first"]);
    expect(await memo("v1", "k", load("third"))).toBe("first");
    expect(calls).toEqual(["first"]);
  });

  it("drops everything kept when another data version is asked for", async () => {
    const memo = memoPerDataVersion<string>(10);
    const { calls, load } = counter();
    await memo("v1", "a", load("a1"));
    await memo("v1", "b", load("b1"));
    expect(await memo("v2", "a", load("a2"))).toBe("a2");
    // b of v1 is gone: asking for it again with v1 loads it again (and drops v2's).
    expect(await memo("v1", "b", load("b1 again"))).toBe("b1 again");
    expect(await memo("v1", "a", load("a1 again"))).toBe("a1 again");
    expect(calls).toEqual(["a1", "b1", "a2", "b1 again", "a1 again"]);
  });

  it("keeps at most `limit` values of a version, dropping the oldest", async () => {
    const memo = memoPerDataVersion<string>(2);
    const { calls, load } = counter();
    await memo("v", "a", load("a"));
    await memo("v", "b", load("b"));
    await memo("v", "c", load("c"));
    await memo("v", "b", load("b again"));
    await memo("v", "a", load("a again"));
    expect(calls).toEqual(["a", "b", "c", "a again"]);
  });

  it("forgets a load that failed, so the next call tries again", async () => {
    const memo = memoPerDataVersion<string>(2);
    await expect(memo("v", "k", () => Promise.reject(new Error("database down")))).rejects.toThrow("database down");
    expect(await memo("v", "k", () => Promise.resolve("back"))).toBe("back");
  });

  it("refuses a limit that is not a positive whole number", () => {
    expect(() => memoPerDataVersion(0)).toThrow("limit must be a positive whole number");
  });
});
