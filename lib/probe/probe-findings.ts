import { formatNumber } from "@/lib/format/format-number";
import { explainPageFailure } from "./explain-failure";
import type { ProbePage, ProbeReport, ResultsAnswer } from "./probe-report";

// What the probe makes of the TLS, the charset and the All flag: pure, so each wording is tested.

export type Findings = { degraded: string[]; notes: string[] };

const CERTIFICATE_WARNING_DAYS = 21;

/** What All=false against All=true says about the site, in one sentence. */
export function describeAllFlag(allFalse: ResultsAnswer, allTrue: ResultsAnswer): string {
  const rows = (answer: ResultsAnswer) =>
    answer.error !== null ? `failed (${answer.error})` : answer.noMatch ? "No Match" : `${formatNumber(answer.rows ?? 0)} rows${answer.banner ? " under the size banner" : ""}`;
  const summary = `All=false (as the site's form sends it): ${rows(allFalse)}; All=true: ${rows(allTrue)}`;
  if (allTrue.error !== null) return `${summary}. The scraper sends All=false.`;
  if (allTrue.rows === allFalse.rows && allTrue.noMatch === allFalse.noMatch) return `${summary}: the same answer.`;
  return `${summary}: the site answers differently, and the scraper sends All=false as the form does.`;
}

export function tlsFindings(tls: ProbeReport["tls"]): Findings {
  const findings: Findings = { degraded: [], notes: [] };
  if (tls.kind === "error") findings.degraded.push(`the TLS check failed: ${tls.message}`);
  if (tls.kind !== "tls") return findings;
  if (!tls.trusted) {
    findings.degraded.push(
      `the site's certificate is not trusted (${tls.trustError ?? "unknown reason"}): if the chain only lacks an intermediate certificate, give it to Node with NODE_EXTRA_CA_CERTS (see DEPLOYMENT.md)`,
    );
  }
  if (tls.daysLeft !== null && tls.daysLeft < 0) findings.degraded.push(`the site's certificate expired on ${tls.validTo}`);
  else if (tls.daysLeft !== null && tls.daysLeft < CERTIFICATE_WARNING_DAYS) findings.notes.push(`the site's certificate expires in ${tls.daysLeft} days (${tls.validTo})`);
  return findings;
}

export function charsetFindings(page: ProbePage): Findings {
  if (page.failure === "charset") return { degraded: [explainPageFailure(page)], notes: [] };
  if (page.status !== 200) return { degraded: [], notes: [] };
  if (page.charset === null) return { degraded: [], notes: ["the site names no charset in Content-Type; its pages are read as UTF-8 (ASP.NET's default)"] };
  if (page.charset !== "utf-8") return { degraded: [], notes: [`the site's pages are in charset ${page.charset} (decoded as such)`] };
  return { degraded: [], notes: [] };
}
