/** Log levels, lowest first. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const LEVEL_ORDER: Record<LogLevel, number> = {
  debug: 10,
  info: 20,
  warn: 30,
  error: 40,
};

export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(message: string, fields?: LogFields): void;
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && value in LEVEL_ORDER;
}

/**
 * A logger that writes one JSON object per line to stdout, the format log
 * collectors in Kubernetes parse without configuration.
 */
export function createLogger(options: {
  service: string;
  level?: LogLevel;
  write?: (line: string) => void;
}): Logger {
  const threshold = LEVEL_ORDER[options.level ?? 'info'];
  const write =
    options.write ?? ((line: string) => process.stdout.write(`${line}\n`));

  const log = (level: LogLevel, message: string, fields?: LogFields) => {
    if (LEVEL_ORDER[level] < threshold) {
      return;
    }
    const entry: LogFields = {
      time: new Date().toISOString(),
      level,
      service: options.service,
      message,
      ...fields,
    };
    if (fields?.error instanceof Error) {
      entry.error = { name: fields.error.name, message: fields.error.message, stack: fields.error.stack };
    }
    write(JSON.stringify(entry));
  };

  return {
    debug: (message, fields) => log('debug', message, fields),
    info: (message, fields) => log('info', message, fields),
    warn: (message, fields) => log('warn', message, fields),
    error: (message, fields) => log('error', message, fields),
  };
}
