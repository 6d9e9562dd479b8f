import { type Logger as BoltLogger, LogLevel } from '@slack/bolt';

export type Level = 'debug' | 'info' | 'warn' | 'error';
export type Fields = Record<string, unknown>;

const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };
// Keys whose values never reach a log line, wherever they sit in the fields.
const SECRET_KEY = /token|secret|password|authorization|signature|cookie/i;
// Slack tokens that slip into free text (error messages, URLs).
const SECRET_TEXT = /xox[abposr]-[A-Za-z0-9-]+|xapp-[A-Za-z0-9-]+/g;

export interface Logger {
  debug(msg: string, fields?: Fields): void;
  info(msg: string, fields?: Fields): void;
  warn(msg: string, fields?: Fields): void;
  error(msg: string, fields?: Fields): void;
  child(fields: Fields): Logger;
}

export type LogSink = (line: string) => void;

function redact(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return value.replace(SECRET_TEXT, '[redacted]');
  if (value instanceof Error) {
    return { name: value.name, message: redact(value.message), stack: redact(value.stack) };
  }
  if (Array.isArray(value)) return depth > 4 ? '[…]' : value.map((v) => redact(v, depth + 1));
  if (value && typeof value === 'object') {
    if (depth > 4) return '[…]';
    const out: Fields = {};
    for (const [k, v] of Object.entries(value))
      out[k] = SECRET_KEY.test(k) ? '[redacted]' : redact(v, depth + 1);
    return out;
  }
  return value;
}

/** Structured JSON lines, one per record, with secrets removed. */
export function createLogger(
  level: Level,
  base: Fields = {},
  sink: LogSink = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const write = (at: Level, msg: string, fields?: Fields) => {
    if (ORDER[at] < ORDER[level]) return;
    const record = {
      time: new Date().toISOString(),
      level: at,
      msg: redact(msg),
      ...base,
      ...(fields ?? {}),
    };
    sink(JSON.stringify(redact(record)));
  };
  return {
    debug: (msg, fields) => write('debug', msg, fields),
    info: (msg, fields) => write('info', msg, fields),
    warn: (msg, fields) => write('warn', msg, fields),
    error: (msg, fields) => write('error', msg, fields),
    child: (fields) => createLogger(level, { ...base, ...fields }, sink),
  };
}

const BOLT_LEVEL: Record<Level, LogLevel> = {
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
  error: LogLevel.ERROR,
};

/** Adapts our logger to the interface Bolt and the Web API client expect. */
export function toBoltLogger(logger: Logger, level: Level): BoltLogger {
  let name = 'bolt';
  let current = BOLT_LEVEL[level];
  const text = (parts: unknown[]) =>
    parts
      .map((p) => (typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p)))
      .join(' ');
  return {
    debug: (...msg) => logger.debug(text(msg), { component: name }),
    info: (...msg) => logger.info(text(msg), { component: name }),
    warn: (...msg) => logger.warn(text(msg), { component: name }),
    error: (...msg) => logger.error(text(msg), { component: name }),
    setLevel: (l) => {
      current = l;
    },
    getLevel: () => current,
    setName: (n) => {
      name = n;
    },
  };
}
