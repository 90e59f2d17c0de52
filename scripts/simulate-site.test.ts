import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

function run(args: string[], onStdout?: (text: string, stop: () => void) => void): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(tsx, ["scripts/simulate-site.ts", ...args], { cwd: root });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      onStdout?.(stdout, () => child.kill("SIGTERM"));
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("scripts/simulate-site.ts", () => {
  it("rejects an unknown flag with usage and exit code 2", async () => {
    const result = await run(["--bogus"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("Usage:");
  });

  it("rejects a bad number", async () => {
    const result = await run(["--rows", "many"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("--rows must be a whole number");
  });

  it("serves, prints its URLs and stops cleanly on SIGTERM", async () => {
    let url = "";
    let status = 0;
    let stopping = false;
    const result = await run(["--port", "0", "--rows", "300", "--seed", "3"], (text, stop) => {
      const match = /gv2017: (http:\/\/\S+)/.exec(text);
      if (!match?.[1] || stopping) return;
      stopping = true;
      url = match[1];
      fetch(url).then(
        (response) => {
          status = response.status;
          stop();
        },
        () => stop(),
      );
    });
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/gv2017\/$/);
    expect(status).toBe(200);
    expect(result.code).toBe(0);
  });
});
