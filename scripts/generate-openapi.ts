// Writes public/openapi.json from the zod schemas (lib/openapi). Run after changing the API;
// lib/openapi/openapi-document.test.ts fails while the committed file is out of date.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { serialiseOpenApiDocument } from "@/lib/openapi/openapi-document";
import { seedRolls } from "@/lib/rolls/seed-rolls";

const target = path.join(import.meta.dirname, "..", "public", "openapi.json");
writeFileSync(target, serialiseOpenApiDocument(seedRolls().map((roll) => roll.id)));
console.log(`wrote ${path.relative(process.cwd(), target)}`);
