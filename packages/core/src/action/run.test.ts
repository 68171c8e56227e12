import { describe, expect, it } from 'vitest';
import { thrownBy } from '../../../../test/helpers/errors.ts';
import { CommandError, ConfigurationError, fromInput } from './errors.ts';
import { runMain, runPost } from './run.ts';
import { defineState, type StateStore } from './state.ts';

function hooks() {
  const failures: string[] = [];
  const warnings: string[] = [];
  const debugs: string[] = [];
  return {
    failures,
    warnings,
    debugs,
    hooks: {
      fail: (m: string) => failures.push(m),
      warn: (m: string) => warnings.push(m),
      debug: (m: string) => debugs.push(m),
    },
  };
}

describe('runMain', () => {
  const saved = process.exitCode;
  it('reports a configuration error once, as is', async () => {
    const h = hooks();
    const code = await runMain(async () => {
      throw new ConfigurationError('Input "x" is required');
    }, h.hooks);
    process.exitCode = saved;
    expect(code).toBe(1);
    expect(h.failures).toEqual(['Input "x" is required']);
  });
  it('reports a command error with the stderr tail in debug', async () => {
    const h = hooks();
    await runMain(async () => {
      throw new CommandError('skopeo failed with exit code 1: denied', {
        tool: 'skopeo',
        exitCode: 1,
        stderrTail: 'denied',
      });
    }, h.hooks);
    process.exitCode = saved;
    expect(h.failures).toEqual(['skopeo failed with exit code 1: denied']);
    expect(h.debugs).toEqual(['skopeo stderr: denied']);
  });
  it.each([
    ['a string', 'boom', /non-Error value thrown.*boom/],
    ['undefined', undefined, /non-Error value thrown/],
    ['an object', { code: 7 }, /non-Error value thrown.*\{"code":7\}/],
    ['a bug', new TypeError('x is undefined'), /bug in this action.*x is undefined/],
  ])('never stays green when %s is thrown', async (_label, thrown, message) => {
    const h = hooks();
    const code = await runMain(async () => {
      throw thrown;
    }, h.hooks);
    process.exitCode = saved;
    expect(code).toBe(1);
    expect(h.failures).toHaveLength(1);
    expect(h.failures[0]).toMatch(message);
  });
  it('returns 0 and reports nothing on success', async () => {
    const h = hooks();
    expect(await runMain(async () => {}, h.hooks)).toBe(0);
    expect(h.failures).toEqual([]);
  });
});

describe('runPost', () => {
  it('turns failures into warnings and never fails the job', async () => {
    const h = hooks();
    const code = await runPost(async () => {
      throw new Error('cleanup failed');
    }, h.hooks);
    expect(code).toBe(0);
    expect(h.failures).toEqual([]);
    expect(h.warnings).toHaveLength(1);
    expect(h.warnings[0]).toMatch(/^Post step: .*cleanup failed/);
  });
});

describe('typed state', () => {
  function store(): StateStore & { data: Map<string, string> } {
    const data = new Map<string, string>();
    return { data, save: (k, v) => data.set(k, v), load: (k) => data.get(k) ?? '' };
  }
  const validate = (v: unknown): { added: string[] } => {
    if (typeof v !== 'object' || v === null || !Array.isArray((v as { added?: unknown }).added)) {
      throw new Error('bad state');
    }
    return v as { added: string[] };
  };
  it('round-trips a typed value', () => {
    const s = store();
    const slot = defineState('login', validate);
    slot.save(s, { added: ['a.example'] });
    expect(slot.load(s)).toEqual({ added: ['a.example'] });
  });
  it('is undefined when main saved nothing', () => {
    expect(defineState('login', validate).load(store())).toBeUndefined();
  });
  it('validates the shape it reads back', () => {
    const s = store();
    s.data.set('login', '{"added": 3}');
    expect(() => defineState('login', validate).load(s)).toThrow('bad state');
    s.data.set('login', '{not json');
    // Unparsable state is a bug (main wrote it), not a user error: a plain Error carrying the parse failure.
    expect(thrownBy(() => defineState('login', validate).load(s))).toMatchObject({
      cause: expect.any(SyntaxError),
    });
  });
});

describe('naming the input a domain error came from', () => {
  it('keeps a domain code, turns the generic one into INPUT_INVALID, and keeps an input already named', async () => {
    const domain = new ConfigurationError('the DB is missing', { code: 'TRIVY_DB_MISSING', expected: 'db' });
    expect(domain.forInput('trivy-cache-dir')).toMatchObject({
      code: 'TRIVY_DB_MISSING',
      input: 'trivy-cache-dir',
    });
    expect(new ConfigurationError('bad file', { reason: 'X' }).forInput('f')).toMatchObject({
      code: 'INPUT_INVALID',
      input: 'f',
      reason: 'X',
    });
    const named = new ConfigurationError('x', { input: 'a', code: 'A' });
    expect(named.forInput('b')).toMatchObject({ input: 'a', code: 'A' });
  });

  it('fromInput names the input in the field and at the head of the message, once', async () => {
    const thrown = await fromInput('trusted-root', async () => {
      throw new ConfigurationError('the trusted root is not JSON', { code: 'TRUSTED_ROOT_UNREADABLE' });
    }).catch((error: unknown) => error);
    expect(thrown).toMatchObject({
      code: 'TRUSTED_ROOT_UNREADABLE',
      input: 'trusted-root',
      message: 'Input "trusted-root": the trusted root is not JSON',
    });
    const already = await fromInput('b', async () => {
      throw new ConfigurationError('Input "a": bad', { input: 'a' });
    }).catch((error: unknown) => error);
    expect(already).toMatchObject({ input: 'a', message: 'Input "a": bad' });
  });
});
