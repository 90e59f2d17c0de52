import { describe, expect, it } from "vitest";
import { contentTypeCharset, decoderFor } from "./content-type-charset";

describe("contentTypeCharset", () => {
  it("reads the charset parameter, however it is written", () => {
    expect(contentTypeCharset("text/html; charset=utf-8")).toBe("utf-8");
    expect(contentTypeCharset("text/html;charset=\"ISO-8859-1\"")).toBe("iso-8859-1");
    expect(contentTypeCharset("text/html; Charset = windows-1252 ; foo=bar")).toBe("windows-1252");
  });

  it("is null when none is named", () => {
    expect(contentTypeCharset(null)).toBeNull();
    expect(contentTypeCharset("text/html")).toBeNull();
    expect(contentTypeCharset("text/html; charset=")).toBeNull();
  });
});

describe("decoderFor", () => {
  it("decodes by the charset, UTF-8 when none is named", () => {
    expect(decoderFor(null)!.decode(Buffer.from("m²", "utf8"))).toBe("m²");
    expect(decoderFor("windows-1252")!.decode(Buffer.from([0x6d, 0xb2]))).toBe("m²");
  });

  it("is null for a label it does not know", () => {
    expect(decoderFor("x-klingon")).toBeNull();
  });
});
