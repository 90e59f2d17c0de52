import { describe, expect, it } from "vitest";
import { createLogger, withLogContext } from "./log";

function capture(level: "debug" | "info" | "warn" | "error" | "silent" = "debug") {
  const lines: string[] = [];
  const log = createLogger({ component: "test" }, { level, write: (line) => lines.push(line) });
  return { log, lines, parsed: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe("createLogger", () => {
  it("writes one JSON line per call with the level name, an ISO time, the message and the fields", () => {
    const { log, lines, parsed } = capture();
    log.info("planned the run", { tasks: 12 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toMatch(/\n/);
    const [line] = parsed();
    expect(line).toMatchObject({ level: "info", msg: "planned the run", component: "test", tasks: 12 });
    expect(new Date(String(line!.time)).toISOString()).toBe(line!.time);
    expect(line).not.toHaveProperty("pid");
  });

  it("drops lines below the level and writes nothing when silent", () => {
    const warn = capture("warn");
    warn.log.debug("no");
    warn.log.info("no");
    warn.log.warn("yes");
    warn.log.error("yes too");
    expect(warn.parsed().map((line) => line.level)).toEqual(["warn", "error"]);
    const silent = capture("silent");
    silent.log.error("nothing");
    expect(silent.lines).toEqual([]);
  });

  it("adds a child's fields to its lines and keeps the parent's", () => {
    const { log, parsed } = capture();
    log.child({ runId: 7 }).child({ suburbId: "12" }).warn("task failed", { error: "timeout" });
    expect(parsed()[0]).toMatchObject({ component: "test", runId: 7, suburbId: "12", error: "timeout", msg: "task failed" });
  });

  it("logs an Error as its name and message", () => {
    const { log, parsed } = capture();
    log.error("run failed", { error: new RangeError("out of range") });
    expect(parsed()[0]!.error).toEqual({ name: "RangeError", message: "out of range" });
  });

  it("adds the fields of the surrounding log context, also across awaits", async () => {
    const { log, parsed } = capture();
    await withLogContext({ requestId: "req-1" }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      log.info("inside");
    });
    log.info("outside");
    const [inside, outside] = parsed();
    expect(inside).toMatchObject({ requestId: "req-1", msg: "inside" });
    expect(outside).not.toHaveProperty("requestId");
  });
});
