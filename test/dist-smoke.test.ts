// Runs each bundled action the way the runner does: `node dist/main.mjs` in a workspace, inputs as
// INPUT_* variables, file commands in GITHUB_OUTPUT/GITHUB_STATE/GITHUB_STEP_SUMMARY. Catches bundling
// mistakes that source-level tests cannot see.
import { describe, expect, it } from 'vitest';
import { actionNames, readActionMetadata } from './helpers/actions.ts';
import { runBundle } from './helpers/runner.ts';

describe.each(actionNames())('%s bundle', (name) => {
  const meta = readActionMetadata(name);
  const required = Object.entries(meta.inputs ?? {})
    .filter(([, v]) => v.required)
    .map(([k]) => k);

  it('runs on Node 24 here', () => {
    expect(Number(process.versions.node.split('.')[0])).toBeGreaterThanOrEqual(24);
  });

  it('with no inputs, fails with one ::error:: naming every missing required input', () => {
    const r = runBundle(name, 'main');
    expect(r.status).toBe(1);
    const errors = r.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    for (const input of required) expect(errors[0]).toContain(`Input "${input}" is required`);
    expect(r.stderr).toBe('');
  });

  it('rejects a bad value of a typed input by name', () => {
    const typed = Object.entries(meta.inputs ?? {}).find(
      ([, v]) => v.default === 'true' || v.default === 'false',
    );
    if (typed === undefined) return;
    const r = runBundle(name, 'main', { inputs: { [typed[0]]: 'yes' } });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`Input "${typed[0]}" must be a boolean`);
  });

  if (meta.runs.post !== undefined) {
    it('post step with no saved state succeeds quietly', () => {
      const r = runBundle(name, 'post');
      expect(r.status).toBe(0);
      expect(r.stdout).not.toContain('::error::');
    });
  }
});
