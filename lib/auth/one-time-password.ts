import { randomBytes } from "node:crypto";
import { hashPassword } from "./password";

// For `npm run demo`: a fresh admin password and session secret for this run only. Pass `env` to
// the web server's environment and show `password` to the person running the demo; only the hash
// reaches the server.

export type OneTimeAdminCredentials = { password: string; env: { ADMIN_PASSWORD: string; SESSION_SECRET: string } };

export async function createOneTimeAdminCredentials(): Promise<OneTimeAdminCredentials> {
  const password = randomBytes(18).toString("base64url");
  return {
    password,
    env: { ADMIN_PASSWORD: await hashPassword(password), SESSION_SECRET: randomBytes(48).toString("base64url") },
  };
}
