import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import { describePause } from "@/lib/admin/run-pause";
import type { RunDetailJson } from "@/lib/admin/run-queries";
import { describeCrossCheck } from "@/lib/admin/run-verification";
import { NO_WORKER_MESSAGE } from "@/lib/admin/worker-heartbeat";
import { ADMIN_PROBLEMS } from "@/lib/auth/admin-settings";
import { formatDateTime } from "@/lib/format/format-date";
import { formatDuration } from "@/lib/format/format-duration";
import { formatRowsPerSecond } from "@/lib/format/format-number";
import { CATALOGUES } from "@/lib/i18n/catalogues";
import type { Locale } from "@/lib/i18n/locales";
import { missingMessage } from "@/lib/i18n/missing-message";
import { RunMonitor } from "./runs/[id]/run-monitor";

// The run page in both languages: in English word for word what lib/'s English sentences say (the
// terminal and the API keep those), in isiZulu every message found, with dates in isiZulu.

const run: RunDetailJson = {
  id: 7,
  roll: "gv2022",
  trigger: "admin",
  triggeredBy: "admin session 3",
  state: "running",
  resumable: false,
  startedAt: "2026-12-03T10:00:00.000Z",
  finishedAt: null,
  heartbeatAt: "2026-12-03T10:40:00.000Z",
  durationMs: 3_725_000,
  error: null,
  complete: false,
  options: { titleTypes: ["full", "sectional"], suburbIds: null, details: false },
  counters: { tasksTotal: 2_000, tasksDone: 1_234, tasksFailed: 3, rowsSeen: 612_345, rowsAdded: 10, rowsChanged: 20, rowsUnchanged: 30, rowsRemoved: 1, detailsFetched: 0 },
  anomalies: [],
  verification: {
    complete: false,
    crossCheck: { ran: true, reason: "", agreed: false, piecesFetched: 12, unconfirmed: 2, unplaced: 0, unsplittable: ["full volume 07 × suburb 1"], examples: [] },
    rowsVerified: 0,
    rowsRecovered: 3,
    oddCells: 1,
    oddCellExamples: [{ rateNumber: "05100037", column: "marketValue", text: "NaN" }],
  },
  pause: { pausedUntil: "2026-12-03T12:32:05.000Z", pausedMs: 190_000, warnings: [{ at: "2026-12-03T11:00:00.000Z", message: "the roll's \"as at\" dates could not be read" }] },
  progress: {
    byTitleType: [{ titleType: "full", total: 1_000, done: 700, failed: 3, running: 1, pending: 296, rows: 400_000, percent: 70 }],
    percent: 62,
    rowsPerSecond: 1_234.56,
    etaSeconds: 130,
  },
  failedTasks: [{ titleType: "sectional", suburbId: "20840", suburbName: "MORNINGSIDE", url: null, error: "timed out", attempts: 3, finishedAt: null }],
  worker: { running: true, workers: 1, lastSeenAt: null, message: null },
};

function render(locale: Locale): string {
  const html = renderToStaticMarkup(
    createElement(NextIntlClientProvider, {
      locale,
      messages: CATALOGUES[locale],
      timeZone: "Africa/Johannesburg",
      getMessageFallback: missingMessage,
      onError: () => {},
      children: createElement(RunMonitor, { initial: run }),
    }),
  );
  return html.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&amp;/g, "&");
}

describe("the run page", () => {
  it("says in English exactly what it said before the catalogue", () => {
    const text = render("en");
    expect(text).not.toContain("⟦");
    for (const sentence of [
      "Run #7",
      describePause(run.pause)!,
      describeCrossCheck(run.verification),
      `Duration${formatDuration(run.durationMs)}`,
      `Rate${formatRowsPerSecond(run.progress.rowsPerSecond)}`,
      `Time leftabout ${formatDuration(130_000)}`,
      `Started${formatDateTime(run.startedAt)}`,
      "Triggeradmin (admin session 3)",
      "Title typesfull, sectional",
      "Suburbsall",
      "1\u00a0234 of 2\u00a0000 tasks done, 3 failed (62%)",
      "Full title: 700 of 1\u00a0000 suburbs, 3 failed, 400\u00a0000 rows",
      `${formatDateTime("2026-12-03T11:00:00.000Z")}: the roll's "as at" dates could not be read`,
      '3 rows recovered by a second look · 1 odd cells (NaN, negative) stored as empty, e.g. 05100037 market value "NaN"',
      "MORNINGSIDE (sectional, 3 attempts): timed out",
    ]) {
      expect(text).toContain(sentence);
    }
  });

  it("is all in isiZulu, with isiZulu months, and the worker's own messages as given", () => {
    const text = render("zu");
    expect(text).not.toContain("⟦");
    expect(text).toContain("Umjikelezo #7");
    expect(text).toContain("uyasebenza");
    expect(text).toContain("Disemba 2026");
    expect(text).toContain("Isayithi alisebenzi, lizozanywa futhi ngo-14:32:05");
    expect(text).toContain("1 h 02 min");
    expect(text).toContain("izingcezu ezingu-1 ezinkulu kakhulu");
    expect(text).toContain("timed out");
    expect(text).not.toContain("December");
    expect(text).not.toContain("tasks done");
  });
});

describe("the English catalogue", () => {
  it("words lib/'s English sentences as they are", () => {
    const en = CATALOGUES.en.admin;
    expect(en.page.noWorker.startsWith(`${NO_WORKER_MESSAGE} `)).toBe(true);
    expect(en.off.problems).toEqual(ADMIN_PROBLEMS);
  });
});
