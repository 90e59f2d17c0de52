import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// Compares secrets in time that depends on neither their content nor their length: both sides are
// first reduced to HMACs of equal size under a key chosen per process.

const key = randomBytes(32);

function digest(value: string | Buffer): Buffer {
  return createHmac("sha256", key).update(value).digest();
}

export function constantTimeEqual(a: string | Buffer, b: string | Buffer): boolean {
  return timingSafeEqual(digest(a), digest(b));
}
