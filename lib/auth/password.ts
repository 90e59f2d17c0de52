import { randomBytes, scrypt, type ScryptOptions } from "node:crypto";
import { constantTimeEqual } from "./constant-time-equal";

// ADMIN_PASSWORD is the password itself or its scrypt hash, written as
//   scrypt:<N>:<r>:<p>:<salt>:<hash>      (salt and hash base64url, hash 64 bytes)
// `npx tsx scripts/hash-password.ts` prints one.

const DEFAULT_COST = { N: 32_768, r: 8, p: 1 };
const KEY_LENGTH = 64;
// Limits on what a configured hash may ask for, so a typo cannot make every sign-in exhaust memory.
const MAX_N = 1_048_576;
const MAX_R = 32;
const MAX_P = 16;

type ScryptHash = { N: number; r: number; p: number; salt: Buffer; hash: Buffer };

function deriveKey(password: string, salt: Buffer, cost: { N: number; r: number; p: number }, length: number): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r + 1024 * 1024 };
  return new Promise((resolve, reject) => {
    scrypt(password.normalize("NFC"), salt, length, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

export async function hashPassword(password: string, cost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const hash = await deriveKey(password, salt, cost, KEY_LENGTH);
  return `scrypt:${cost.N}:${cost.r}:${cost.p}:${salt.toString("base64url")}:${hash.toString("base64url")}`;
}

export function parseScryptHash(value: string): ScryptHash | null {
  const match = /^scrypt:(\d+):(\d+):(\d+):([A-Za-z0-9_-]+):([A-Za-z0-9_-]+)$/.exec(value);
  if (!match) return null;
  const [, n, r, p, salt, hash] = match;
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  const powerOfTwo = cost.N > 1 && (cost.N & (cost.N - 1)) === 0;
  if (!powerOfTwo || cost.N > MAX_N || cost.r < 1 || cost.r > MAX_R || cost.p < 1 || cost.p > MAX_P) return null;
  const saltBytes = Buffer.from(salt!, "base64url");
  const hashBytes = Buffer.from(hash!, "base64url");
  if (saltBytes.length < 8 || hashBytes.length < 16) return null;
  return { ...cost, salt: saltBytes, hash: hashBytes };
}

/** Checks a candidate against ADMIN_PASSWORD (plain or scrypt hash) in constant time. */
export async function verifyPassword(candidate: string, configured: string): Promise<boolean> {
  if (!configured.startsWith("scrypt:")) return constantTimeEqual(candidate.normalize("NFC"), configured.normalize("NFC"));
  const parsed = parseScryptHash(configured);
  if (!parsed) return false;
  const derived = await deriveKey(candidate, parsed.salt, parsed, parsed.hash.length);
  return constantTimeEqual(derived, parsed.hash);
}
