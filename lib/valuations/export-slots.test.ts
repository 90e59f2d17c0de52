import { describe, expect, it } from "vitest";
import { ExportSlots, exportRefusal } from "./export-slots";

describe("ExportSlots", () => {
  it("grants up to the global limit and up to the per-client share, and frees slots on release", () => {
    const slots = new ExportSlots(3, 2);
    const a1 = slots.acquire("a");
    const a2 = slots.acquire("a");
    expect(a1.ok && a2.ok).toBe(true);
    expect(slots.acquire("a")).toEqual({ ok: false, reason: "client", limit: 2 });
    const b1 = slots.acquire("b");
    expect(b1.ok).toBe(true);
    expect(slots.acquire("c")).toEqual({ ok: false, reason: "busy", limit: 3 });
    if (a1.ok) a1.release();
    expect(slots.usage()).toEqual({ active: 2, max: 3, perClient: 2 });
    expect(slots.acquire("c").ok).toBe(true);
    expect(slots.acquire("a")).toMatchObject({ ok: false, reason: "busy" });
  });

  it("ignores a second release of the same slot", () => {
    const slots = new ExportSlots(1, 1);
    const slot = slots.acquire("a");
    if (!slot.ok) throw new Error("refused");
    slot.release();
    slot.release();
    expect(slots.usage().active).toBe(0);
    expect(slots.acquire("a").ok).toBe(true);
    expect(slots.acquire("b").ok).toBe(false);
  });

  it("answers 503 when the server is full and 429 when the client holds its share", () => {
    expect(exportRefusal({ reason: "busy", limit: 4 }, 30)).toMatchObject({ status: 503, type: "/problems/exports-busy" });
    expect(exportRefusal({ reason: "client", limit: 2 }, 30)).toMatchObject({ status: 429, type: "/problems/too-many-exports" });
  });
});
