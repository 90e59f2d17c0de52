import { describe, expect, it } from "vitest";
import { BodyStalledError, ResponseTooLargeError, UnknownCharsetError, charsetOf, readBody } from "./read-body";

const limits = { stallMs: 1_000, maxBytes: 1_000 };

function streamed(chunks: Uint8Array[], contentType = "text/html", pauseAfter?: number): Response {
  let index = 0;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (index === pauseAfter) await new Promise((resolve) => setTimeout(resolve, 300));
      if (index < chunks.length) controller.enqueue(chunks[index++]!);
      else controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": contentType } });
}

describe("charsetOf", () => {
  it("reads the charset parameter in any case and quoting, UTF-8 when there is none", () => {
    expect(charsetOf("text/html; charset=utf-8")).toBe("utf-8");
    expect(charsetOf('text/html;Charset="Windows-1252"')).toBe("windows-1252");
    expect(charsetOf("text/html; boundary=x; charset = ISO-8859-1")).toBe("iso-8859-1");
    expect(charsetOf("text/html")).toBe("utf-8");
    expect(charsetOf(null)).toBe("utf-8");
  });
});

describe("readBody", () => {
  it("joins chunks before decoding, so a character split across two chunks survives", async () => {
    const bytes = new TextEncoder().encode("m² é");
    expect(await readBody(streamed([bytes.subarray(0, 2), bytes.subarray(2)]), limits)).toBe("m² é");
  });

  it("decodes windows-1252's own characters (0x80–0x9F), not their ISO-8859-1 control codes", async () => {
    const bytes = Uint8Array.from([0x80, 0x91, 0x92, 0x96, 0x9f, 0xe9]);
    expect(await readBody(streamed([bytes], "text/html; charset=windows-1252"), limits)).toBe("€‘’–Ÿé");
  });

  it("stops at the size cap and when bytes stop coming, and names an unknown charset", async () => {
    const kilobyte = new Uint8Array(600);
    await expect(readBody(streamed([kilobyte, kilobyte]), limits)).rejects.toThrow(ResponseTooLargeError);
    await expect(readBody(streamed([kilobyte, new Uint8Array(10)], "text/html", 1), { ...limits, stallMs: 100 })).rejects.toThrow(BodyStalledError);
    expect(await readBody(streamed([kilobyte, new Uint8Array(10)], "text/html", 1), limits)).toHaveLength(610);
    await expect(readBody(streamed([kilobyte], "text/html; charset=ebcdic-klingon"), limits)).rejects.toThrow(UnknownCharsetError);
  });
});
