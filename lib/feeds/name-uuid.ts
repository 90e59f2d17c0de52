import { createHash } from "node:crypto";

// Atom ids must never change, whatever host the feed is served from: a name-based UUID (RFC 9562
// version 5) of what the id stands for, in this product's own namespace.

const NAMESPACE = "durban-valuation-roll-explorer";

export function nameUuid(name: string): string {
  const bytes = createHash("sha1").update(`${NAMESPACE}\n${name}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString("hex");
  return `urn:uuid:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
