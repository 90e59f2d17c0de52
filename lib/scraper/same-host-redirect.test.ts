import { describe, expect, it } from "vitest";
import { RedirectRefusedError, redirectTarget } from "./same-host-redirect";

describe("redirectTarget", () => {
  const from = "http://valuation2022.durban.gov.za/FramePages/SearchType.aspx";

  it("follows a path on the same host, relative or absolute", () => {
    expect(redirectTarget(from, "Search.aspx")).toBe("http://valuation2022.durban.gov.za/FramePages/Search.aspx");
    expect(redirectTarget(from, "/gv/FramePages/SearchType.aspx")).toBe("http://valuation2022.durban.gov.za/gv/FramePages/SearchType.aspx");
  });

  it("follows http to https on the same host, on any port", () => {
    expect(redirectTarget(from, "https://valuation2022.durban.gov.za/FramePages/SearchType.aspx")).toBe(
      "https://valuation2022.durban.gov.za/FramePages/SearchType.aspx",
    );
    expect(redirectTarget("http://127.0.0.1:4010/x", "https://127.0.0.1:4443/x")).toBe("https://127.0.0.1:4443/x");
  });

  it("refuses another host, another port, https to http, and a missing Location, naming both URLs", () => {
    expect(() => redirectTarget(from, "http://evil.example/FramePages/SearchType.aspx")).toThrow(
      `${from} redirected to http://evil.example/FramePages/SearchType.aspx, which is not the same host`,
    );
    expect(() => redirectTarget("http://127.0.0.1:4010/x", "http://127.0.0.1:4011/x")).toThrow(RedirectRefusedError);
    expect(() => redirectTarget("https://valuation2022.durban.gov.za/x", "http://valuation2022.durban.gov.za/x")).toThrow(RedirectRefusedError);
    expect(() => redirectTarget(from, "https://durban.gov.za/x")).toThrow(RedirectRefusedError);
    expect(() => redirectTarget(from, null)).toThrow(/no Location header/);
  });
});
