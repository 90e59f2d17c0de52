import { config } from "@/lib/config";

// Structured logs: one JSON object per line on stderr, so stdout stays free for command output.

const LEVELS = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const;
export type LogLevel = Exclude<keyof typeof LEVELS, "silent">;
export type LogFields = Record<string, unknown>;

export type Logger = {
  [level in LogLevel]: (message: string, fields?: LogFields) => void;
} & { child: (fields: LogFields) => Logger };

export function createLogger(
  base: LogFields = {},
  options: { level?: keyof typeof LEVELS; write?: (line: string) => void } = {},
): Logger {
  const threshold = LEVELS[options.level ?? config.LOG_LEVEL];
  const write = options.write ?? ((line: string) => process.stderr.write(line + "\n"));
  const emit = (level: LogLevel) => (message: string, fields: LogFields = {}) => {
    if (LEVELS[level] < threshold) return;
    write(JSON.stringify({ time: new Date().toISOString(), level, msg: message, ...base, ...fields }, errorReplacer));
  };
  return {
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    child: (fields) => createLogger({ ...base, ...fields }, options),
  };
}

function errorReplacer(_key: string, value: unknown) {
  return value instanceof Error ? { name: value.name, message: value.message } : value;
}

export const log = createLogger();
