import { describe, expect, it } from "vitest";
import { anomalyAlert, formatTime, runFailedAlert, slackPayload, staleDataAlert } from "./format-alert";

const NBSP = "\u00a0";

describe("formatTime", () => {
  it("shows a time in the given time zone", () => {
    expect(formatTime(new Date("2026-11-28T00:00:00Z"), "Africa/Johannesburg")).toBe("2026-11-28 02:00 GMT+2");
    expect(formatTime(new Date("2026-11-28T00:00:00Z"), "UTC")).toBe("2026-11-28 00:00 UTC");
  });
});

describe("runFailedAlert", () => {
  it("names the run, counts the failed tasks and lists the failures", () => {
    const alert = runFailedAlert({
      roll: "gv2022",
      runId: 41,
      error: "2 of 1200 tasks failed; nothing was marked removed; resume with --resume 41",
      tasksFailed: 2,
      tasksTotal: 1_200,
      failures: [
        { suburbName: "UMHLANGA", titleType: "full", error: "timed out after 30000 ms" },
        { suburbName: "ASHLEY", titleType: "sectional", error: "the site answered 500" },
      ],
    });
    expect(alert.kind).toBe("run-failed");
    expect(alert.title).toBe("Scrape run #41 of gv2022 failed");
    expect(alert.text).toContain("2 of 1200 tasks failed");
    expect(alert.text).toContain("npm run scrape -- --roll gv2022 --resume");
    expect(alert.fields).toContainEqual({ title: "Failed tasks", value: `2 of 1${NBSP}200` });
    expect(alert.fields).toContainEqual({ title: "Failures", value: "UMHLANGA (full): timed out after 30000 ms\nASHLEY (sectional): the site answered 500" });
  });

  it("says when the run could not start at all, and lists at most ten failures", () => {
    const failures = Array.from({ length: 13 }, (_, i) => ({ suburbName: `S${i}`, titleType: "full", error: "500" }));
    const alert = runFailedAlert({ roll: "gv2017", runId: null, error: "connect ECONNREFUSED", tasksFailed: 13, tasksTotal: 0, failures });
    expect(alert.title).toBe("The scheduled scrape of gv2017 could not run");
    expect(alert.text).toBe("connect ECONNREFUSED\nThe next scheduled run tries again.");
    expect(alert.fields.map((f) => f.title)).toEqual(["Roll", "Failures"]);
    const listed = alert.fields[1]!.value.split("\n");
    expect(listed).toHaveLength(11);
    expect(listed[10]).toBe("…and 3 more");
  });
});

describe("anomalyAlert", () => {
  it("lists the suburbs that came back empty with how many properties they had", () => {
    const alert = anomalyAlert({ roll: "gv2022", runId: 5, anomalies: [{ suburbName: "BEREA", titleType: "full", rowsBefore: 4_321 }] });
    expect(alert.title).toBe("Scrape run #5 of gv2022: 1 suburb came back empty");
    expect(alert.fields).toContainEqual({ title: "Suburbs", value: `BEREA (full): 4${NBSP}321 properties before` });
    expect(alert.text).toMatch(/kept, not marked removed/);
  });
});

describe("staleDataAlert", () => {
  const now = new Date("2026-11-28T12:00:00Z");
  it("gives the data's age in hours and when it was last scraped", () => {
    const alert = staleDataAlert({ roll: "gv2022", lastSuccessAt: new Date("2026-11-26T09:30:00Z"), maxAgeHours: 36, now, timeZone: "Africa/Johannesburg" });
    expect(alert.title).toBe("The gv2022 data is 50 hours old (limit 36)");
    expect(alert.fields).toContainEqual({ title: "Last successful scrape", value: "2026-11-26 11:30 GMT+2" });
  });

  it("says when no scrape has ever succeeded", () => {
    const alert = staleDataAlert({ roll: "gv2022", lastSuccessAt: null, maxAgeHours: 36, now, timeZone: "UTC" });
    expect(alert.title).toBe("No complete scrape of gv2022 has succeeded yet");
    expect(alert.fields).toContainEqual({ title: "Last successful scrape", value: "never" });
  });
});

describe("slackPayload", () => {
  it("is Slack's incoming-webhook shape: bold text and one coloured attachment", () => {
    const alert = anomalyAlert({ roll: "gv2022", runId: 5, anomalies: [{ suburbName: "BEREA", titleType: "full", rowsBefore: 3 }] });
    const payload = slackPayload(alert, "production");
    expect(payload.text).toBe("*Scrape run #5 of gv2022: 1 suburb came back empty*");
    expect(payload.attachments).toEqual([
      {
        fallback: alert.title,
        color: "#f2a600",
        text: alert.text,
        fields: alert.fields.map((field) => ({ ...field, short: true })),
        footer: "production",
      },
    ]);
  });
});
