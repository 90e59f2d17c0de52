/**
 * Serves the simulated eThekwini valuation-roll site.
 * tsx scripts/simulate-site.ts --port 4010 --rows 50000 --seed 7 [--profile real …]
 */
import { describeBehaviour, parseSimulatorArgs, SIMULATE_SITE_USAGE } from "./cli/parse-simulator-args";
import { ROLL_IDS } from "@/lib/simulator/roll-meta";
import { startSimulator } from "@/lib/simulator/server";

function fail(message: string): never {
  process.stderr.write(`error: ${message}\n\n${SIMULATE_SITE_USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const parsed = parseSimulatorArgs(process.argv.slice(2));
  if (parsed.kind === "help") {
    process.stdout.write(SIMULATE_SITE_USAGE);
    return;
  }
  if (parsed.kind === "error") fail(parsed.message);

  const started = Date.now();
  const sim = await startSimulator(parsed.options);
  const site = sim.site;
  const sizes = ROLL_IDS.map((id) => `${site.rolls[id].size.toLocaleString("en-ZA")} (${id})`).join(", ");
  process.stdout.write(
    [
      `Simulated valuation rolls: ${sizes} properties, ${site.suburbs.length} suburbs, generation ${site.generation}, ready in ${Date.now() - started} ms`,
      `  profile: ${sim.profile}`,
      ...describeBehaviour(sim.behaviour).map((line) => `    ${line}`),
      ...ROLL_IDS.map((id) => (id === "gv2022" ? `  ${id}: ${sim.url}  (also ${sim.rollUrl(id)})` : `  ${id}: ${sim.rollUrl(id)}`)),
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
