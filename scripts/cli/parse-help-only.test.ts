import { describe, expect, it } from "vitest";
import { HelpOnlyUsageError, parseHelpOnly } from "./parse-help-only";

describe("parseHelpOnly", () => {
  it("runs with no flags and asks for help with --help or -h", () => {
    expect(parseHelpOnly([])).toEqual({ kind: "run" });
    expect(parseHelpOnly(["--help"])).toEqual({ kind: "help" });
    expect(parseHelpOnly(["-h"])).toEqual({ kind: "help" });
  });

  it("refuses any other flag or argument", () => {
    expect(() => parseHelpOnly(["--roll", "gv2022"])).toThrow(HelpOnlyUsageError);
    expect(() => parseHelpOnly(["--roll", "gv2022"])).toThrow(/Unknown option '--roll'/);
    expect(() => parseHelpOnly(["now"])).toThrow(/Unexpected argument 'now'/);
  });
});
