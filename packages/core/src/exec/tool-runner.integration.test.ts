// The exec seam against real child processes (node itself, so nothing else is needed).
import { readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { CommandError } from '../action/errors.ts';
import { MemoryLogger } from '../testing/memory-logger.ts';
import { ProcessToolRunner, withSecretFile } from './tool-runner.ts';

const node = process.execPath;
const script = (code: string, ...args: string[]) => ['-e', code, '--', ...args];

describe('ProcessToolRunner', () => {
  const runner = new ProcessToolRunner();

  it('passes arguments verbatim, with no shell to interpret them', async () => {
    const tricky = ['$(touch /tmp/pwned)', '; rm -rf /', '`id`', 'a\'b"c', '*', '--flag=x y'];
    const { stdout } = await runner.run({
      tool: 'node',
      command: node,
      args: script('process.stdout.write(JSON.stringify(process.argv.slice(1)))', ...tricky),
    });
    expect(JSON.parse(stdout)).toEqual(tricky);
  });

  it('hands a secret on stdin, never on argv', async () => {
    const { stdout } = await runner.run({
      tool: 'node',
      command: node,
      args: script(
        'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(String(s.length)))',
      ),
      stdin: 'hunter2',
    });
    expect(stdout).toBe('7');
  });

  it('turns a non-zero exit into a CommandError with the tool, code and last stderr line', async () => {
    const error = await runner
      .run({
        tool: 'fake-tool',
        command: node,
        args: script('console.error("warming up");console.error("denied: no access");process.exit(3)'),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    const e = error as CommandError;
    expect(e.tool).toBe('fake-tool');
    expect(e.exitCode).toBe(3);
    expect(e.message).toBe('fake-tool failed with exit code 3: denied: no access');
  });

  it('accepts declared exit codes', async () => {
    const r = await runner.run({
      tool: 'node',
      command: node,
      args: script('process.exit(1)'),
      okExitCodes: [0, 1],
    });
    expect(r.exitCode).toBe(1);
  });

  it('bounds the stderr it keeps', async () => {
    const error = (await runner
      .run({
        tool: 'noisy',
        command: node,
        args: script('for(let i=0;i<20000;i++)console.error("line "+i);process.exitCode=1'),
      })
      .catch((e: unknown) => e)) as CommandError;
    expect(error.stderrTail.length).toBeLessThanOrEqual(16 * 1024);
    expect(error.message).toMatch(/line 19999$/);
  });

  it('says clearly when a tool is missing', async () => {
    const error = await runner
      .run({ tool: 'trivy', command: 'definitely-not-installed-xyz', args: [] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ code: 'COMMAND_FAILED', reason: 'NOT_INSTALLED', tool: 'trivy' });
    // The message names the command that was tried: what the user fixes.
    expect((error as Error).message).toContain('"definitely-not-installed-xyz"');
  });

  it('fails on a timeout and on unbounded stdout', async () => {
    await expect(
      runner.run({ tool: 'slow', command: node, args: script('setTimeout(()=>{},10000)'), timeoutMs: 200 }),
    ).rejects.toMatchObject({ code: 'COMMAND_FAILED', reason: 'TIMED_OUT', tool: 'slow' });
    await expect(
      runner.run({
        tool: 'big',
        command: node,
        args: script('process.stdout.write("x".repeat(5000))'),
        maxStdoutBytes: 1000,
      }),
    ).rejects.toMatchObject({ code: 'COMMAND_FAILED', reason: 'STDOUT_TOO_LARGE', tool: 'big' });
  });

  it('redacts secrets from captured output and registers them with the logger', async () => {
    const logger = new MemoryLogger();
    const r = await new ProcessToolRunner(logger).run({
      tool: 'leaky',
      command: node,
      args: script('console.log("token=s3cr3t-value");console.error("again s3cr3t-value")'),
      secrets: ['s3cr3t-value'],
      echo: true,
    });
    expect(r.stdout).toBe('token=***\n');
    expect(logger.secrets.has('s3cr3t-value')).toBe(true);
    expect(logger.messages().join('\n')).not.toContain('s3cr3t-value');
  });
});

describe('withSecretFile', () => {
  it('writes a 0600 file, hands its path, and removes it afterwards', async () => {
    let seen = '';
    const content = await withSecretFile(
      '{"auths":{}}',
      async (path) => {
        seen = path;
        expect(statSync(path).mode & 0o777).toBe(0o600);
        return readFileSync(path, 'utf8');
      },
      { directory: tmpdir() },
    );
    expect(content).toBe('{"auths":{}}');
    expect(() => statSync(seen)).toThrow();
  });
  it('removes the file when the user throws', async () => {
    let seen = '';
    const boom = new Error('boom');
    await expect(
      withSecretFile(
        'x',
        async (path) => {
          seen = path;
          throw boom;
        },
        { directory: tmpdir() },
      ),
    ).rejects.toBe(boom);
    expect(() => statSync(seen)).toThrow();
  });
});
