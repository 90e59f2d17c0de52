import type { Pool } from "pg";
import { ApiError } from "@/lib/api/problem";
import { config } from "@/lib/config";
import { exportPool } from "@/lib/db/client";
import { log } from "@/lib/log";
import { ExportSlots, exportRefusal } from "./export-slots";
import type { CsvExportOptions } from "./export-csv-query";
import { EXPORT_CONTENT_TYPES, exportFilename } from "./export-filename";
import { exportValuations, type ExportFormat } from "./export-valuations";
import type { ValuationFilters } from "./list-query-schema";
import type { Sort } from "./sort-fields";
import type { StallGuardOptions } from "./stall-guard";

// An export as the API starts it: a slot first (EXPORT_MAX_CONCURRENT per process, of which
// EXPORT_MAX_PER_CLIENT per client; refused at once: an ApiError, 503 / 429), then the stream on
// the export pool, ended when its reader takes nothing for EXPORT_STALL_TIMEOUT_SECONDS. The slot
// is freed when the stream ends, however it ends.

const cache = globalThis as unknown as { __exportSlots?: ExportSlots };

export function exportSlots(): ExportSlots {
  return (cache.__exportSlots ??= new ExportSlots(config.EXPORT_MAX_CONCURRENT, config.EXPORT_MAX_PER_CLIENT));
}

type ExportRequest = { filters: ValuationFilters; sort: Sort; format: ExportFormat };

/** The download: the stream as an attachment named after the roll and the date its data is as at. */
export function exportResponse(request: ExportRequest, client: string, search: CsvExportOptions, asAt: Date | null): Response {
  const filename = exportFilename(request.filters.roll, request.format, asAt ?? new Date());
  return new Response(openExport(request, client, search), {
    headers: { "Content-Type": EXPORT_CONTENT_TYPES[request.format], "Content-Disposition": `attachment; filename="${filename}"` },
  });
}

export function openExport(
  request: ExportRequest,
  client: string,
  search: CsvExportOptions,
): ReadableStream<Uint8Array> {
  return openGuardedExport(client, (pool, guard) =>
    exportValuations(pool, request, { ...search, onError: (error) => log.error("export failed", { error: error as Error }), guard }),
  );
}

/**
 * Any download streamed from the database under the export rules: a slot, the export pool, and
 * the stall guard (which frees the slot however the stream ends). `open` builds the stream.
 */
export function openGuardedExport(
  client: string,
  open: (pool: Pool, guard: StallGuardOptions) => ReadableStream<Uint8Array>,
): ReadableStream<Uint8Array> {
  const slot = exportSlots().acquire(client);
  const stallTimeoutMs = config.EXPORT_STALL_TIMEOUT_SECONDS * 1000;
  if (!slot.ok) {
    log.warn("export refused", { clientAddress: client, reason: slot.reason, limit: slot.limit });
    const retryAfter = config.EXPORT_STALL_TIMEOUT_SECONDS;
    throw new ApiError(exportRefusal(slot, retryAfter), { "Retry-After": String(retryAfter) });
  }
  try {
    return open(exportPool(), {
      stallTimeoutMs,
      onStall: () => log.warn("export ended: the client stopped reading", { clientAddress: client, stallTimeoutMs }),
      onEnd: slot.release,
    });
  } catch (error) {
    slot.release();
    throw error;
  }
}
