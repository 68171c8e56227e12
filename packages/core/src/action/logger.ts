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

/** A logger that says nothing (scripts that use the core's tools without a job log). */
export const silentLogger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warning: () => undefined,
  error: () => undefined,
  setSecret: () => undefined,
  group: (_title, fn) => fn(),
};
