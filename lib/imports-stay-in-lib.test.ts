import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// lib is what app and scripts build on: it never imports them, nor the test harnesses that
// import app's routes (test-support/). A module that needs a route or a CLI belongs outside lib.

const LIB = import.meta.dirname;
const ROOT = path.dirname(LIB);
const OUTSIDE = ["app", "scripts", "test-support"];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "generated" ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) ? [full] : [];
  });
}

/** Where each import of `file` (static, dynamic or re-export) points, as a path from the project root. */
function importTargets(file: string, source: string): string[] {
  const specifiers = [...source.matchAll(/(?:from\s+|import\s*\(\s*|import\s+)["']([^"']+)["']/g)].map((match) => match[1]!);
  return specifiers.flatMap((specifier) => {
    if (specifier.startsWith("@/")) return [specifier.slice(2)];
    if (specifier.startsWith(".")) return [path.relative(ROOT, path.resolve(path.dirname(file), specifier))];
    return [];
  });
}

describe("lib's imports", () => {
  it("finds imports of every form", () => {
    const file = path.join(LIB, "x", "y.ts");
    const source = `import a from "@/app/a";\nexport { b } from "../../scripts/b";\nconst c = await import("@/test-support/c");\nimport "./d";`;
    expect(importTargets(file, source)).toEqual(["app/a", "scripts/b", "test-support/c", "lib/x/d"]);
  });

  it("never reach into app, scripts or test-support", () => {
    // This file's own examples above are not imports.
    const offending = sourceFiles(LIB).filter((file) => file !== import.meta.filename).flatMap((file) =>
      importTargets(file, readFileSync(file, "utf8"))
        .filter((target) => OUTSIDE.some((folder) => target === folder || target.startsWith(`${folder}/`)))
        .map((target) => `${path.relative(ROOT, file)} imports ${target}`),
    );
    expect(offending).toEqual([]);
  });
});
