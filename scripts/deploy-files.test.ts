import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { DockerfileParser, type Copy, type Healthcheck, type Instruction } from "dockerfile-ast";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { envSchema } from "@/lib/config";

// The Dockerfile and the compose file, parsed and checked without Docker: a typo, a missing file, a
// secret baked into the image or a service wired wrongly fails here, in seconds. CI also builds and
// runs the image (scripts/ci/image-smoke.sh).

const root = path.join(import.meta.dirname, "..");
const read = (file: string) => readFileSync(path.join(root, file), "utf8");

// ---- Dockerfile -----------------------------------------------------------------------------

const dockerfile = DockerfileParser.parse(read("Dockerfile"));
const KNOWN = new Set(["FROM", "RUN", "CMD", "LABEL", "EXPOSE", "ENV", "ADD", "COPY", "ENTRYPOINT", "VOLUME", "USER", "WORKDIR", "ARG", "ONBUILD", "STOPSIGNAL", "HEALTHCHECK", "SHELL"]);

type Stage = { name: string | null; instructions: Instruction[] };
const stages: Stage[] = [];
for (const instruction of dockerfile.getInstructions()) {
  if (instruction.getKeyword() === "FROM") {
    stages.push({ name: dockerfile.getFROMs()[stages.length]!.getBuildStage(), instructions: [instruction] });
  } else if (stages.length > 0) {
    stages.at(-1)!.instructions.push(instruction);
  }
}
const finalStage = stages.at(-1)!;
const inFinal = (keyword: string) => finalStage.instructions.filter((i) => i.getKeyword() === keyword);
const args = (instruction: Instruction) => instruction.getArguments().map((a) => a.getValue());
/** The JSON (exec) form's strings, or null for the shell form. */
function execForm(instruction: Instruction): string[] | null {
  const content = (instruction.getArgumentsContent() ?? "").trim();
  return content.startsWith("[") ? (JSON.parse(content) as string[]) : null;
}
function copies(stage: Stage) {
  return stage.instructions
    .filter((i) => i.getKeyword() === "COPY")
    .map((i) => {
      const values = args(i);
      const from = (i as Copy).getFromFlag()?.getValue() ?? null;
      return { from, sources: values.slice(0, -1), target: values.at(-1)! };
    });
}

const dockerignore = read(".dockerignore")
  .split("\n")
  .map((line) => line.trim())
  .filter((line) => line !== "" && !line.startsWith("#"));

describe("Dockerfile", () => {
  it("parses, with only known instructions, and starts from a pinned Node 24 image", () => {
    for (const instruction of dockerfile.getInstructions()) expect(KNOWN, `line ${instruction.getRange().start.line + 1}`).toContain(instruction.getKeyword());
    expect(dockerfile.getFROMs().length).toBeGreaterThanOrEqual(3);
    const nodeImage = dockerfile.getInitialARGs().find((arg) => arg.getProperty()?.getName() === "NODE_IMAGE")?.getProperty()?.getValue();
    expect(nodeImage).toMatch(/^node:24\.\d+-bookworm-slim$/);
    for (const stage of stages.slice(1)) expect(args(stage.instructions[0]!)[0], `stage ${stage.name}`).toBe("base");
  });

  it("builds on the Node that package.json, its types and CI name (24 LTS)", () => {
    const manifest = JSON.parse(read("package.json")) as { engines: { node: string }; devDependencies: Record<string, string> };
    expect(manifest.engines.node).toMatch(/^(>=|\^)24(\.|$)/);
    expect(manifest.devDependencies["@types/node"]).toMatch(/^24\./);
    const ciNode = /^export NODE_VERSION=(\d+)\.\d+\.\d+$/m.exec(read(".ci/run"));
    expect(ciNode?.[1]).toBe("24");
    expect(read(".ci/run")).toMatch(/^source scripts\/ci\/use-node\.sh$/m);
    expect(read(".ci/run")).toMatch(/^scripts\/ci\/image-smoke\.sh$/m);
  });

  it("copies only from earlier stages, and only files that exist and are not ignored", () => {
    const seen: string[] = [];
    for (const stage of stages) {
      for (const copy of copies(stage)) {
        if (copy.from) {
          expect(seen, `COPY --from=${copy.from}`).toContain(copy.from);
          continue;
        }
        for (const source of copy.sources) {
          if (source === ".") continue;
          expect(existsSync(path.join(root, source)), `${source} exists`).toBe(true);
          expect(dockerignore, `${source} is not in .dockerignore`).not.toContain(source);
        }
      }
      if (stage.name) seen.push(stage.name);
    }
  });

  it("keeps secrets, tests and local state out of the build context", () => {
    for (const entry of [".env", "node_modules", ".next", ".data", ".git", "**/*.test.ts"]) expect(dockerignore).toContain(entry);
    expect(dockerignore).toContain("!.env.example");
  });

  it("bakes no secret into the image", () => {
    for (const instruction of dockerfile.getInstructions().filter((i) => ["ENV", "ARG"].includes(i.getKeyword()))) {
      expect(instruction.getArgumentsContent()).not.toMatch(/PASSWORD|SECRET|TOKEN|DATABASE_URL|WEBHOOK/);
    }
  });

  it("installs production dependencies only for the runtime, and builds the Prisma client and the standalone output", () => {
    const runs = (name: string) => stages.find((s) => s.name === name)!.instructions.filter((i) => i.getKeyword() === "RUN").map((i) => i.getArgumentsContent() ?? "").join("\n");
    const nodeModules = copies(finalStage).find((copy) => copy.target === "./node_modules");
    expect(nodeModules?.from).toBeTruthy();
    expect(runs(nodeModules!.from!)).toMatch(/npm ci --omit=dev/);
    expect(runs(nodeModules!.from!)).toMatch(/node keep-script-dependencies\.ts script-imports\.json node_modules/);
    expect(copies(stages.find((s) => s.name === nodeModules!.from)!)).toContainEqual({ from: "build", sources: ["/app/script-imports.json"], target: "./" });
    expect(runs("build")).toMatch(/npm run db:generate/);
    expect(runs("build")).toMatch(/next build/);
    expect(read("next.config.mjs")).toMatch(/output: "standalone"/);
    expect(copies(finalStage)).toContainEqual({ from: "build", sources: ["/app/lib/generated"], target: "./lib/generated" });
  });

  it("lays out the web role as the standalone test runs it: standalone, then .next/static and public beside server.js", () => {
    const fromBuild = copies(finalStage).filter((copy) => copy.from === "build");
    expect(fromBuild).toContainEqual({ from: "build", sources: ["/app/.next/standalone"], target: "./web" });
    expect(fromBuild).toContainEqual({ from: "build", sources: ["/app/.next/static"], target: "./web/.next/static" });
    expect(fromBuild).toContainEqual({ from: "build", sources: ["/app/public"], target: "./web/public" });
  });

  it("runs as a non-root user, listens on all interfaces, and serves by default", () => {
    const users = inFinal("USER").map((i) => args(i)[0]);
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
    const env = inFinal("ENV").map((i) => i.getArgumentsContent()).join(" ");
    expect(env).toMatch(/NODE_ENV=production/);
    // Next's standalone server binds to $HOSTNAME, which Docker sets to the container's name.
    expect(env).toMatch(/HOSTNAME=0\.0\.0\.0/);
    const cmd = inFinal("CMD");
    expect(cmd).toHaveLength(1);
    expect(execForm(cmd[0]!)).toEqual(["node", "web/server.js"]);
  });

  it("has a HEALTHCHECK on /api/health, in exec form, whose script exists", () => {
    const checks = inFinal("HEALTHCHECK");
    expect(checks).toHaveLength(1);
    const check = checks[0] as Healthcheck;
    const flags = Object.fromEntries(check.getFlags().map((flag) => [flag.getName(), flag.getValue()]));
    expect(flags).toMatchObject({ interval: expect.stringMatching(/^\d+s$/), timeout: expect.stringMatching(/^\d+s$/) });
    expect(check.getSubcommand()?.getValue()).toBe("CMD");
    const content = check.getArgumentsContent() ?? "";
    const command = JSON.parse(content.slice(content.indexOf("["))) as string[];
    expect(command).toEqual(["node", "scripts/http-probe.mjs", "/api/health"]);
    expect(existsSync(path.join(root, "scripts/http-probe.mjs"))).toBe(true);
  });
});

// ---- docker-compose.yml ----------------------------------------------------------------------

const composeText = read("docker-compose.yml");
const composeDocument = parseDocument(composeText, { merge: true });
type Service = {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  healthcheck?: { test?: string[]; disable?: boolean; interval?: string };
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  restart?: string;
  ports?: string[];
};
const compose = composeDocument.toJS({ maxAliasCount: -1 }) as { services: Record<string, Service>; volumes?: Record<string, unknown> };
const services = compose.services;
const variablesIn = (text: string) => new Set([...text.matchAll(/(?<!\$)\$\{([A-Z_][A-Z0-9_]*)/g)].map((m) => m[1]!));

const envExample = read(".env.example");
const documented = new Map(
  envExample
    .split("\n")
    .filter((line) => /^[A-Z_][A-Z0-9_]*=/.test(line))
    .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)] as const),
);

describe("docker-compose.yml", () => {
  it("parses cleanly", () => {
    expect(composeDocument.errors).toEqual([]);
    expect(composeDocument.warnings).toEqual([]);
  });

  it("uses only top-level keys Debian's docker-compose 1.29 accepts, with the project named in .env.example", () => {
    expect(Object.keys(compose).filter((key) => !key.startsWith("x-")).sort()).toEqual(["services", "volumes"]);
    expect(documented.get("COMPOSE_PROJECT_NAME")).toBe("durban-valuation-roll-explorer");
  });

  it("has exactly the services postgres, migrate, web and cron", () => {
    expect(Object.keys(services).sort()).toEqual(["cron", "migrate", "postgres", "web"]);
  });

  it("keeps PostgreSQL's data on a named volume and checks it with pg_isready", () => {
    const postgres = services.postgres!;
    expect(postgres.image).toMatch(/^postgres:\d+/);
    const volume = postgres.volumes?.find((v) => v.endsWith(":/var/lib/postgresql/data"));
    expect(volume).toBeDefined();
    expect(Object.keys(compose.volumes ?? {})).toContain(volume!.split(":")[0]);
    expect(postgres.healthcheck?.test?.join(" ")).toMatch(/pg_isready/);
    expect(postgres.ports).toBeUndefined();
  });

  it("gives PostgreSQL shared buffers for the search's working set, not the image's 128 MB", () => {
    expect(services.postgres!.command).toEqual(["postgres", "-c", "shared_buffers=${POSTGRES_SHARED_BUFFERS:-1GB}"]);
  });

  it("runs web, cron and migrate from one image, each with its command", () => {
    const { web, cron, migrate } = services;
    for (const service of [web, cron, migrate]) {
      expect(service!.image).toBe(web!.image);
      expect(service!.build).toBe(".");
    }
    expect(web!.command).toEqual(execForm(inFinal("CMD")[0]!));
    expect(cron!.command).toEqual(["node", "--import", "tsx", "scripts/cron.ts"]);
    expect(migrate!.command).toEqual(["node", "--import", "tsx", "scripts/migrate.ts"]);
    for (const script of ["scripts/cron.ts", "scripts/migrate.ts"]) expect(existsSync(path.join(root, script))).toBe(true);
    // The image keeps only the packages these scripts import (keep-script-dependencies.ts): each must be an entry point.
    const build = stages.find((s) => s.name === "build")!.instructions.map((i) => i.getArgumentsContent() ?? "").join("\n");
    for (const script of ["scripts/cron.ts", "scripts/migrate.ts", "scripts/scrape.ts", "scripts/http-probe.mjs"]) expect(build).toMatch(new RegExp(`esbuild [^\\n]*${script}`));
    expect(migrate!.restart).toBe("no");
  });

  it("migrates before web and cron start, once PostgreSQL is healthy", () => {
    expect(services.migrate!.depends_on).toEqual({ postgres: { condition: "service_healthy" } });
    for (const name of ["web", "cron"]) {
      expect(services[name]!.depends_on).toEqual({ postgres: { condition: "service_healthy" }, migrate: { condition: "service_completed_successfully" } });
    }
  });

  it("checks web's readiness and the scheduler's health", () => {
    expect(services.web!.healthcheck?.test).toEqual(["CMD", "node", "scripts/http-probe.mjs", "/api/ready"]);
    expect(services.cron!.healthcheck?.test).toEqual(["CMD", "node", "scripts/http-probe.mjs", "/api/health"]);
    expect(services.migrate!.healthcheck?.disable).toBe(true);
  });

  it("configures the app only through variables: no literal value, secrets required", () => {
    for (const [name, service] of Object.entries(services)) {
      for (const [key, value] of Object.entries(service.environment ?? {})) {
        expect(String(value), `${name}.${key}`).toMatch(/\$\{[A-Z_]+/);
      }
    }
    expect(services.web!.environment!.DATABASE_URL).toMatch(/\$\{POSTGRES_PASSWORD:\?/);
    expect(services.web!.environment!.CURSOR_SECRET).toMatch(/^\$\{CURSOR_SECRET:\?/);
  });

  it("passes every setting of the app to web and cron", () => {
    const notForContainers = new Set(["NODE_ENV", "EMBEDDED_DATABASE_DIR", "EMBEDDED_DATABASE_PORT", "PORT"]);
    const settings = Object.keys(envSchema.shape).filter((name) => !notForContainers.has(name));
    for (const name of ["web", "cron"]) expect(Object.keys(services[name]!.environment ?? {}).sort()).toEqual(settings.sort());
  });
});

describe(".env.example", () => {
  it("documents every variable the app reads and every one the compose file uses", () => {
    for (const name of Object.keys(envSchema.shape)) expect(documented.has(name), name).toBe(true);
    for (const name of variablesIn(composeText)) expect(documented.has(name), name).toBe(true);
  });

  it("holds no secret values", () => {
    for (const name of ["POSTGRES_PASSWORD", "CURSOR_SECRET", "ADMIN_PASSWORD", "SESSION_SECRET", "ADMIN_TOKEN", "ALERT_WEBHOOK_URL", "DATABASE_URL"]) {
      expect(documented.get(name), name).toBe("");
    }
  });

  it("is the only env file git tracks", () => {
    const gitignore = read(".gitignore").split("\n");
    expect(gitignore).toContain(".env");
  });
});
