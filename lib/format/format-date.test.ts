import { describe, expect, it } from "vitest";
import { formatCalendarDate, formatDate, formatDateTime } from "./format-date";

describe("formatDate", () => {
  it("writes the day, month name and year in South African time", () => {
    expect(formatDate("2026-11-27T01:40:51.008Z")).toBe("27 November 2026");
    // 23:30 UTC is already the next day in Durban.
    expect(formatDate("2026-11-27T23:30:00Z")).toBe("28 November 2026");
    expect(formatDate(new Date("2022-02-11T08:00:00Z"))).toBe("11 February 2022");
  });

  it("does not invent a date from garbage", () => {
    expect(formatDate("not a date")).toBe("Unknown date");
  });
});

describe("formatDateTime", () => {
  it("adds the 24-hour SAST time", () => {
    expect(formatDateTime("2026-11-27T01:40:51.008Z")).toBe("27 November 2026, 03:40");
    expect(formatDateTime("2026-01-05T22:05:00Z")).toBe("6 January 2026, 00:05");
    expect(formatDateTime(new Date("2026-11-28T10:26:00Z"))).toBe("28 November 2026, 12:26");
  });

  it("writes a dash for what has not happened", () => {
    expect(formatDateTime(null)).toBe("–");
  });
});

describe("formatCalendarDate", () => {
  it("reads an ISO calendar date without shifting it", () => {
    expect(formatCalendarDate("2022-02-11")).toBe("11 February 2022");
    expect(formatCalendarDate("2017-12-01")).toBe("1 December 2017");
  });

  it("leaves anything else as it is", () => {
    expect(formatCalendarDate("11 February 2022")).toBe("11 February 2022");
    expect(formatCalendarDate("2022-13-01")).toBe("2022-13-01");
  });
});
