import { describe, expect, it } from "vitest";
import { LinkUsageError, parseLinkArgs } from "./parse-link-args";

describe("parseLinkArgs", () => {
  it("reads the two rolls", () => {
    expect(parseLinkArgs(["--from", "gv2022", "--to", "gv2026"])).toEqual({ kind: "link", from: "gv2022", to: "gv2026" });
  });

  it("answers --help and -h before anything else", () => {
    expect(parseLinkArgs(["--help"])).toEqual({ kind: "help" });
    expect(parseLinkArgs(["-h", "--from", "nonsense"])).toEqual({ kind: "help" });
  });

  it.each([
    [[], "--from is required"],
    [["--from", "gv2022"], "--to is required"],
    [["--from", "2022", "--to", "gv2026"], "must be a roll id: a lower-case letter"],
    [["--from", "gv2022", "--to", "gv2022"], "must be different rolls"],
    [["--from", "gv2022", "--to", "gv2026", "--force"], "Unknown option '--force'"],
  ])("refuses %j clearly", (argv, message) => {
    expect(() => parseLinkArgs(argv)).toThrow(LinkUsageError);
    expect(() => parseLinkArgs(argv)).toThrow(message);
  });
});
