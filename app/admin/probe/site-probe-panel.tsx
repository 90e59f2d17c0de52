import { useTranslations } from "next-intl";
import { useFormat } from "@/lib/i18n/use-format";
import { formatMilliseconds } from "@/lib/format/format-duration";
import type { ProbeReport, ResultsAnswer } from "@/lib/probe/probe-report";
import type { StoredProbe } from "@/lib/probe/site-probes";
import { useVerdictWord } from "../admin-words";
import { ProbePagesTable } from "./probe-pages-table";
import { ProbeSiteForm } from "./probe-site-form";

// The site probe on the admin page: a button to run it, and the last report of each roll (verdict
// and why, one row per page, the rest of the summary on demand).

const VERDICT_STYLES: Record<ProbeReport["verdict"], string> = {
  ok: "bg-green-100 text-green-900",
  degraded: "bg-amber-100 text-amber-900",
  down: "bg-red-100 text-red-900",
};

function VerdictBadge({ verdict }: { verdict: ProbeReport["verdict"] }) {
  const verdictWord = useVerdictWord();
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${VERDICT_STYLES[verdict]}`}>{verdictWord(verdict)}</span>;
}

/** What the results page answered for a suburb (as lib/probe's formatAnswer says it, in the page's language). */
function useAnswerWords(): (answer: ResultsAnswer) => string {
  const t = useTranslations("admin.probe.answer");
  const format = useFormat();
  return (answer) => {
    const time = formatMilliseconds(answer.firstByteMs);
    if (answer.error !== null) return t("failed", { error: answer.error });
    if (answer.noMatch) return t("noMatch", { time });
    const counts = { rows: format.number(answer.rows ?? 0), caption: format.number(answer.caption ?? 0), time };
    return answer.banner ? t("banner", counts) : t("noBanner", counts);
  };
}

function ProbeReportView({ probe }: { probe: StoredProbe }) {
  const t = useTranslations("admin.probe");
  const format = useFormat();
  const answerWords = useAnswerWords();
  const { report } = probe;
  const heading = t("report", { roll: probe.roll, id: String(probe.id) });
  return (
    <article aria-label={heading} className="space-y-2 rounded border border-slate-200 p-3">
      <h3 className="font-medium">
        {heading} {report && <VerdictBadge verdict={report.verdict} />}
      </h3>
      <p className="text-sm text-slate-600">
        {probe.baseUrl} · {format.dateTime(probe.startedAt)} · {probe.triggeredBy ?? t("unknownWho")}
      </p>
      {!report ? (
        <p className="text-sm">{t("otherVersion")}</p>
      ) : (
        <>
          {report.explanations.length === 0 ? (
            <p className="text-sm text-green-800">{t("allAnswered")}</p>
          ) : (
            <ul className="list-disc pl-6 text-sm">
              {report.explanations.map((explanation) => (
                <li key={explanation}>{explanation}</li>
              ))}
            </ul>
          )}
          <ProbePagesTable pages={report.pages} />
          {report.suburb && (
            <p className="text-sm">
              {t("suburb", { suburb: report.suburb.name, answer: answerWords(report.suburb.allFalse) })}
              {report.suburb.allTrue && t("allTrue", { answer: answerWords(report.suburb.allTrue) })}
            </p>
          )}
        </>
      )}
      {probe.summary && (
        <details className="text-sm">
          <summary className="cursor-pointer">{t("fullSummary")}</summary>
          <pre className="mt-2 overflow-x-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs">{probe.summary}</pre>
        </details>
      )}
    </article>
  );
}

export function SiteProbePanel({ probes, rolls, defaultRoll }: { probes: StoredProbe[]; rolls: readonly string[]; defaultRoll: string }) {
  const t = useTranslations("admin.probe");
  return (
    <section aria-labelledby="site-probe" className="space-y-3">
      <h2 id="site-probe" className="text-lg font-semibold">{t("heading")}</h2>
      <p className="text-sm text-slate-600">
        {t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}
      </p>
      <ProbeSiteForm rolls={rolls} defaultRoll={defaultRoll} />
      {probes.length === 0 ? <p className="text-sm">{t("none")}</p> : probes.map((probe) => <ProbeReportView key={probe.id} probe={probe} />)}
    </section>
  );
}
