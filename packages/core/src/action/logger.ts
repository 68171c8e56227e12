import { issueCommand, processIo, type RunnerIo, setSecret, writeUntrusted } from './runner-commands.ts';

/** What the code needs to tell the user. Tests use a recording fake; actions use the runner's. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warning(message: string): void;
  error(message: string): void;
  /** Register a secret so the runner masks every later occurrence in logs. */
  setSecret(value: string): void;
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

/** The logger that speaks the runner's workflow-command protocol. */
export function createRunnerLogger(io: RunnerIo = processIo): Logger {
  return {
    debug: (message) => issueCommand(io, 'debug', message),
    // Info lines carry tool output and echoed command lines: never let them act as workflow commands.
    info: (message) => writeUntrusted(io, message),
    warning: (message) => issueCommand(io, 'warning', message),
    error: (message) => issueCommand(io, 'error', message),
    setSecret: (value) => setSecret(io, value),
    group: async (title, fn) => {
      issueCommand(io, 'group', title);
      try {
        return await fn();
      } finally {
        issueCommand(io, 'endgroup', '');
      }
    },
  };
}

export const runnerLogger: Logger = createRunnerLogger();

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
