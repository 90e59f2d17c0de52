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

  it("rejects a bad real-site switch with a plain message and exit code 2", async () => {
    const result = await run(["--profile", "real", "--odd-cell-share", "2"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--odd-cell-share must be between 0 and 1, got "2"');
    expect(result.stderr).toContain("--outage-after");
  });

  it("lists every real-site flag in --help", async () => {
    const result = await run(["--help"]);
    expect(result.code).toBe(0);
    for (const flag of ["--profile", "--answer-cap", "--banner-threshold", "--first-byte-ms-per-row", "--db-timeout-ms", "--outage-after", "--outage-for", "--outage-error", "--odd-cell-share", "--no-match-share", "--all-without-scheme", "--detail-types", "--order"]) {
      expect(result.stdout).toContain(flag);
    }
  });

  it("lists the four rolls in --help and serves each under its own URL", async () => {
    const help = await run(["--help"]);
    for (const roll of ["gv2012", "gv2017", "gv2022", "gv2026"]) expect(help.stdout).toContain(`/${roll}/`);
    const statuses = new Map<string, number>();
    let stopping = false;
    const result = await run(["--port", "0", "--rows", "300", "--seed", "3"], (text, stop) => {
      const urls = [...text.matchAll(/ (gv\d{4}): (http:\/\/\S+)/g)].map((m) => [m[1]!, m[2]!] as const);
      if (urls.length < 4 || !text.includes("Press Ctrl+C") || stopping) return;
      stopping = true;
      Promise.all(urls.map(([roll, url]) => fetch(`${url}FramePages/Header.aspx`).then(async (r) => statuses.set(roll, (await r.text()).includes(`GV ${roll.slice(2)}`) ? r.status : -1)))).then(
        () => stop(),
        () => stop(),
      );
    });
    expect(Object.fromEntries(statuses)).toEqual({ gv2012: 200, gv2017: 200, gv2022: 200, gv2026: 200 });
    expect(result.stdout).toMatch(/Simulated valuation rolls: [\d\s]+ \(gv2012\), [\d\s]+ \(gv2017\), 300 \(gv2022\), [\d\s]+ \(gv2026\) properties/);
    expect(result.code).toBe(0);
  });

  it("serves the real profile with its switches, and an outage from the flags", async () => {
    let base = "";
    const statuses: number[] = [];
    let stopping = false;
    const result = await run(
      ["--port", "0", "--rows", "300", "--seed", "3", "--profile", "real", "--first-byte-ms", "0", "--first-byte-ms-per-row", "0", "--outage-for", "10m"],
      (text, stop) => {
        const match = /gv2022: (http:\/\/\S+)/.exec(text);
        if (!match?.[1] || stopping) return;
        stopping = true;
        base = match[1];
        Promise.all(["FramePages/SearchCrit.aspx", "FramePages/Header.aspx"].map((page) => fetch(base + page).then((r) => r.status))).then(
          (codes) => {
            statuses.push(...codes);
            stop();
          },
          () => stop(),
        );
      },
    );
    expect(result.stdout).toContain("profile: real");
    expect(result.stdout).toContain("counts the rows sent");
    expect(result.stdout).toMatch(/outage: 600\s000 ms from 0 ms after start \(network error\)/);
    expect(statuses).toEqual([500, 200]);
    expect(result.code).toBe(0);
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
