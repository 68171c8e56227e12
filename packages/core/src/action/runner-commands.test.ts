import { describe, expect, it } from 'vitest';
import { parseFileCommands } from '../../../../test/helpers/runner.ts';
import { createRunnerLogger } from './logger.ts';
import {
  appendSummary,
  escapeData,
  escapeProperty,
  exportVariable,
  fileCommandEntry,
  getState,
  issueCommand,
  type RunnerIo,
  saveState,
  setOutput,
} from './runner-commands.ts';

function io(env: NodeJS.ProcessEnv = {}) {
  const stdout: string[] = [];
  const files = new Map<string, string>();
  const value: RunnerIo = {
    env,
    cwd: () => '/',
    write: (t) => void stdout.push(t),
    append: (f, t) => void files.set(f, (files.get(f) ?? '') + t),
  };
  return { io: value, stdout, files };
}

describe('workflow commands', () => {
  it('escapes messages and properties so user data cannot inject commands', () => {
    expect(escapeData('50%\nnext::line\r')).toBe('50%25%0Anext::line%0D');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
    const t = io();
    issueCommand(t.io, 'error', 'bad\n::add-mask::x', { file: 'a,b.ts', title: 't:1' });
    expect(t.stdout).toEqual(['::error file=a%2Cb.ts,title=t%3A1::bad%0A::add-mask::x\n']);
  });

  it('the runner logger masks, warns and groups with the documented commands', async () => {
    const t = io();
    const logger = createRunnerLogger(t.io);
    logger.setSecret('s3cret');
    logger.setSecret('');
    logger.warning('careful');
    await logger.group('step', async () => logger.info('inside'));
    expect(t.stdout.join('')).toBe(
      '::add-mask::s3cret\n::warning::careful\n::group::step\ninside\n::endgroup::\n',
    );
  });
});

describe('file commands', () => {
  it('writes multi-line outputs with a fresh delimiter that the runner parses back', () => {
    const t = io({ GITHUB_OUTPUT: '/out' });
    setOutput(t.io, 'digest', 'sha256:abc');
    setOutput(t.io, 'platforms', '[\n  "linux/amd64"\n]');
    expect(parseFileCommands(t.files.get('/out') ?? '')).toEqual({
      digest: 'sha256:abc',
      platforms: '[\n  "linux/amd64"\n]',
    });
  });

  it('refuses a value that contains the delimiter', () => {
    expect(() => fileCommandEntry('x', 'a\nEOF\nb', 'EOF')).toThrow(/delimiter/);
  });

  it('state and environment round-trip; summary appends', () => {
    const t = io({
      GITHUB_STATE: '/state',
      GITHUB_ENV: '/env',
      GITHUB_STEP_SUMMARY: '/sum',
      STATE_login: '{"a":1}',
    });
    saveState(t.io, 'login', '{"a":1}');
    expect(parseFileCommands(t.files.get('/state') ?? '')).toEqual({ login: '{"a":1}' });
    expect(getState(t.io, 'login')).toBe('{"a":1}');
    exportVariable(t.io, 'REGISTRY_AUTH_FILE', '/tmp/auth.json');
    expect(t.io.env.REGISTRY_AUTH_FILE).toBe('/tmp/auth.json');
    expect(parseFileCommands(t.files.get('/env') ?? '')).toEqual({ REGISTRY_AUTH_FILE: '/tmp/auth.json' });
    appendSummary(t.io, '<h2>x</h2>\n');
    expect(t.files.get('/sum')).toBe('<h2>x</h2>\n');
  });

  it('falls back to the legacy commands without the files', () => {
    const t = io();
    setOutput(t.io, 'digest', 'sha256:abc');
    expect(t.stdout).toEqual(['::set-output name=digest::sha256:abc\n']);
  });
});
