import { describe, expect, it } from "vitest";
import { CursorError, decodeCursor, encodeCursor, queryFingerprint, type CursorPosition } from "./cursor";
import type { ValuationFilters } from "./list-query-schema";
import type { Sort } from "./sort-fields";

const secret = "a-secret-for-the-tests";
const filters: ValuationFilters = { roll: "gv2022", includeRemoved: false, suburb: "PINETOWN" };
const byValue: Sort = { kind: "field", field: "marketValue", descending: true };
const fingerprint = queryFingerprint(filters, byValue);

describe("cursors", () => {
  it("round-trip every kind of position", () => {
    const positions: [CursorPosition, Sort][] = [
      [{ kind: "field", phase: 0, value: 1_830_000, id: 42 }, byValue],
      [{ kind: "field", phase: 1, value: null, id: 7 }, byValue],
      [{ kind: "field", phase: 0, value: "05100037", id: 3 }, { kind: "field", field: "rateNumber", descending: false }],
      [{ kind: "field", phase: 0, value: "2026-11-20T02:00:00.000Z", id: 3 }, { kind: "field", field: "lastChangedAt", descending: true }],
      [{ kind: "relevance", rank: 2, score: -431, id: 9 }, { kind: "relevance" }],
    ];
    for (const [position, sort] of positions) {
      const print = queryFingerprint(filters, sort);
      expect(decodeCursor(encodeCursor(position, print, sort, secret), print, sort, secret)).toEqual(position);
    }
  });

  it("is bound to its filters, its sort and the key", () => {
    const token = encodeCursor({ kind: "field", phase: 0, value: 5, id: 1 }, fingerprint, byValue, secret);
    expect(() => decodeCursor(token, fingerprint, byValue, "another-secret-entirely")).toThrow(CursorError);
    expect(() => decodeCursor(token, queryFingerprint({ ...filters, suburb: "UMHLANGA" }, byValue), byValue, secret)).toThrow(/other filters/);
    const ascending: Sort = { kind: "field", field: "marketValue", descending: false };
    expect(() => decodeCursor(token, queryFingerprint(filters, ascending), ascending, secret)).toThrow(/sort=-marketValue/);
  });

  it("refuses altered and malformed tokens", () => {
    const token = encodeCursor({ kind: "field", phase: 0, value: 5, id: 1 }, fingerprint, byValue, secret);
    const [body, mac] = token.split(".");
    const flipped = `${body!.slice(0, -1)}${body!.endsWith("A") ? "B" : "A"}.${mac}`;
    for (const bad of [flipped, `${body}.`, `.${mac}`, `${token}.x`, "", "x.y"]) {
      expect(() => decodeCursor(bad, fingerprint, byValue, secret)).toThrow(CursorError);
    }
  });

  it("does not show the value it stopped at, and links one page to one next cursor", () => {
    const position: CursorPosition = { kind: "field", phase: 0, value: "VAN DER MERWE JOHANNES", id: 12 };
    const ownerSort: Sort = { kind: "field", field: "firstOwner", descending: false };
    const print = queryFingerprint(filters, ownerSort);
    const token = encodeCursor(position, print, ownerSort, secret);
    const [body] = token.split(".");
    expect(Buffer.from(body!, "base64url").toString("latin1")).not.toMatch(/MERWE|firstOwner/);
    expect(token).not.toMatch(/MERWE/i);
    expect(encodeCursor(position, print, ownerSort, secret)).toBe(token);
    expect(decodeCursor(token, print, ownerSort, secret)).toEqual(position);
  });

  it("refuses a well-signed cursor whose value does not fit the sort (a leaked key cannot inject)", () => {
    const text = encodeCursor({ kind: "field", phase: 0, value: "1; DROP TABLE", id: 1 }, fingerprint, byValue, secret);
    expect(() => decodeCursor(text, fingerprint, byValue, secret)).toThrow(CursorError);
    const nullInValuedPart = encodeCursor({ kind: "field", phase: 0, value: null, id: 1 }, fingerprint, byValue, secret);
    expect(() => decodeCursor(nullInValuedPart, fingerprint, byValue, secret)).toThrow(CursorError);
    const rateSort: Sort = { kind: "field", field: "rateNumber", descending: false };
    const emptyPhaseOnRequired = encodeCursor({ kind: "field", phase: 1, value: null, id: 1 }, queryFingerprint(filters, rateSort), rateSort, secret);
    expect(() => decodeCursor(emptyPhaseOnRequired, queryFingerprint(filters, rateSort), rateSort, secret)).toThrow(CursorError);
  });
});
