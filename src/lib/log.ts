/**
 * A small structured logger: one JSON line per entry on stderr. Never pass secrets to it;
 * query parameters and e-mail addresses are taken out of every text it writes.
 *
 * @example
 * const log = createLogger('info');
 * log.info('server.started', { port: 3000 });
 */
import { redactLogText } from './redact-log-text';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type Logger = Record<Exclude<LogLevel, 'silent'>, (event: string, data?: object) => void>;

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): Logger {
  const at =
    (l: Exclude<LogLevel, 'silent'>) =>
    (event: string, data: object = {}) => {
      if (order[l] < order[level]) return;
      const entry = { at: new Date().toISOString(), level: l, event, ...data };
      write(
        JSON.stringify(entry, (_k, v: unknown) => (typeof v === 'string' ? redactLogText(v) : v)),
      );
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
