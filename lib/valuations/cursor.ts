import { createCipheriv, createDecipheriv, createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { formatSort, SORT_FIELDS, type Sort, type SortValueType } from "./sort-fields";
import type { ValuationFilters } from "./list-query-schema";

// Keyset cursors: where the previous page stopped, as encrypted JSON plus an HMAC, bound to the
// filters and sort they were issued for. A cursor that was altered, or reused with another query,
// is refused with a clear message instead of giving a wrong page. Encrypted so that a cursor never
// shows the value it stopped at (under OWNER_NAMES=full that can be an owner's name, and a
// suppressed one must not be read out of a `next` link); the IV is derived from the content, so
// the same page always links to the same next cursor.

/** Where a page stopped. Field sorts: `phase` 0 = rows with a value, 1 = the empty ones (listed last). */
export type CursorPosition =
  | { kind: "field"; phase: 0 | 1; value: string | number | null; id: number }
  | { kind: "relevance"; rank: number; score: number; id: number };

const payloadSchema = z.strictObject({
  h: z.string().max(64),
  s: z.string().max(64),
  k: z.array(z.union([z.string().max(1000), z.number(), z.null()])).max(2),
  i: z.int().positive(),
});

export class CursorError extends Error {
  override name = "CursorError";
}

/**
 * Identifies the query a cursor belongs to: every filter, the sort and `scope` (the settings that
 * shape the answer, such as whether owner names are listed), not the page size.
 */
export function queryFingerprint(filters: ValuationFilters, sort: Sort, scope = ""): string {
  const ordered = Object.fromEntries(Object.entries(filters).sort(([a], [b]) => a.localeCompare(b)));
  return createHash("sha256").update(JSON.stringify([ordered, formatSort(sort), scope])).digest("base64url").slice(0, 16);
}

function sign(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body).digest("base64url").slice(0, 22);
}

const IV_LENGTH = 16;

function encryptionKey(secret: string): Buffer {
  return createHash("sha256").update(`cursor encryption\n${secret}`).digest();
}

function encrypt(plain: string, secret: string): string {
  const iv = createHmac("sha256", `cursor iv\n${secret}`).update(plain).digest().subarray(0, IV_LENGTH);
  const cipher = createCipheriv("aes-256-ctr", encryptionKey(secret), iv);
  return Buffer.concat([iv, cipher.update(plain, "utf8"), cipher.final()]).toString("base64url");
}

function decrypt(body: string, secret: string): string {
  const bytes = Buffer.from(body, "base64url");
  if (bytes.length <= IV_LENGTH) throw new CursorError("is not a cursor this API issued");
  const decipher = createDecipheriv("aes-256-ctr", encryptionKey(secret), bytes.subarray(0, IV_LENGTH));
  return Buffer.concat([decipher.update(bytes.subarray(IV_LENGTH)), decipher.final()]).toString("utf8");
}

export function encodeCursor(position: CursorPosition, fingerprint: string, sort: Sort, secret: string): string {
  const k = position.kind === "field" ? [position.phase, position.value] : [position.rank, position.score];
  const body = encrypt(JSON.stringify({ h: fingerprint, s: formatSort(sort), k, i: position.id }), secret);
  return `${body}.${sign(body, secret)}`;
}

export function decodeCursor(token: string, fingerprint: string, sort: Sort, secret: string): CursorPosition {
  const [body, mac, ...extra] = token.split(".");
  if (!body || !mac || extra.length > 0) throw new CursorError("is not a cursor this API issued");
  const expected = Buffer.from(sign(body, secret));
  const given = Buffer.from(mac);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new CursorError("is not a cursor this API issued (it was altered or comes from another server)");
  }
  let raw: unknown;
  try {
    raw = JSON.parse(decrypt(body, secret));
  } catch {
    throw new CursorError("is not a cursor this API issued");
  }
  const parsed = payloadSchema.safeParse(raw);
  if (!parsed.success) throw new CursorError("is not a cursor this API issued");
  const payload = parsed.data;
  if (payload.s !== formatSort(sort)) {
    throw new CursorError(`was issued for sort=${payload.s}; repeat that sort or start again without a cursor`);
  }
  if (payload.h !== fingerprint) {
    throw new CursorError("was issued for other filters; repeat the same filters or start again without a cursor");
  }
  return toPosition(payload.k, payload.i, sort);
}

function toPosition(k: (string | number | null)[], id: number, sort: Sort): CursorPosition {
  const malformed = () => new CursorError("is not a cursor this API issued");
  if (k.length !== 2) throw malformed();
  const [first, second] = k;
  if (sort.kind === "relevance") {
    if (!isIntegerIn(first, 0, 3) || !isIntegerIn(second, -1000, 0)) throw malformed();
    return { kind: "relevance", rank: first, score: second, id };
  }
  const field = SORT_FIELDS[sort.field];
  if (first === 1) {
    if (!field.nullable || second !== null) throw malformed();
    return { kind: "field", phase: 1, value: null, id };
  }
  if (first !== 0 || !validValue(field.type, second)) throw malformed();
  return { kind: "field", phase: 0, value: second ?? null, id };
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;
}

function validValue(type: SortValueType, value: string | number | null | undefined): boolean {
  switch (type) {
    case "text":
      return typeof value === "string";
    case "title_type":
      return value === "full" || value === "sectional";
    case "integer":
      return isIntegerIn(value, -2_147_483_648, 2_147_483_647);
    case "bigint":
      return isIntegerIn(value, Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
    case "numeric":
      return typeof value === "number" && Number.isFinite(value);
    case "timestamptz":
      return typeof value === "string" && /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/.test(value) && !Number.isNaN(Date.parse(value));
  }
}
