// Prints the scrypt hash of an admin password, for ADMIN_PASSWORD:
//   npx tsx scripts/hash-password.ts            (type the password, then Enter)
//   printf %s "$PASSWORD" | npx tsx scripts/hash-password.ts
// The password is read from standard input so that it stays out of the shell history.
import { createInterface } from "node:readline";
import { hashPassword } from "@/lib/auth/password";
import { exitUnlessRun } from "./cli/parse-help-only";

exitUnlessRun(
  process.argv.slice(2),
  `Usage: npx tsx scripts/hash-password.ts

Reads an admin password (12 or more characters) from standard input and prints its scrypt hash,
the value for ADMIN_PASSWORD. It takes no flags: the password stays out of the shell history.`,
);

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write("Admin password (12 or more characters; it is shown as you type): ");
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return "";
}

const password = await readPassword();
if (password.length < 12) {
  console.error("error: the password must have 12 or more characters");
  process.exit(2);
}
console.log(await hashPassword(password));
