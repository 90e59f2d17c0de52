import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes";

const plain = (text: string) => text.replace(/\u00a0/g, " ");

describe("formatBytes", () => {
  it("writes bytes, kB, MB and GB with a decimal comma", () => {
    expect(formatBytes(0)).toBe("0 B");
    expect(formatBytes(999)).toBe("999 B");
    expect(formatBytes(1_000)).toBe("1 kB");
    expect(formatBytes(1_500)).toBe("1,5 kB");
    expect(formatBytes(123_456)).toBe("123,5 kB");
    expect(formatBytes(40_000_000)).toBe("40 MB");
    expect(formatBytes(2_345_000_000)).toBe("2,3 GB");
    expect(plain(formatBytes(4_321_000_000_000))).toBe("4 321 GB");
  });

  it("goes up a unit when rounding would write 1 000 of the smaller", () => {
    expect(formatBytes(999_940)).toBe("999,9 kB");
    expect(formatBytes(999_960)).toBe("1 MB");
  });
});
