// Writes the SQL that takes prisma/migrations to prisma/schema.prisma as a new migration.
// The Prisma CLI's migrate commands need a native engine that is downloaded from a CDN our machines
// cannot reach, so this drives the same engine's WebAssembly build (from npm) instead. The migrations
// are replayed on an in-memory PGlite: no database is needed.
//
//   npm run db:new-migration -- <name>      write prisma/migrations/<UTC timestamp>_<name>/migration.sql
//   npm run db:new-migration -- --print     print the SQL only
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

const USAGE = `Usage: npm run db:new-migration -- <name>
       npm run db:new-migration -- --print

Writes the SQL that takes prisma/migrations to prisma/schema.prisma as
prisma/migrations/<UTC timestamp>_<name>/migration.sql, or with --print only prints it.
Needs no database (the migrations are replayed on an in-memory PGlite).`;

// Plain node (no tsx), so not scripts/cli/parse-help-only.ts; the same answers: --help exit 0, a mistake exit 2.
function parseCommand(argv) {
  const { values, positionals } = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { help: { type: "boolean", short: "h" }, print: { type: "boolean" } } });
  if (values.help) return { kind: "help" };
  if (values.print && positionals.length === 0) return { kind: "print" };
  if (!values.print && positionals.length === 1) return { kind: "write", name: positionals[0] };
  throw new Error(values.print ? "--print takes no name" : positionals.length === 0 ? "a migration name is needed" : "one migration name only");
}

let command;
try {
  command = parseCommand(process.argv.slice(2));
} catch (error) {
  console.error(`error: ${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (command.kind === "help") {
  console.log(USAGE);
  process.exit(0);
}

const require = createRequire(import.meta.url);
const engineDir = path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
const glue = await import(path.join(engineDir, "schema_engine_bg.js"));
const wasm = new WebAssembly.Instance(
  new WebAssembly.Module(readFileSync(path.join(engineDir, "schema_engine_bg.wasm"))),
  { "./schema_engine_bg.js": glue },
);
glue.__wbg_set_wasm(wasm.exports);
wasm.exports.__wbindgen_start?.();

const schemaPath = "prisma/schema.prisma";
const migrationsDir = path.resolve("prisma/migrations");
const schemaFiles = [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }];
const db = new PGlite("memory://main", { extensions: { pg_trgm } });
await db.waitReady;
// The adapter's own shadow database lacks pg_trgm, so replaying our migrations there would fail.
const factory = new PrismaPGlite(db);
factory.connectToShadowDb = async () => {
  const shadow = new PGlite("memory://shadow", { extensions: { pg_trgm } });
  await shadow.waitReady;
  return new PrismaPGlite(shadow).connect();
};
const engine = await glue.SchemaEngine.new(
  { datamodels: schemaFiles.map((f) => [f.path, f.content]) },
  (log) => process.env.DEBUG && console.error("[engine]", log),
  bindMigrationAwareSqlAdapterFactory(factory),
);

function migrationsList() {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir).filter((d) => existsSync(path.join(migrationsDir, d, "migration.sql"))).sort()
    : [];
  const lock = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lock) ? readFileSync(lock, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((d) => ({
      path: d,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok", value: readFileSync(path.join(migrationsDir, d, "migration.sql"), "utf8") },
      },
    })),
  };
}

try {
  const { stdout: sql = "" } = await engine.diff({
    from: { tag: "migrations", ...migrationsList() },
    to: { tag: "schemaDatamodel", files: schemaFiles },
    script: true,
    exitCode: null,
    filters: { externalTables: [], externalEnums: [] },
  });
  if (command.kind === "print") process.stdout.write(sql);
  else if (/^-- This is an empty migration\.\s*$/.test(sql)) console.log("schema and migrations agree; nothing written");
  else {
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${command.name.replace(/\W+/g, "_")}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log("wrote", path.relative(process.cwd(), dir));
  }
} catch (error) {
  console.error("error:", error?.message ?? error);
  process.exitCode = 1;
} finally {
  engine.free?.();
  await db.close();
}
// The engine keeps the adapter open; exit explicitly once output is flushed.
process.stdout.write("", () => process.exit(process.exitCode ?? 0));
