import { useTranslations } from "next-intl";
import type { RunState } from "@/lib/admin/run-state";

// A run's state as a coloured word (the word carries the meaning; the colour only helps).

const STYLES: Record<RunState, string> = {
  queued: "bg-violet-100 text-violet-900",
  running: "bg-blue-100 text-blue-900",
  cancelling: "bg-amber-100 text-amber-900",
  interrupted: "bg-orange-100 text-orange-900",
  succeeded: "bg-green-100 text-green-900",
  failed: "bg-red-100 text-red-900",
  cancelled: "bg-slate-200 text-slate-900",
};

export function RunStateBadge({ state }: { state: RunState }) {
  const t = useTranslations("admin.states");
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STYLES[state]}`}>{t(state)}</span>;
}
