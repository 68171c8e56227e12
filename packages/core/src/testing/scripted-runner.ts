import { CommandError } from '../action/errors.ts';
import type { ExecRequest, ExecResult, ToolRunner } from '../exec/tool-runner.ts';

export interface ScriptedCall {
  /** Matches when the command's basename equals this and every given arg prefix matches. */
  command: string;
  argsPrefix?: readonly string[];
  result?: Partial<ExecResult>;
  /** Or compute the result (and side effects, such as writing a report file). */
  respond?: (request: ExecRequest) => Promise<Partial<ExecResult>> | Partial<ExecResult>;
}

/**
 * A ToolRunner for unit tests: answers only the calls the test set up, in order, and throws on any
 * other call, so no test reaches a real tool by accident.
 */
export class ScriptedToolRunner implements ToolRunner {
  readonly calls: ExecRequest[] = [];
  private readonly script: ScriptedCall[];

  constructor(script: ScriptedCall[]) {
    this.script = [...script];
  }

  async run(request: ExecRequest): Promise<ExecResult> {
    this.calls.push(request);
    const next = this.script.shift();
    const name = request.command.split('/').at(-1) ?? request.command;
    const prefix = next?.argsPrefix ?? [];
    if (next === undefined || next.command !== name || prefix.some((a, i) => request.args[i] !== a)) {
      throw new Error(`ScriptedToolRunner: unexpected call ${name} ${request.args.join(' ')}`);
    }
    const partial = next.respond ? await next.respond(request) : (next.result ?? {});
    const result: ExecResult = { exitCode: 0, stdout: '', stderrTail: '', durationMs: 0, ...partial };
    if (!(request.okExitCodes ?? [0]).includes(result.exitCode)) {
      throw new CommandError(`${request.tool} failed with exit code ${result.exitCode}`, {
        tool: request.tool,
        exitCode: result.exitCode,
        stderrTail: result.stderrTail,
      });
    }
    return result;
  }

  /** Asserts the whole script was consumed. */
  assertDone(): void {
    if (this.script.length > 0) {
      throw new Error(`ScriptedToolRunner: ${this.script.length} expected call(s) never happened`);
    }
  }
}
