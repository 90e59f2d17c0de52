import { describe, expect, it } from "vitest";
import { overlapTasks, type OverlapOptions } from "./overlap-tasks";

const tick = (ms = 1) => new Promise((resolve) => setTimeout(resolve, ms));

/** Records what ran, how much ran at once, and in which order things happened. */
function recorder(options: { fetchMs?: number; storeMs?: number } = {}) {
  const events: string[] = [];
  const now = { fetching: 0, storing: 0, held: 0 };
  const most = { fetching: 0, storing: 0, held: 0 };
  const bump = (key: keyof typeof now, by: number) => {
    now[key] += by;
    most[key] = Math.max(most[key], now[key]);
  };
  const stored: number[] = [];
  const base: Pick<OverlapOptions<number, number>, "fetch" | "store"> = {
    fetch: async (item) => {
      bump("fetching", 1);
      bump("held", 1);
      events.push(`fetch ${item}`);
      await tick(options.fetchMs);
      bump("fetching", -1);
      return item;
    },
    store: async (item) => {
      bump("storing", 1);
      events.push(`store ${item}`);
      await tick(options.storeMs);
      events.push(`stored ${item}`);
      stored.push(item);
      bump("storing", -1);
      bump("held", -1);
    },
  };
  return { events, most, stored, base };
}

describe("overlapTasks", () => {
  it("fetches and stores every item within each stage's concurrency and the bound on held items", async () => {
    const r = recorder({ fetchMs: 2, storeMs: 5 });
    await overlapTasks([1, 2, 3, 4, 5, 6, 7, 8], { ...r.base, fetchConcurrency: 2, storeConcurrency: 2, maxHeld: 4, shouldStop: () => false });
    expect([...r.stored].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.most.fetching).toBe(2);
    expect(r.most.storing).toBe(2);
    expect(r.most.held).toBeLessThanOrEqual(4);
  });

  it("fetches the next item while the last one is being stored", async () => {
    const r = recorder({ fetchMs: 1, storeMs: 20 });
    await overlapTasks([1, 2], { ...r.base, fetchConcurrency: 1, storeConcurrency: 1, maxHeld: 2, shouldStop: () => false });
    expect(r.events.indexOf("fetch 2")).toBeLessThan(r.events.indexOf("stored 1"));
    expect(r.stored).toEqual([1, 2]);
  });

  it("stores nothing for a fetch that returns null, and carries on", async () => {
    const r = recorder();
    await overlapTasks([1, 2, 3], {
      ...r.base,
      fetch: async (item) => (item === 2 ? null : r.base.fetch(item)),
      fetchConcurrency: 1,
      storeConcurrency: 1,
      maxHeld: 1,
      shouldStop: () => false,
    });
    expect(r.stored).toEqual([1, 3]);
  });

  it("stops taking items once asked, and still stores what was fetched", async () => {
    const r = recorder({ storeMs: 5 });
    let stop = false;
    await overlapTasks([1, 2, 3, 4, 5, 6], {
      ...r.base,
      fetch: async (item) => {
        const fetched = await r.base.fetch(item);
        if (item === 2) stop = true;
        return fetched;
      },
      fetchConcurrency: 1,
      storeConcurrency: 1,
      maxHeld: 3,
      shouldStop: () => stop,
    });
    expect(r.stored).toEqual([1, 2]);
  });

  it("on an exception in a store, takes nothing more, lets work in flight finish, and throws the first exception", async () => {
    const r = recorder({ fetchMs: 2 });
    const failures: unknown[] = [];
    const run = overlapTasks([1, 2, 3, 4, 5, 6, 7, 8], {
      ...r.base,
      store: async (item) => {
        if (item === 2) throw new Error("store 2 failed");
        if (item === 3) throw new Error("store 3 failed");
        await r.base.store(item);
      },
      fetchConcurrency: 2,
      storeConcurrency: 2,
      maxHeld: 3,
      shouldStop: () => false,
      onFailure: (error) => failures.push(error),
    });
    await expect(run).rejects.toThrow("store 2 failed");
    expect(failures).toHaveLength(1);
    expect(r.events.filter((e) => e.startsWith("fetch")).length).toBeLessThan(8);
    expect(r.stored).not.toContain(8);
  });

  it("on an exception in a fetch, stores nothing more and throws it", async () => {
    const r = recorder({ storeMs: 5 });
    const run = overlapTasks([1, 2, 3, 4], {
      ...r.base,
      fetch: async (item) => {
        if (item === 2) throw new Error("fetch 2 failed");
        return r.base.fetch(item);
      },
      fetchConcurrency: 1,
      storeConcurrency: 1,
      maxHeld: 2,
      shouldStop: () => false,
    });
    await expect(run).rejects.toThrow("fetch 2 failed");
    expect(r.events).not.toContain("fetch 3");
    expect(r.stored).toEqual([1]);
  });
});
