import { describe, expect, it } from "vitest";
import { UsageError, parseCliArgs } from "./parse-cli-args";

describe("parseCliArgs", () => {
  it("defaults to the whole gv2022 roll, both title types, politely", () => {
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
        timeoutMs: 5000,
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

  it("answers --help", () => {
    expect(parseCliArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseCliArgs(["-h"])).toEqual({ kind: "help" });
  });

  it.each([
    [["--bogus"], /Unknown option '--bogus'/],
    [["--concurrency", "many"], /--concurrency takes a whole number, got "many"/],
    [["--concurrency", "99"], /--concurrency/],
    [["--roll", "gv1999"], /--roll/],
    [["--title", "freehold"], /--title/],
    [["--suburb", "PINETOWN"], /--suburb: a suburb id is the site's number/],
    [["--base-url", "ftp://example.org"], /--base-url/],
    [["--resume", "abc"], /--resume takes a whole number/],
    [["stray"], /positional/i],
  ])("rejects %j with a clear message", (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(UsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });
});
