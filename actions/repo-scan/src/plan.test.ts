import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '@chain/core';
import { testDeps } from '@chain/core/testing';
import { describe, expect, it } from 'vitest';
import { thrownAs } from '../../../test/helpers/errors.ts';
import { action } from './action.ts';

const workspace = mkdtempSync(join(tmpdir(), 'repo-scan-plan-'));
const planOf = (inputs: Record<string, string>) => action.planFor(testDeps({ inputs, workspace }));

const refusal = (inputs: Record<string, string>) => thrownAs(ConfigurationError, () => planOf(inputs));

const NONE = { path: undefined, version: undefined };

describe('repo-scan plan', () => {
  it('by default: the workspace, all three scanners online, the HIGH,CRITICAL gate, a CycloneDX SBOM', () => {
    expect(planOf({})).toEqual({
      path: workspace,
      gate: { severities: new Set(['HIGH', 'CRITICAL']), ignoreUnfixed: false, failOn: 'findings' },
      osv: { install: NONE, localDb: undefined, offline: false },
      trivy: { install: NONE, cacheDir: undefined, dbRepository: undefined, offline: false },
      sbom: { install: NONE, formats: ['cyclonedx-json'] },
    });
  });

  it.each([
    [{ scanners: 'trivy' }, ['trivy']],
    [{ scanners: 'osv, sbom' }, ['osv', 'sbom']],
    [{ scanners: 'sbom,sbom' }, ['sbom']],
  ])('%j runs only %j (the others are not installed)', (inputs, chosen) => {
    const p = planOf(inputs);
    expect(
      Object.entries({ osv: p.osv, trivy: p.trivy, sbom: p.sbom }).flatMap(([k, v]) => (v ? [k] : [])),
    ).toEqual(chosen);
  });

  it.each([
    [
      { offline: 'true', 'osv-db': '/dbs/osv', 'trivy-cache-dir': '/dbs/trivy' },
      {
        osv: { install: NONE, localDb: '/dbs/osv', offline: true },
        trivy: expect.objectContaining({ offline: true, cacheDir: '/dbs/trivy' }),
      },
    ],
    // Online, an offline OSV database still matches vulnerabilities locally.
    [{ 'osv-db': '/dbs/osv' }, { osv: { install: NONE, localDb: '/dbs/osv', offline: false } }],
    [
      { offline: 'true', scanners: 'trivy,sbom' },
      { osv: undefined, trivy: expect.objectContaining({ offline: true }) },
    ],
    [
      { 'sbom-formats': 'spdx-json,cyclonedx-json', 'syft-version': '1.51.0' },
      { sbom: { install: { path: undefined, version: '1.51.0' }, formats: ['spdx-json', 'cyclonedx-json'] } },
    ],
    [
      { 'trivy-path': '/opt/trivy', 'osv-scanner-version': '2.5.1' },
      {
        trivy: expect.objectContaining({ install: { path: '/opt/trivy', version: undefined } }),
        osv: expect.objectContaining({ install: { path: undefined, version: '2.5.1' } }),
      },
    ],
    [
      { 'fail-on': 'never', 'ignore-unfixed': 'true' },
      { gate: expect.objectContaining({ failOn: 'never', ignoreUnfixed: true }) },
    ],
  ])('%j plans %j', (inputs, expected) => {
    expect(planOf(inputs)).toMatchObject(expected);
  });

  it.each([
    // Offline, osv-scanner can only match against a local database.
    [{ offline: 'true' }, 'INPUT_INVALID', 'osv-db'],
    [
      { offline: 'true', 'osv-db': '/dbs/osv', 'db-repository': 'ghcr.io/acme/trivy-db' },
      'INPUT_INVALID',
      'db-repository',
    ],
    [{ scanners: 'osv,grype' }, 'INPUT_INVALID', 'scanners'],
    [{ scanners: ' , ' }, 'INPUT_INVALID', 'scanners'],
    [{ 'sbom-formats': 'cyclonedx-xml' }, 'INPUT_INVALID', 'sbom-formats'],
    [{ severity: 'SEVERE' }, 'INPUT_INVALID', 'severity'],
    [{ path: '../elsewhere' }, 'INPUT_INVALID', 'path'],
  ])('%j is %s naming %s', (inputs, code, input) => {
    expect(refusal(inputs)).toMatchObject({ code, input });
  });
});
