// Workflow-command injection (#14.10): a newline in an input, or a tool that prints `::…::`, must never
// make the runner act on a command. Each echo path is driven through the bundled action, and its stdout is
// read the way the runner reads it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { OciLayout } from '@chain/core';
import { describe, expect, it } from 'vitest';
import { createRunnerLogger } from '../packages/core/src/action/logger.ts';
import { buildahLayout, exampleContext } from './helpers/real-tools.ts';
import { startRegistry } from './helpers/registry.ts';
import { runBundle, runBundleAsync } from './helpers/runner.ts';
import { runnerCommands } from './helpers/runner-parse.ts';

const PAYLOAD = 'pwned';
const injections = [
  `x\n::stop-commands::${PAYLOAD}`,
  `x\n::add-mask::${PAYLOAD}`,
  `x\n::set-output name=digest::${PAYLOAD}`,
  `x\n  ##[set-output name=digest]${PAYLOAD}`,
  // Found by review: the runner also splits at \r, strips Unicode whitespace, and finds ##[ mid-line.
  `x\r::add-mask::${PAYLOAD}`,
  `x\n\u00a0::add-mask::${PAYLOAD}`,
  `x\n\v::set-output name=digest::${PAYLOAD}`,
  `RUN echo ##[add-mask]${PAYLOAD}`,
];

/** Commands the runner would act on that the attacker wrote (ours carry the payload only as escaped data). */
function attackerCommands(stdout: string): { name: string; data: string }[] {
  return runnerCommands(stdout).filter(
    (c) => !['error', 'warning', 'debug'].includes(c.name) && c.data.includes(PAYLOAD),
  );
}

describe('echoed text never acts as a workflow command', () => {
  it('the logger fences a line that looks like a command, with a token the text does not hold', () => {
    let out = '';
    const logger = createRunnerLogger({
      env: {},
      cwd: () => '/',
      write: (t) => (out += t),
      append: () => {},
    });
    for (const text of injections) logger.info(`$ tool --label ${text}`);
    logger.info('plain line');
    expect(attackerCommands(out)).toEqual([]);
    expect(out).toContain('plain line\n');
    expect(runnerCommands(out).filter((c) => c.name === 'stop-commands')).toHaveLength(injections.length);
  });

  it.each(injections)('oci-build echoes its buildah command line safely: version %j', (version) => {
    const workspace = exampleContext();
    const r = runBundle('oci-build', 'main', {
      workspace,
      inputs: {
        context: '.',
        file: 'Containerfile',
        version,
        builder: 'buildah',
        'output-dir': join(mkdtempSync(join(tmpdir(), 'o-')), 'l'),
      },
      env: { BUILDAH_ISOLATION: 'chroot' },
    });
    expect(attackerCommands(r.stdout)).toEqual([]);
    expect(r.outputs.digest ?? '').not.toContain(PAYLOAD);
  });

  it('tool output that prints commands is fenced: skopeo echoes its output, here a hostile line first', async () => {
    const registry = await startRegistry();
    try {
      const layout = await buildahLayout(['linux/amd64']);
      const dir = mkdtempSync(join(tmpdir(), 'hostile-tool-'));
      writeFileSync(
        join(dir, 'skopeo'),
        `#!/bin/sh\necho "::add-mask::${PAYLOAD}"\necho "::stop-commands::${PAYLOAD}"\nexec /usr/bin/skopeo "$@"\n`,
        { mode: 0o755 },
      );
      const r = await runBundleAsync('skopeo-push', 'main', {
        inputs: {
          layout,
          digest: (await OciLayout.open(layout)).topLevel().digest,
          image: `${registry.host}/echo/app`,
          'tls-verify': 'false',
        },
        env: { GITHUB_SHA: '3'.repeat(40), PATH: `${dir}${delimiter}${process.env.PATH}` },
      });
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toContain(`::add-mask::${PAYLOAD}`); // printed, as text...
      expect(attackerCommands(r.stdout)).toEqual([]); // ...but inside a fence the runner does not act in
    } finally {
      await registry.stop();
    }
  });
});
