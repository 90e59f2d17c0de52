import { formatDateTime } from "@/lib/format/format-date";
import { formatAnswer, formatBytes, formatMs } from "@/lib/probe/format-probe-summary";
import type { ProbeReport } from "@/lib/probe/probe-report";
import type { StoredProbe } from "@/lib/probe/site-probes";
import { ProbeSiteForm } from "./probe-site-form";

// The site probe on the admin page: a button to run it, and the last report of each roll (verdict
// and why, one row per page, the rest of the summary on demand).

const VERDICT_STYLES: Record<ProbeReport["verdict"], string> = {
  ok: "bg-green-100 text-green-900",
  degraded: "bg-amber-100 text-amber-900",
  down: "bg-red-100 text-red-900",
};

function VerdictBadge({ verdict }: { verdict: ProbeReport["verdict"] }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${VERDICT_STYLES[verdict]}`}>{verdict}</span>;
}

function ProbeReportView({ probe }: { probe: StoredProbe }) {
  const { report } = probe;
  const heading = `${probe.roll}: probe #${probe.id}`;
  return (
    <article aria-label={heading} className="space-y-2 rounded border border-slate-200 p-3">
      <h3 className="font-medium">
        {heading} {report && <VerdictBadge verdict={report.verdict} />}
      </h3>
      <p className="text-sm text-slate-600">
        {probe.baseUrl} · {formatDateTime(probe.startedAt)} · {probe.triggeredBy ?? "unknown"}
      </p>
      {!report ? (
        <p className="text-sm">This report was stored by another version and cannot be shown; its summary is below.</p>
      ) : (
        <>
          {report.explanations.length === 0 ? (
            <p className="text-sm text-green-800">The site answered every page the probe asked for: it can be scraped now.</p>
          ) : (
            <ul className="list-disc pl-6 text-sm">
              {report.explanations.map((explanation) => (
                <li key={explanation}>{explanation}</li>
              ))}
            </ul>
          )}
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Pages the probe asked for, in order</caption>
              <thead className="border-b border-slate-300">
                <tr>
                  <th scope="col" className="p-1">Page</th>
                  <th scope="col" className="p-1 text-right">Status</th>
                  <th scope="col" className="p-1 text-right">First byte</th>
                  <th scope="col" className="p-1 text-right">Total</th>
                  <th scope="col" className="p-1 text-right">Size</th>
                  <th scope="col" className="p-1">Charset</th>
                  <th scope="col" className="p-1">Problem</th>
                </tr>
              </thead>
              <tbody>
                {report.pages.map((page, index) => (
                  <tr key={`${index}:${page.url}`} className="border-b border-slate-100 align-top">
                    <td className="p-1">{page.label}</td>
                    <td className="p-1 text-right">{page.status ?? "–"}</td>
                    <td className="p-1 text-right whitespace-nowrap">{formatMs(page.firstByteMs)}</td>
                    <td className="p-1 text-right whitespace-nowrap">{formatMs(page.totalMs)}</td>
                    <td className="p-1 text-right whitespace-nowrap">{formatBytes(page.bytes)}</td>
                    <td className="p-1">{page.charset ?? "none"}</td>
                    <td className="p-1">{page.error ?? "–"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {report.suburb && (
            <p className="text-sm">
              {report.suburb.name}: All=false {formatAnswer(report.suburb.allFalse)}
              {report.suburb.allTrue && <>; All=true {formatAnswer(report.suburb.allTrue)}</>}
            </p>
          )}
        </>
      )}
      {probe.summary && (
        <details className="text-sm">
          <summary className="cursor-pointer">Full summary</summary>
          <pre className="mt-2 overflow-x-auto whitespace-pre-wrap rounded bg-slate-50 p-2 text-xs">{probe.summary}</pre>
        </details>
      )}
    </article>
  );
}

export function SiteProbePanel({ probes, rolls, defaultRoll }: { probes: StoredProbe[]; rolls: readonly string[]; defaultRoll: string }) {
  return (
    <section aria-labelledby="site-probe" className="space-y-3">
      <h2 id="site-probe" className="text-lg font-semibold">Site probe</h2>
      <p className="text-sm text-slate-600">
        A handful of polite requests that say whether the municipality&apos;s site can be scraped now (the same as <code>npm run probe-site</code>).
      </p>
      <ProbeSiteForm rolls={rolls} defaultRoll={defaultRoll} />
      {probes.length === 0 ? <p className="text-sm">No probe has run yet.</p> : probes.map((probe) => <ProbeReportView key={probe.id} probe={probe} />)}
    </section>
  );
}
