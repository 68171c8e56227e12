import { ConfigurationError, type LayoutImage } from '@chain/core';
import { testDeps } from '@chain/core/testing';
import { describe, expect, it } from 'vitest';
import { thrownAs } from '../../../test/helpers/errors.ts';
import { action } from './action.ts';
import { selectImages } from './plan.ts';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const planOf = (inputs: Record<string, string>) =>
  action.planFor(
    testDeps({ inputs: { layout: '/build/layout', digest: DIGEST, ...inputs }, workspace: '/ws' }),
  );

const refusal = (work: () => unknown) => thrownAs(ConfigurationError, work);

describe('image-scan plan', () => {
  it('by default: every platform, the HIGH,CRITICAL gate failing the step, online, no SBOM', () => {
    expect(planOf({})).toEqual({
      layout: '/build/layout',
      digest: DIGEST,
      platforms: [],
      gate: { severities: new Set(['HIGH', 'CRITICAL']), ignoreUnfixed: false, failOn: 'findings' },
      trivy: {
        install: { path: undefined, version: undefined },
        cacheDir: undefined,
        dbRepository: undefined,
        offline: false,
        ignoreFile: undefined,
      },
      sbom: undefined,
    });
  });

  it.each([
    [{ platforms: 'linux/arm64, linux/amd64' }, { platforms: ['linux/arm64', 'linux/amd64'] }],
    [
      { severity: 'critical', 'ignore-unfixed': 'true' },
      { gate: { severities: new Set(['CRITICAL']), ignoreUnfixed: true, failOn: 'findings' } },
    ],
    [{ 'fail-on': 'never' }, { gate: expect.objectContaining({ failOn: 'never' }) }],
    [{ sbom: 'true', 'syft-path': '/opt/syft' }, { sbom: { path: '/opt/syft', version: undefined } }],
    [
      { offline: 'true', 'trivy-cache-dir': '/cache/trivy', 'trivy-version': '0.74.0' },
      {
        trivy: expect.objectContaining({
          offline: true,
          cacheDir: '/cache/trivy',
          install: { path: undefined, version: '0.74.0' },
        }),
      },
    ],
    [
      { 'db-repository': 'ghcr.io/acme/trivy-db' },
      { trivy: expect.objectContaining({ dbRepository: 'ghcr.io/acme/trivy-db', offline: false }) },
    ],
  ])('%j plans %j', (inputs, expected) => {
    expect(planOf(inputs)).toMatchObject(expected);
  });

  it('offline with a DB mirror is refused, naming db-repository', () => {
    const error = refusal(() => planOf({ offline: 'true', 'db-repository': 'ghcr.io/acme/trivy-db' }));
    expect(error).toMatchObject({ code: 'INPUT_INVALID', input: 'db-repository' });
  });

  it.each([
    [{ digest: '' }, 'INPUT_REQUIRED', 'digest'],
    [{ digest: 'sha256:abc' }, 'INPUT_INVALID', 'digest'],
    [{ layout: '' }, 'INPUT_REQUIRED', 'layout'],
    [{ severity: 'HIGH,SEVERE' }, 'INPUT_INVALID', 'severity'],
    [{ 'fail-on': 'always' }, 'INPUT_INVALID', 'fail-on'],
  ])('%j is %s naming %s', (inputs, code, input) => {
    expect(refusal(() => planOf(inputs))).toMatchObject({ code, input });
  });
});

describe('selectImages: the planned platforms, from the layout', () => {
  const image = (platform: string) => ({ platform, digest: `sha256:${platform.length}` }) as LayoutImage;
  const images = [image('linux/amd64'), image('linux/arm64')];

  it.each([
    [[], ['linux/amd64', 'linux/arm64']],
    [['linux/arm64'], ['linux/arm64']],
    [
      ['linux/arm64', 'linux/amd64'],
      ['linux/amd64', 'linux/arm64'],
    ],
  ])('%j scans %j', (wanted, scanned) => {
    expect(selectImages(images, wanted).map((i) => i.platform)).toEqual(scanned);
  });

  it('a platform the layout lacks is refused, naming what was asked for and what is there', () => {
    expect(refusal(() => selectImages(images, ['linux/s390x', 'linux/amd64']))).toMatchObject({
      input: 'platforms',
      expected: 'linux/s390x',
      actual: 'linux/amd64, linux/arm64',
    });
  });
});
