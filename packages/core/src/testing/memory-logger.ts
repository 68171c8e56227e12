import type { Logger } from '../action/logger.ts';

/** A logger that keeps every line; for tests and for capturing a step's output. */
export class MemoryLogger implements Logger {
  readonly lines: { level: 'debug' | 'info' | 'warning' | 'error'; message: string }[] = [];
  readonly secrets = new Set<string>();

  debug(message: string): void {
    this.lines.push({ level: 'debug', message });
  }
  info(message: string): void {
    this.lines.push({ level: 'info', message });
  }
  warning(message: string): void {
    this.lines.push({ level: 'warning', message });
  }
  error(message: string): void {
    this.lines.push({ level: 'error', message });
  }
  setSecret(value: string): void {
    if (value !== '') this.secrets.add(value);
  }
  async group<T>(title: string, fn: () => Promise<T>): Promise<T> {
    this.lines.push({ level: 'info', message: `[group] ${title}` });
    return fn();
  }
  messages(level?: 'debug' | 'info' | 'warning' | 'error'): string[] {
    return this.lines.filter((l) => level === undefined || l.level === level).map((l) => l.message);
  }
}
