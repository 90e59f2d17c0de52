import type { Logger } from "@/lib/log";
import { slackPayload, type Alert } from "./format-alert";

// Delivers alerts to a Slack-compatible incoming webhook. Every alert is also logged, so a missing
// or broken webhook never hides one; delivery problems are logged, never thrown: an alert must not
// take down the scheduler that raised it.

export type Alerter = {
  /** True when the webhook took it (2xx). */
  send: (alert: Alert) => Promise<boolean>;
};

export type AlerterOptions = {
  webhookUrl: string | undefined;
  log: Logger;
  /** Named in the message footer: which deployment raised it. */
  source?: string;
  timeoutMs?: number;
  retries?: number;
  retryDelayMs?: number;
};

const RETRYABLE = (status: number) => status === 408 || status === 429 || status >= 500;

export function createAlerter(options: AlerterOptions): Alerter {
  const { webhookUrl, log } = options;
  const source = options.source ?? "Durban Valuation Roll Explorer";
  const retries = options.retries ?? 2;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retryDelayMs = options.retryDelayMs ?? 2_000;

  return {
    async send(alert) {
      log.warn(`alert: ${alert.title}`, { alert: alert.kind, detail: alert.text, fields: alert.fields });
      if (!webhookUrl) return false;
      const body = JSON.stringify(slackPayload(alert, source));
      for (let attempt = 0; ; attempt++) {
        let problem: string;
        try {
          const response = await fetch(webhookUrl, {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body,
            signal: AbortSignal.timeout(timeoutMs),
          });
          await response.body?.cancel();
          if (response.ok) return true;
          problem = `the webhook answered ${response.status}`;
          if (!RETRYABLE(response.status)) {
            log.error("could not deliver an alert", { alert: alert.kind, error: problem });
            return false;
          }
        } catch (error) {
          problem = (error as Error).message;
        }
        if (attempt >= retries) {
          log.error("could not deliver an alert", { alert: alert.kind, error: problem, attempts: attempt + 1 });
          return false;
        }
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs * 2 ** attempt));
      }
    },
  };
}
