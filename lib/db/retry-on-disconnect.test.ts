import { describe, expect, it } from "vitest";
import { isDisconnect, retryOnDisconnect } from "./retry-on-disconnect";

function pgError(code: string, message = "boom") {
  return Object.assign(new Error(message), { code });
}

describe("isDisconnect", () => {
  it("knows the errors of a server that went away", () => {
    expect(isDisconnect(pgError("57P01", "terminating connection due to administrator command"))).toBe(true);
    expect(isDisconnect(pgError("ECONNREFUSED"))).toBe(true);
    expect(isDisconnect(new Error("Connection terminated unexpectedly"))).toBe(true);
  });

  it("sees through Prisma's wrapping of the driver's error", () => {
    const adapterError = Object.assign(new Error("DriverAdapterError"), { cause: { kind: "postgres", originalCode: "57P01" } });
    expect(isDisconnect(Object.assign(new Error("Invalid invocation"), { code: "P2010", meta: { driverAdapterError: adapterError } }))).toBe(true);
    expect(isDisconnect(Object.assign(new Error("x"), { cause: { kind: "DatabaseNotReachable" } }))).toBe(true);
    expect(isDisconnect(Object.assign(new Error("x"), { cause: { kind: "UniqueConstraintViolation" } }))).toBe(false);
  });

  it("does not retry errors of the query itself", () => {
    expect(isDisconnect(pgError("23505", "duplicate key value"))).toBe(false);
    expect(isDisconnect(new Error("syntax error"))).toBe(false);
    expect(isDisconnect("text")).toBe(false);
  });
});

describe("retryOnDisconnect", () => {
  it("retries until the server is back", async () => {
    let calls = 0;
    const result = await retryOnDisconnect(
      async () => {
        calls += 1;
        if (calls < 3) throw pgError("57P03", "the database system is starting up");
        return "ok";
      },
      { firstDelayMs: 1 },
    );
    expect(result).toBe("ok");
    expect(calls).toBe(3);
  });

  it("gives up after the last attempt and passes other errors at once", async () => {
    let calls = 0;
    await expect(
      retryOnDisconnect(async () => {
        calls += 1;
        throw pgError("ECONNREFUSED");
      }, { attempts: 2, firstDelayMs: 1 }),
    ).rejects.toThrow();
    expect(calls).toBe(2);
    calls = 0;
    await expect(
      retryOnDisconnect(async () => {
        calls += 1;
        throw pgError("23505");
      }),
    ).rejects.toThrow();
    expect(calls).toBe(1);
  });
});
