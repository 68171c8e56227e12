import { describe, expect, it } from 'vitest';
import { inputs } from '../inputs/input-spec.ts';
import { runAction, runActionPost, testDeps } from '../testing/run-action.ts';
import { type ActionModule, defineAction } from './define-action.ts';
import { ConfigurationError } from './errors.ts';
import { defineOutputs, type OutputName } from './outputs.ts';

const spec = { name: inputs.string().required('who to greet'), token: inputs.secret() } as const;
const outputs = defineOutputs(['greeting', 'length']);
type Plan = { greeting: string };
type Module = ActionModule<Plan, OutputName<typeof outputs>, Promise<string> | undefined>;

function greeter(module: Module, early?: () => Promise<string> | undefined) {
  const loads: string[] = [];
  const action = defineAction({
    name: 'greeter',
    inputs: spec,
    outputs,
    ...(early ? { early } : {}),
    plan: (values, context): Plan => ({ greeting: `hello ${values.name} (${context.now.getUTCFullYear()})` }),
    load: async () => {
      loads.push('run.ts');
      return module;
    },
  });
  return { action, loads };
}

const now = () => new Date('2026-11-29T00:00:00Z');

describe('defineAction', () => {
  it('reads the inputs, plans, loads run.ts, and runs the plan with the deps and an output writer', async () => {
    const { action } = greeter({
      run: async (plan, { deps, outputs }) => {
        outputs.write({ greeting: plan.greeting, length: String(plan.greeting.length) });
        deps.logger.info(plan.greeting);
      },
    });
    const r = await runAction(action, { inputs: { name: 'octocat' }, now });
    expect(r.exitCode).toBe(0);
    expect(r.output).toEqual({ greeting: 'hello octocat (2026)', length: '20' });
  });

  it('a bad input fails before run.ts is loaded, with the input named and a code', async () => {
    const { action, loads } = greeter({ run: async () => {} });
    const r = await runAction(action, { inputs: {} });
    expect(r.code).toBe('INPUT_REQUIRED');
    expect(r.error).toMatchObject({ input: 'name' });
    expect(loads).toEqual([]);
  });

  it('masks every secret input the moment it is read, before the plan', async () => {
    const { action } = greeter({
      run: async () => {
        throw new ConfigurationError('nope', { code: 'REFUSED', expected: 'a', actual: 'b' });
      },
    });
    const r = await runAction(action, { inputs: { name: 'x', token: ' s3cret ' } });
    expect(r.logger.secrets).toEqual(new Set([' s3cret ']));
    expect(r.code).toBe('REFUSED');
    expect(r.error).toMatchObject({ expected: 'a', actual: 'b' });
  });

  it('keeps the outputs set before a later failure (users still see them)', async () => {
    const { action } = greeter({
      run: async (plan, { outputs }) => {
        outputs.set('greeting', plan.greeting);
        throw new Error('later step failed');
      },
    });
    const r = await runAction(action, { inputs: { name: 'x' } });
    expect(r.exitCode).toBe(1);
    expect(r.code).toBe('UNEXPECTED');
    expect(r.output).toEqual({ greeting: expect.stringContaining('hello x') });
  });

  it('the early hook starts before the inputs are read; run receives what it started', async () => {
    const order: string[] = [];
    const { action } = greeter(
      {
        run: async (_plan, { early }) => {
          order.push(`run got ${await early}`);
        },
      },
      () => {
        order.push('early');
        return Promise.resolve('lanes');
      },
    );
    const r = await runAction(action, { inputs: { name: 'x' } });
    expect(r.exitCode).toBe(0);
    expect(order).toEqual(['early', 'run got lanes']);
  });

  it('an early hook that rejects while the inputs are bad is never unhandled, and the step fails once', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const { action } = greeter({ run: async () => {} }, () => Promise.reject(new Error('lane died')));
      const deps = testDeps({ inputs: {} });
      expect(await action.main(deps)).toBe(1);
      process.exitCode = 0;
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).toEqual([]);
      expect(deps.logger.messages('error')).toHaveLength(1);
      expect(deps.logger.messages('error')[0]).toMatch(/Input "name" is required/);
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('an early hook that rejects fails the step through run, reported once as an error', async () => {
    const { action } = greeter(
      {
        run: async (_plan, { early }) => {
          await early;
        },
      },
      () => Promise.reject(new ConfigurationError('the lane failed', { code: 'LANE' })),
    );
    const deps = testDeps({ inputs: { name: 'x' } });
    expect(await action.main(deps)).toBe(1);
    process.exitCode = 0;
    expect(deps.logger.messages('error')).toEqual(['the lane failed']);
  });

  it('post failures become one warning and never fail the job', async () => {
    const { action } = greeter({
      run: async () => {},
      post: async () => {
        throw new Error('clean-up failed');
      },
    });
    const deps = testDeps();
    expect(await action.post(deps)).toBe(0);
    expect(deps.logger.messages('warning')).toEqual([expect.stringMatching(/^Post step: .*clean-up failed/)]);
    expect(deps.logger.messages('error')).toEqual([]);
    const r = await runActionPost(action);
    expect(r.exitCode).toBe(1);
  });
});
