// Every action.yml agrees with its code: the inputs it declares are the inputs the code reads, with the
// same defaults and required flags; the outputs it declares are the outputs the code sets; all actions
// use one runtime and their bundles exist.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Field, OutputContract } from '@chain/core';
import { describe, expect, it } from 'vitest';
import { actionNames, readActionMetadata, repoRoot } from './helpers/actions.ts';

const EXPECTED_ACTIONS = [
  'cosign-sign',
  'ecr-oidc-login',
  'image-scan',
  'oci-build',
  'registry-login',
  'repo-scan',
  'skopeo-push',
  'tag-promote',
  'verify-image',
];

interface InputsModule {
  spec: Record<string, Field<unknown>>;
  outputs: OutputContract<string>;
}

async function loadInputs(name: string): Promise<InputsModule> {
  return (await import(join(repoRoot, 'actions', name, 'src', 'inputs.ts'))) as InputsModule;
}

it('the suite has exactly these actions', () => {
  expect(actionNames()).toEqual(EXPECTED_ACTIONS);
});

describe.each(EXPECTED_ACTIONS)('%s', (name) => {
  const meta = readActionMetadata(name);

  it('is named after its folder and described', () => {
    expect(meta.name).toBe(name);
    expect(meta.description.length).toBeGreaterThan(20);
  });

  it('runs on node24 with bundles that exist', () => {
    expect(meta.runs.using).toBe('node24');
    expect(meta.runs.main).toBe('dist/main.mjs');
    expect(existsSync(join(repoRoot, 'actions', name, meta.runs.main))).toBe(true);
    const hasPostSource = existsSync(join(repoRoot, 'actions', name, 'src', 'post.ts'));
    expect(meta.runs.post !== undefined).toBe(hasPostSource);
    if (meta.runs.post !== undefined)
      expect(existsSync(join(repoRoot, 'actions', name, meta.runs.post))).toBe(true);
  });

  it('declares exactly the inputs its code reads, with the same defaults and required flags', async () => {
    const { spec } = await loadInputs(name);
    const declared = meta.inputs ?? {};
    expect(Object.keys(declared).sort()).toEqual(Object.keys(spec).sort());
    for (const [input, field] of Object.entries(spec)) {
      const yml = declared[input];
      expect(yml?.description, `${input} has a description`).toBeTruthy();
      expect(yml?.required ?? false, `${input} required`).toBe(field.required);
      // The runner hands an empty string for an input with no default, so '' and none are the same.
      const ymlDefault = yml?.default === undefined ? '' : String(yml.default);
      // An expression default (registry-login's `${{ github.token }}`) is the runner's to evaluate: the
      // code sees its value, and has no default of its own (outside a runner it is simply absent).
      if (ymlDefault === '${{ github.token }}')
        expect(field.defaultValue, `${input} default`).toBeUndefined();
      else expect(ymlDefault, `${input} default`).toBe(field.defaultValue ?? '');
      if (field.required) expect(yml?.default, `${input} is required and has no default`).toBeUndefined();
    }
  });

  it('declares exactly the outputs its code sets', async () => {
    const { outputs } = await loadInputs(name);
    expect(Object.keys(meta.outputs ?? {}).sort()).toEqual([...outputs.names].sort());
    for (const [output, value] of Object.entries(meta.outputs ?? {}))
      expect(value.description, output).toBeTruthy();
  });

  it('has a README', () => {
    expect(existsSync(join(repoRoot, 'actions', name, 'README.md'))).toBe(true);
  });
});
