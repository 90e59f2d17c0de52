import { ApiError } from "@/lib/api/problem";
import { config } from "@/lib/config";
import { exportPool } from "@/lib/db/client";
import { log } from "@/lib/log";
import { ExportSlots, exportRefusal } from "./export-slots";
import type { CsvExportOptions } from "./export-csv-query";
import { exportValuations, type ExportFormat } from "./export-valuations";
import type { ValuationFilters } from "./list-query-schema";
import type { Sort } from "./sort-fields";

// An export as the API starts it: a slot first (EXPORT_MAX_CONCURRENT per process, of which
// EXPORT_MAX_PER_CLIENT per client; refused at once: an ApiError, 503 / 429), then the stream on the export
// pool, ended when its reader takes nothing for EXPORT_STALL_TIMEOUT_SECONDS. The slot is freed
// when the stream ends, however it ends.

const cache = globalThis as unknown as { __exportSlots?: ExportSlots };

export function exportSlots(): ExportSlots {
  return (cache.__exportSlots ??= new ExportSlots(config.EXPORT_MAX_CONCURRENT, config.EXPORT_MAX_PER_CLIENT));
}

export function openExport(
  request: { filters: ValuationFilters; sort: Sort; format: ExportFormat },
  client: string,
  search: CsvExportOptions,
): ReadableStream<Uint8Array> {
  const slot = exportSlots().acquire(client);
  const stallTimeoutMs = config.EXPORT_STALL_TIMEOUT_SECONDS * 1000;
  if (!slot.ok) {
    log.warn("export refused", { clientAddress: client, reason: slot.reason, limit: slot.limit });
    const retryAfter = config.EXPORT_STALL_TIMEOUT_SECONDS;
    throw new ApiError(exportRefusal(slot, retryAfter), { "Retry-After": String(retryAfter) });
  }
  try {
    return exportValuations(exportPool(), request, {
      ...search,
      onError: (error) => log.error("export failed", { error: error as Error }),
      guard: {
        stallTimeoutMs,
        onStall: () => log.warn("export ended: the client stopped reading", { clientAddress: client, stallTimeoutMs }),
        onEnd: slot.release,
      },
    });
  } catch (error) {
    slot.release();
    throw error;
  }
}
