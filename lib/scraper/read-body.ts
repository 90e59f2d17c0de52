// Reads an answer's body as a stream, within two limits: no pause between bytes longer than
// `stallMs` (a slow-but-steady page is fine, a stalled one is not) and no more than `maxBytes` in
// all (a clear error, never a silent cut). Then decodes it by the charset the Content-Type names.

export type BodyLimits = { stallMs: number; maxBytes: number };

export class BodyStalledError extends Error {
  override name = "BodyStalledError";
}

export class ResponseTooLargeError extends Error {
  override name = "ResponseTooLargeError";
}

export class UnknownCharsetError extends Error {
  override name = "UnknownCharsetError";
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export async function readBody(response: Response, limits: BodyLimits): Promise<string> {
  const decoder = decoderFor(response.headers.get("content-type"));
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > limits.maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw new ResponseTooLargeError(`the answer is ${megabytes(declared)}, over the ${megabytes(limits.maxBytes)} limit (--max-response-mb)`);
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await withinStall(reader.read(), limits.stallMs);
      if (done) break;
      size += value.byteLength;
      if (size > limits.maxBytes) {
        throw new ResponseTooLargeError(`the answer passed the ${megabytes(limits.maxBytes)} limit (--max-response-mb) and was not read further`);
      }
      chunks.push(value);
    }
  } catch (error) {
    reader.cancel().catch(() => {});
    throw error;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decoder.decode(bytes);
}

function withinStall<T>(read: Promise<T>, stallMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const stalled = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BodyStalledError(`no bytes arrived for ${stallMs} ms (--stall-timeout-ms)`)), stallMs);
  });
  return Promise.race([read, stalled]).finally(() => clearTimeout(timer));
}

/** The charset a Content-Type header names; UTF-8 when it names none (ASP.NET's default). */
export function charsetOf(contentType: string | null): string {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? "");
  return match ? match[1]!.toLowerCase() : "utf-8";
}

// windows-1252 where it differs from ISO-8859-1 (0x80–0x9F). Node 20's TextDecoder decodes
// "windows-1252" (and "latin1", its WHATWG alias) as ISO-8859-1, giving control characters here.
const WINDOWS_1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

function decoderFor(contentType: string | null): { decode: (bytes: Uint8Array) => string } {
  const charset = charsetOf(contentType);
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset);
  } catch {
    throw new UnknownCharsetError(`the answer is in a charset this scraper cannot decode: "${charset}" (Content-Type: ${contentType})`);
  }
  if (decoder.encoding !== "windows-1252") return decoder;
  return { decode: (bytes) => decoder.decode(bytes).replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!) };
}
