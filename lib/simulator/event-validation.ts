import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A verifiable __EVENTVALIDATION token: the allowed postback values plus their HMAC.
 * Any tampering (or a value that was never rendered) fails verification, like ASP.NET.
 */
export function createEventValidation(secret: string, allowed: readonly string[]): string {
  const payload = allowed.join("\u0001");
  const mac = createHmac("sha256", secret).update(payload).digest("base64");
  return Buffer.from(`${mac}\u0002${payload}`, "utf8").toString("base64");
}

/** The allowed values of a token, or null when it is missing, malformed or tampered with. */
export function verifyEventValidation(secret: string, token: string | null | undefined): string[] | null {
  if (!token) return null;
  const decoded = Buffer.from(token, "base64").toString("utf8");
  const split = decoded.indexOf("\u0002");
  if (split < 0) return null;
  const mac = Buffer.from(decoded.slice(0, split));
  const payload = decoded.slice(split + 1);
  const expected = Buffer.from(createHmac("sha256", secret).update(payload).digest("base64"));
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return null;
  return payload.split("\u0001");
}
