import { describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { seedRegistry } from "@/lib/rolls/seed-rolls";
import { UsageError, parseCliArgs as parseWithRegistry } from "./parse-scrape-args";

// The seeded registry, with gv2022 as the default roll (as a database whose gv2022 is complete).
const registry = seedRegistry("gv2022");
const parseCliArgs = (argv: string[]) => parseWithRegistry(argv, registry);

describe("parseCliArgs", () => {
  it("defaults to the whole default roll, both title types, politely, at the roll's base URL in the registry", () => {
    const command = parseCliArgs([]);
    expect(command.kind).toBe("scrape");
    if (command.kind !== "scrape") return;
    expect(command.options.roll).toBe("gv2022");
    expect(command.options.titleTypes).toEqual(["full", "sectional"]);
    expect(command.options.suburbIds).toBeUndefined();
    expect(command.options.concurrency).toBe(2);
    expect(command.options.delayMs).toBe(500);
    expect(command.options.baseUrl).toBe("http://valuation2022.durban.gov.za/");
    expect(command.resume).toBeUndefined();
    expect(command.options).toMatchObject({
      firstByteTimeoutMs: 120_000,
      stallTimeoutMs: 60_000,
      maxResponseMb: 64,
      outageFailures: 5,
      outageBackoffMs: 60_000,
      outageMaxBackoffMs: 600_000,
      outagePatienceMs: 7_200_000,
    });
    expect(command.warnings).toEqual([]);
  });

  it("reads the time limits and the outage settings", () => {
    const command = parseCliArgs([
      "--first-byte-timeout-ms", "90000", "--stall-timeout-ms", "500", "--max-response-mb", "8",
      "--outage-failures", "3", "--outage-backoff-ms", "200", "--outage-max-backoff-ms", "400", "--outage-patience-ms", "3000",
    ]);
    expect(command).toMatchObject({
      options: { firstByteTimeoutMs: 90_000, stallTimeoutMs: 500, maxResponseMb: 8, outageFailures: 3, outageBackoffMs: 200, outageMaxBackoffMs: 400, outagePatienceMs: 3_000 },
      warnings: [],
    });
  });

  it("reads the deprecated --timeout-ms as the first-byte limit, with a warning", () => {
    const command = parseCliArgs(["--timeout-ms", "45000"]);
    expect(command).toMatchObject({ options: { firstByteTimeoutMs: 45_000 }, warnings: [expect.stringContaining("use --first-byte-timeout-ms")] });
    expect(command.kind === "scrape" && "timeoutMs" in command.options).toBe(false);
    expect(() => parseCliArgs(["--timeout-ms", "45000", "--first-byte-timeout-ms", "90000"])).toThrow(/give only --first-byte-timeout-ms/);
  });

  it("reads every flag", () => {
    const command = parseCliArgs([
      "--base-url", "http://127.0.0.1:4010/gv2017",
      "--roll", "gv2017",
      "--title", "sectional",
      "--suburb", "22136", "--suburb", "22137",
      "--concurrency", "4", "--delay-ms", "0", "--timeout-ms", "5000", "--retries", "1",
      "--details", "--details-budget", "10", "--dry-run", "--json",
    ]);
    expect(command).toMatchObject({
      kind: "scrape",
      json: true,
      options: {
        baseUrl: "http://127.0.0.1:4010/gv2017/",
        roll: "gv2017",
        titleTypes: ["sectional"],
        suburbIds: ["22136", "22137"],
        concurrency: 4,
        delayMs: 0,
        firstByteTimeoutMs: 5000,
        retries: 1,
        details: true,
        detailsBudget: 10,
        dryRun: true,
      },
    });
  });

  it("takes --resume with or without a run id", () => {
    expect(parseCliArgs(["--resume"])).toMatchObject({ resume: "latest" });
    expect(parseCliArgs(["--resume", "--json"])).toMatchObject({ resume: "latest", json: true });
    expect(parseCliArgs(["--resume", "12"])).toMatchObject({ resume: 12 });
  });

  it("reads the cross-check policy and the No Match recheck, defaulting to auto, 7 days and SCRAPE_EMPTY_RECHECK_MS", () => {
    const defaults = parseCliArgs([]);
    expect(defaults.kind === "scrape" && [defaults.options.crossCheck, defaults.options.crossCheckDays, defaults.options.emptyRecheckMs]).toEqual(["auto", 7, config.SCRAPE_EMPTY_RECHECK_MS]);
    const set = parseCliArgs(["--cross-check", "always", "--cross-check-days", "3", "--empty-recheck-ms", "0"]);
    expect(set.kind === "scrape" && [set.options.crossCheck, set.options.crossCheckDays, set.options.emptyRecheckMs]).toEqual(["always", 3, 0]);
  });

  it("answers --help", () => {
    expect(parseCliArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseCliArgs(["-h"])).toEqual({ kind: "help" });
  });

  it.each([
    [["--bogus"], /Unknown option '--bogus'/],
    [["--concurrency", "many"], /--concurrency takes a whole number, got "many"/],
    [["--concurrency", "99"], /--concurrency/],
    [["--roll", "gv1999"], /--roll: must be one of gv2026, gv2022, gv2017, gv2012/],
    [["--title", "freehold"], /--title/],
    [["--suburb", "PINETOWN"], /--suburb: a suburb id is the site's number/],
    [["--base-url", "ftp://example.org"], /--base-url/],
    [["--stall-timeout-ms", "10"], /--stall-timeout-ms/],
    [["--max-response-mb", "0"], /--max-response-mb/],
    [["--outage-backoff-ms", "5000", "--outage-max-backoff-ms", "1000"], /--outage-max-backoff-ms: the longest pause cannot be shorter than the first one/],
    [["--resume", "abc"], /--resume takes a whole number/],
    [["--cross-check", "sometimes"], /--cross-check: /],
    [["--cross-check-days", "0"], /--cross-check-days/],
    [["--empty-recheck-ms", "soon"], /--empty-recheck-ms takes a whole number/],
    [["stray"], /positional/i],
  ])("rejects %j with a clear message", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it("takes a roll added to the registry, at its own base URL", () => {
    const added = { ...registry.rolls[0]!, id: "gv2099", label: "GV 2099", baseUrl: "http://127.0.0.1:4010/gv2017/" };
    const command = parseWithRegistry(["--roll", "gv2099"], { ...registry, rolls: [added, ...registry.rolls], ids: ["gv2099", ...registry.ids] });
    expect(command).toMatchObject({ kind: "scrape", options: { roll: "gv2099", baseUrl: config.VALUATION_BASE_URL ?? "http://127.0.0.1:4010/gv2017/" } });
  });

  it("says a roll without a base URL needs one", () => {
    const planned = { ...registry.rolls[0]!, id: "gv2031", baseUrl: null };
    const withPlanned = { ...registry, rolls: [planned], ids: ["gv2031"] };
    if (config.VALUATION_BASE_URL === undefined) expect(() => parseWithRegistry(["--roll", "gv2031"], withPlanned)).toThrow(/gv2031 has no base URL in the roll registry/);
    expect(parseWithRegistry(["--roll", "gv2031", "--base-url", "http://127.0.0.1:1/"], withPlanned)).toMatchObject({ options: { baseUrl: "http://127.0.0.1:1/" } });
  });
});
