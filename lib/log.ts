import { AsyncLocalStorage } from "node:async_hooks";
import pino from "pino";
import { config } from "@/lib/config";

// Structured logs (pino): one JSON object per line on stderr, so stdout stays free for command
// output. Lines look like {"level":"info","time":"…","msg":"…",…fields}. Fields bound with
// `withLogContext` (an API request's id, say) are added to every line logged inside it.

type LevelOption = "debug" | "info" | "warn" | "error" | "silent";
export type LogLevel = Exclude<LevelOption, "silent">;
export type LogFields = Record<string, unknown>;

export type Logger = {
  [level in LogLevel]: (message: string, fields?: LogFields) => void;
} & { child: (fields: LogFields) => Logger };

const context = new AsyncLocalStorage<LogFields>();

/** Runs `fn` with `fields` added to every line any logger writes until it settles. */
export function withLogContext<T>(fields: LogFields, fn: () => T): T {
  return context.run({ ...context.getStore(), ...fields }, fn);
}

// An Error anywhere in the fields logs as its name and message (JSON.stringify would give {}).
function errorsAsText(fields: LogFields): LogFields {
  let copy: LogFields | undefined;
  for (const [key, value] of Object.entries(fields)) {
    if (value instanceof Error) (copy ??= { ...fields })[key] = { name: value.name, message: value.message };
  }
  return copy ?? fields;
}

function wrap(logger: pino.Logger): Logger {
  const emit = (level: LogLevel) => (message: string, fields?: LogFields) => {
    if (fields) logger[level](errorsAsText(fields), message);
    else logger[level](message);
  };
  return {
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    child: (fields) => wrap(logger.child(errorsAsText(fields))),
  };
}

export function createLogger(base: LogFields = {}, options: { level?: LevelOption; write?: (line: string) => void } = {}): Logger {
  const write = options.write;
  // Synchronous on stderr: entry scripts end with process.exit, which must not drop the last lines.
  const destination = write ? { write: (line: string) => write(line.trimEnd()) } : pino.destination({ dest: 2, sync: true });
  const logger = pino(
    {
      level: options.level ?? config.LOG_LEVEL,
      base: null,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      mixin: () => context.getStore() ?? {},
    },
    destination,
  );
  return wrap(Object.keys(base).length > 0 ? logger.child(errorsAsText(base)) : logger);
}

export const log = createLogger();
