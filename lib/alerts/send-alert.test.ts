import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "@/lib/log";
import { staleDataAlert } from "./format-alert";
import { createAlerter } from "./send-alert";
import { startWebhookReceiver, type WebhookReceiver } from "./testing/webhook-receiver";

const alert = staleDataAlert({ roll: "gv2022", lastSuccessAt: null, maxAgeHours: 36, now: new Date(), timeZone: "UTC" });

function capture() {
  const lines: string[] = [];
  return { log: createLogger({}, { level: "debug", write: (line) => lines.push(line) }), lines: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

let receiver: WebhookReceiver;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterAll(async () => {
  await receiver.close();
});

describe("createAlerter", () => {
  it("posts the alert to the webhook as Slack JSON and logs it", async () => {
    const { log, lines } = capture();
    const before = receiver.received.length;
    const delivered = await createAlerter({ webhookUrl: receiver.url, log, source: "staging" }).send(alert);
    expect(delivered).toBe(true);
    const payload = receiver.received[before]!;
    expect(payload.text).toBe(`*${alert.title}*`);
    expect(payload.attachments[0]).toMatchObject({ footer: "staging", text: alert.text });
    expect(lines()[0]).toMatchObject({ level: "warn", msg: `alert: ${alert.title}`, alert: "stale-data" });
  });

  it("retries a webhook that answers 503 and delivers", async () => {
    const { log } = capture();
    const before = receiver.received.length;
    const requests = receiver.requests;
    receiver.answerWith(503, 503);
    const delivered = await createAlerter({ webhookUrl: receiver.url, log, retries: 2, retryDelayMs: 1 }).send(alert);
    expect(delivered).toBe(true);
    expect(receiver.requests - requests).toBe(3);
    expect(receiver.received).toHaveLength(before + 1);
  });

  it("gives up on a 404 at once, logging it instead of throwing", async () => {
    const { log, lines } = capture();
    const requests = receiver.requests;
    receiver.answerWith(404);
    expect(await createAlerter({ webhookUrl: receiver.url, log, retries: 2, retryDelayMs: 1 }).send(alert)).toBe(false);
    expect(receiver.requests - requests).toBe(1);
    expect(lines().at(-1)).toMatchObject({ level: "error", msg: "could not deliver an alert", error: "the webhook answered 404" });
  });

  it("logs an unreachable webhook after its retries", async () => {
    const { log, lines } = capture();
    const closed = await startWebhookReceiver();
    await closed.close();
    expect(await createAlerter({ webhookUrl: closed.url, log, retries: 1, retryDelayMs: 1 }).send(alert)).toBe(false);
    expect(lines().at(-1)).toMatchObject({ level: "error", msg: "could not deliver an alert", attempts: 2 });
  });

  it("only logs when no webhook is configured", async () => {
    const { log, lines } = capture();
    expect(await createAlerter({ webhookUrl: undefined, log }).send(alert)).toBe(false);
    expect(lines()).toHaveLength(1);
    expect(lines()[0]).toMatchObject({ msg: `alert: ${alert.title}` });
  });
});
