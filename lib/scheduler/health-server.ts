import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

// The cron role's own GET /api/health, so the image's one HEALTHCHECK (and a platform's health
// check) works for both roles: 200 with the scheduler's status while it runs, 503 once stopping.

export type HealthServer = { port: number; close: () => Promise<void> };

export async function startHealthServer(options: {
  port: number;
  host?: string;
  status: () => { stopping: boolean } & Record<string, unknown>;
}): Promise<HealthServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (request.method !== "GET" || path !== "/api/health") {
      response.writeHead(404, { "Content-Type": "application/json" }).end(JSON.stringify({ error: "not found" }));
      return;
    }
    const status = options.status();
    const body = { status: status.stopping ? "stopping" : "ok", role: "cron", ...status };
    response.writeHead(status.stopping ? 503 : 200, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "0.0.0.0", resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
