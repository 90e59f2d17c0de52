/**
 * Serves the simulated eThekwini valuation-roll site.
 * tsx scripts/simulate-site.ts --port 4010 --rows 50000 --seed 7
 */
import { parseArgs } from "node:util";
import { startSimulator } from "@/lib/simulator/server";

const USAGE = `Usage: tsx scripts/simulate-site.ts [options]

  --port N             port to listen on (default 4010; 0 picks a free one)
  --host H             address to bind (default 127.0.0.1)
  --rows N             properties on the gv2022 roll (default 50000)
  --seed N             data seed (default 7)
  --generation N       mutation generation to serve (default 0)
  --latency-ms N       delay every response by N milliseconds (default 0)
  --error-rate R       share of requests answered with a random 500, 0 to 1 (default 0)
  --truncate-above N   return at most N rows per result page (default: no limit)
  --help               show this help
`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}`);
  process.exit(2);
}

function wholeNumber(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) fail(`--${name} must be a whole number, got "${value}"`);
  return Number(value);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: "string" },
        host: { type: "string" },
        rows: { type: "string" },
        seed: { type: "string" },
        generation: { type: "string" },
        "latency-ms": { type: "string" },
        "error-rate": { type: "string" },
        "truncate-above": { type: "string" },
        help: { type: "boolean" },
      },
    }));
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  }
  if (values.help) {
    process.stdout.write(USAGE);
    return;
  }
  const errorRate = values["error-rate"] === undefined ? 0 : Number(values["error-rate"]);
  if (!Number.isFinite(errorRate) || errorRate < 0 || errorRate > 1) fail(`--error-rate must be between 0 and 1, got "${values["error-rate"]}"`);
  const rows = wholeNumber("rows", values.rows, 50_000);
  if (rows < 1) fail("--rows must be at least 1");
  const port = wholeNumber("port", values.port, 4010);
  if (port > 65535) fail("--port must be at most 65535");

  const started = Date.now();
  const sim = await startSimulator({
    port,
    host: values.host ?? "127.0.0.1",
    rows,
    seed: wholeNumber("seed", values.seed, 7),
    generation: wholeNumber("generation", values.generation, 0),
    latencyMs: wholeNumber("latency-ms", values["latency-ms"], 0),
    errorRate,
    truncateAbove: values["truncate-above"] === undefined ? null : wholeNumber("truncate-above", values["truncate-above"], 0),
  });
  const site = sim.site;
  process.stdout.write(
    [
      `Simulated valuation roll: ${site.rolls.gv2022.size.toLocaleString("en-ZA")} properties (gv2022), ` +
        `${site.rolls.gv2017.size.toLocaleString("en-ZA")} (gv2017), ${site.suburbs.length} suburbs, ` +
        `generation ${site.generation}, ready in ${Date.now() - started} ms`,
      `  gv2022: ${sim.url}  (also ${sim.rollUrl("gv2022")})`,
      `  gv2017: ${sim.rollUrl("gv2017")}`,
      "Press Ctrl+C to stop.",
      "",
    ].join("\n"),
  );
  const stop = () => {
    sim.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`simulate-site: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
