import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

// A real HTTP server on 127.0.0.1 standing in for Slack's incoming webhook in tests.

export type ReceivedAlert = { text: string; attachments: { text: string; color: string; fields: { title: string; value: string; short: boolean }[]; footer: string }[] };

export type WebhookReceiver = {
  url: string;
  received: ReceivedAlert[];
  /** Answers for the next requests, in order (then 200). */
  answerWith: (...statuses: number[]) => void;
  requests: number;
  /** Resolves once `count` alerts were received. */
  waitFor: (count: number, timeoutMs?: number) => Promise<ReceivedAlert[]>;
  close: () => Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: ReceivedAlert[] = [];
  const statuses: number[] = [];
  const waiters: (() => void)[] = [];
  let requests = 0;
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      requests++;
      // Like Slack: anything but JSON is refused.
      const status = request.headers["content-type"] === "application/json" ? (statuses.shift() ?? 200) : 415;
      if (status === 200) {
        received.push(JSON.parse(body) as ReceivedAlert);
        for (const wake of waiters.splice(0)) wake();
      }
      response.writeHead(status, { "Content-Type": "text/plain" }).end(status === 200 ? "ok" : "no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/XXXX`,
    received,
    answerWith: (...next) => statuses.push(...next),
    get requests() {
      return requests;
    },
    waitFor: async (count, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} alerts, received ${received.length}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 200);
        });
      }
      return received;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
