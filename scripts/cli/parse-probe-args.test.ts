import { describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { seedRegistry } from "@/lib/rolls/seed-rolls";
import { PROBE_TIMEOUT_MS, ProbeUsageError, parseProbeArgs as parseWithRegistry } from "./parse-probe-args";

const registry = seedRegistry("gv2022");
const parseProbeArgs = (argv: string[]) => parseWithRegistry(argv, registry);

describe("parseProbeArgs", () => {
  it("defaults to the default roll's site in the registry, the project's User-Agent and its politeness", () => {
    const command = parseProbeArgs([]);
    expect(command).toMatchObject({ kind: "probe", out: null, json: false, store: true });
    if (command.kind !== "probe") throw new Error("expected a probe");
    expect(command.options).toEqual({
      roll: "gv2022",
      baseUrl: config.VALUATION_BASE_URL ?? "http://valuation2022.durban.gov.za/",
      userAgent: config.SCRAPE_USER_AGENT,
      timeoutMs: PROBE_TIMEOUT_MS,
      delayMs: config.SCRAPE_DELAY_MS,
    });
  });

  it("takes every flag", () => {
    const command = parseProbeArgs(["--roll", "gv2017", "--base-url", "http://127.0.0.1:4010/gv2017", "--out", "report.json", "--json", "--timeout-ms", "90000", "--delay-ms", "0", "--no-store"]);
    expect(command).toMatchObject({
      kind: "probe",
      out: "report.json",
      json: true,
      store: false,
      options: { roll: "gv2017", baseUrl: "http://127.0.0.1:4010/gv2017", timeoutMs: 90_000, delayMs: 0 },
    });
  });

  it("asks for help", () => {
    expect(parseProbeArgs(["-h"])).toEqual({ kind: "help" });
  });

  it.each([
    [["--roll", "gv1999"], "--roll: must be one of gv2026, gv2022, gv2017, gv2012"],
    [["--base-url", "ftp://example.org/"], "--base-url: must be an http:// or https:// URL"],
    [["--timeout-ms", "ten"], '--timeout-ms takes a whole number, got "ten"'],
    [["--timeout-ms", "10"], "--timeout-ms: must be at least 1000"],
    [["--delay-ms", "-5"], "Option '--delay-ms' argument is ambiguous"],
    [["--out", ""], "--out takes a file name"],
    [["--suburb", "1"], "Unknown option '--suburb'"],
    [["extra"], "Unexpected argument 'extra'"],
  ])("refuses %j", (argv, message) => {
    expect(() => parseProbeArgs(argv)).toThrow(ProbeUsageError);
    expect(() => parseProbeArgs(argv)).toThrow(message);
  });

  it("without a database needs both the roll and the site", () => {
    expect(() => parseWithRegistry(["--roll", "gv2026"], null)).toThrow("without a database (DATABASE_URL) give both --roll and --base-url");
    expect(parseWithRegistry(["--roll", "gv2026", "--base-url", "http://127.0.0.1:1/"], null)).toMatchObject({ options: { roll: "gv2026", baseUrl: "http://127.0.0.1:1/" } });
  });
});
