/**
 * Internal: the application logger (pino). Human-readable lines on a terminal, JSON lines otherwise
 * (containers, log collectors).
 */
import { pino, type Logger } from 'pino';
import pretty from 'pino-pretty';

export function createLogger(level: string): Logger {
  if (process.stdout.isTTY) {
    return pino({ level }, pretty({ sync: true, ignore: 'pid,hostname', translateTime: 'HH:MM:ss' }));
  }
  return pino({ level, base: undefined });
}
