import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "app/**/*.test.ts", "e2e/**/*.test.ts"],
    environment: "node",
    // One log line per request and per task would bury the test report.
    // A "No Match" is read again after 30 s in production; tiny simulated rolls would only wait.
    // Tests that are about the recheck set their own.
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn", SCRAPE_EMPTY_RECHECK_MS: "200" },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Integration tests share one PostgreSQL database; files run one at a time.
    fileParallelism: false,
  },
});
