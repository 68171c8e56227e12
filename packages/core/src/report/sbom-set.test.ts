import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../action/errors.ts';
import { readSbomSet, SBOM_SET_INDEX, type SbomSetIndex } from './sbom-set.ts';

const TOP = `sha256:${'1'.repeat(64)}`;
const AMD = `sha256:${'a'.repeat(64)}`;
const ARM = `sha256:${'b'.repeat(64)}`;
const PLATFORMS = [{ digest: AMD }, { digest: ARM }];

/** A set as image-scan writes it: syft's documents (metadata.component.version = manifest) and the index. */
function set(edit: (index: SbomSetIndex, dir: string) => void = () => undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'sbom-set-'));
  const bom = (digest: string) =>
    JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      metadata: { component: { type: 'container', name: '/tmp/view', version: digest } },
      components: [{ type: 'library', name: 'busybox' }],
    });
  writeFileSync(join(dir, 'linux-amd64.cdx.json'), bom(AMD));
  writeFileSync(join(dir, 'linux-arm64.cdx.json'), bom(ARM));
  const index: SbomSetIndex = {
    schema: 'sbom-set/v1',
    digest: TOP,
    tool: { name: 'syft', version: '1.51.0' },
    sboms: [
      { platform: 'linux/amd64', digest: AMD, file: 'linux-amd64.cdx.json' },
      { platform: 'linux/arm64', digest: ARM, file: 'linux-arm64.cdx.json' },
    ],
  };
  edit(index, dir);
  writeFileSync(join(dir, SBOM_SET_INDEX), JSON.stringify(index));
  return dir;
}

const refused = async (dir: string, pattern: RegExp, platforms = PLATFORMS) => {
  const error = await readSbomSet(dir, TOP, platforms, 'sbom-dir').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigurationError);
  expect((error as ConfigurationError).message).toMatch(/^Input "sbom-dir": /);
  expect((error as ConfigurationError).message).toMatch(pattern);
};

describe('readSbomSet', () => {
  it('reads one checked SBOM per platform image of the digest', async () => {
    const boms = await readSbomSet(set(), TOP, PLATFORMS, 'sbom-dir');
    expect(boms.map((b) => [b.platform, b.digest])).toEqual([
      ['linux/amd64', AMD],
      ['linux/arm64', ARM],
    ]);
    expect(boms[0]?.bom.bomFormat).toBe('CycloneDX');
  });

  it('refuses a set of another digest', async () => {
    await refused(
      set((i) => {
        i.digest = `sha256:${'2'.repeat(64)}`;
      }),
      /are for sha256:2{64}, not sha256:1{64}/,
    );
  });

  it('refuses a set missing a platform image, or describing one the image does not have', async () => {
    await refused(
      set((i) => {
        i.sboms.pop();
      }),
      /no SBOM .* describes sha256:b{64}/,
    );
    await refused(set(), /describes sha256:b{64}, which is not a platform image/, [{ digest: AMD }]);
  });

  it('refuses swapped files: each document must name the manifest its entry claims', async () => {
    await refused(
      set((i) => {
        const [a, b] = i.sboms;
        if (a && b) [a.file, b.file] = [b.file, a.file];
      }),
      /describes sha256:b{64}, not sha256:a{64}/,
    );
  });

  it('refuses a file name outside the set, a missing file, a document that is not CycloneDX, no index', async () => {
    await refused(
      set((i) => {
        if (i.sboms[0]) i.sboms[0].file = '../linux-amd64.cdx.json';
      }),
      /malformed/,
    );
    await refused(
      set((i) => {
        if (i.sboms[0]) i.sboms[0].file = 'gone.cdx.json';
      }),
      /gone\.cdx\.json \(linux\/amd64\) is missing/,
    );
    await refused(
      set((_i, dir) => writeFileSync(join(dir, 'linux-amd64.cdx.json'), '{"spdxVersion":"SPDX-2.3"}')),
      /not CycloneDX/,
    );
    const dir = set();
    writeFileSync(join(dir, SBOM_SET_INDEX), readFileSync(join(dir, 'linux-amd64.cdx.json')));
    await refused(dir, /holds no sbom-set\/v1 index/);
  });
});
