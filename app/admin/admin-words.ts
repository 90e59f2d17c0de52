import { useTranslations } from "next-intl";
import { durationParts } from "@/lib/format/format-duration";

// Words the admin panels share, in the page's language: lengths of time, and the names of the
// values the database stores (title types, triggers, probe verdicts), shown as given when unknown.

/** "1h 02m", "2m 10s", "4s" in the page's language. */
export function useDuration(): (ms: number) => string {
  const t = useTranslations("admin.duration");
  return (ms) => {
    const parts = durationParts(ms);
    if (parts.unit === "hours") return t("hours", { hours: parts.hours, minutes: parts.minutes });
    if (parts.unit === "minutes") return t("minutes", { minutes: parts.minutes, seconds: parts.seconds });
    return t("seconds", { seconds: parts.seconds });
  };
}

const TITLE_TYPES = ["full", "sectional"] as const;
const TRIGGERS = ["cli", "cron", "admin", "demo"] as const;
const VERDICTS = ["ok", "degraded", "down"] as const;

function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}

/** "full" / "sectional" (a row's title type) as a word of the page's language. */
export function useTitleTypeWord(): (titleType: string) => string {
  const t = useTranslations("admin.titleTypes");
  return (titleType) => (isOneOf(TITLE_TYPES, titleType) ? t(titleType) : titleType);
}

/** How a run was started (cli, cron, admin, demo). */
export function useTriggerWord(): (trigger: string) => string {
  const t = useTranslations("admin.triggers");
  return (trigger) => (isOneOf(TRIGGERS, trigger) ? t(trigger) : trigger);
}

/** A site probe's verdict (ok, degraded, down). */
export function useVerdictWord(): (verdict: string) => string {
  const t = useTranslations("admin.verdicts");
  return (verdict) => (isOneOf(VERDICTS, verdict) ? t(verdict) : verdict);
}
