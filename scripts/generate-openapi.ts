// Writes public/openapi.json from the zod schemas (lib/openapi). Run after changing the API;
// lib/openapi/openapi-document.test.ts fails while the committed file is out of date.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { exitUnlessRun } from "./cli/parse-help-only";

exitUnlessRun(
  process.argv.slice(2),
  `Usage: npm run openapi

Writes public/openapi.json: the OpenAPI 3.1 document built from the zod schemas, with the seeded rolls.
Needs no database. It takes no flags.`,
);

// Imported only now: they load lib/config, which checks the environment, and --help must answer regardless.
const { serialiseOpenApiDocument } = await import("@/lib/openapi/openapi-document");
const { seedRolls } = await import("@/lib/rolls/seed-rolls");
const target = path.join(import.meta.dirname, "..", "public", "openapi.json");
writeFileSync(target, serialiseOpenApiDocument(seedRolls().map((roll) => roll.id)));
console.log(`wrote ${path.relative(process.cwd(), target)}`);
