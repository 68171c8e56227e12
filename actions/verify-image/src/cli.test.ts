import { type ImageCustody, mapInputSource, readInputs, signerPolicyFromInputs } from '@chain/core';
import { MemoryLogger } from '@chain/core/testing';
import { describe, expect, it } from 'vitest';
import { cli, parseArgs } from './cli.ts';
import { spec } from './inputs.ts';
import { custodySummary, custodyTable } from './report.ts';

const IMAGE = `ghcr.io/acme/app@sha256:${'a'.repeat(64)}`;

describe('verify-image command line', () => {
  it('maps arguments to the action inputs', () => {
    expect(
      parseArgs([IMAGE, '--certificate-identity', 'id', '--certificate-oidc-issuer=https://i', '--json']),
    ).toEqual({
      inputs: { image: IMAGE, 'certificate-identity': 'id', 'certificate-oidc-issuer': 'https://i' },
      json: true,
    });
    expect(parseArgs(['--tls-verify', 'false'])).toBe('name the image');
    expect(parseArgs([IMAGE, '--nope', 'x'])).toBe('unknown option --nope');
    expect(parseArgs([IMAGE, '--image', 'x'])).toBe('unknown option --image');
    expect(parseArgs([IMAGE, '--require'])).toBe('--require needs a value');
    expect(parseArgs([IMAGE, IMAGE])).toMatch(/one image only/);
  });
  it('exits 2 with the usage on bad arguments, 1 naming the input when the signer is missing', async () => {
    const io = () => {
      const lines: string[] = [];
      return {
        lines,
        io: { env: {}, cwd: () => '/', write: (t: string) => void lines.push(t), append: () => undefined },
      };
    };
    const [out, err] = [io(), io()];
    expect(await cli(['--json'], out.io, err.io)).toBe(2);
    expect(err.lines.join('')).toContain('usage: verify-image');
    const [out2, err2] = [io(), io()];
    expect(await cli([IMAGE], out2.io, err2.io)).toBe(1);
    expect(err2.lines.join('')).toMatch(/error: .*certificate-identity/);
    expect(out2.lines).toEqual([]);
  });
});

describe('verify-image inputs', () => {
  const read = (extra: Record<string, string>) =>
    readInputs(spec, mapInputSource({ image: IMAGE, ...extra }), { workspace: '/tmp' });
  it('require: any subset of the links, or none', () => {
    expect(read({}).require).toEqual(['provenance', 'sbom', 'vuln']);
    expect(read({ require: 'vuln, provenance' }).require).toEqual(['vuln', 'provenance']);
    expect(read({ require: 'none' }).require).toEqual([]);
    expect(() => read({ require: 'provenance,signature' })).toThrow(/Input "require" lists "signature"/);
  });
  it('the signer: an identity or a regexp (anchored) with the issuer, or a key; never both identities', () => {
    const logger = new MemoryLogger();
    const policy = signerPolicyFromInputs(
      {
        'certificate-identity-regexp': 'https://github\\.com/acme/.*',
        'certificate-oidc-issuer': 'https://i',
      },
      logger,
      'x',
    );
    expect(policy.identityRegExp?.test('https://github.com/acme/app')).toBe(true);
    expect(policy.identityRegExp?.test('https://evil.example/?https://github.com/acme/app')).toBe(false);
    expect(logger.messages('warning')).toHaveLength(1);
    expect(() =>
      signerPolicyFromInputs(
        { 'certificate-identity': 'a', 'certificate-identity-regexp': 'b', 'certificate-oidc-issuer': 'c' },
        logger,
        'x',
      ),
    ).toThrow(/not both/);
    expect(() => signerPolicyFromInputs({ 'certificate-identity': 'a' }, logger, 'x')).toThrow(
      /certificate-oidc-issuer/,
    );
  });
  it('the source repository and ref bind a keyless signer; a GitHub identity without them is warned about', () => {
    const gh = 'https://token.actions.githubusercontent.com';
    const logger = new MemoryLogger();
    expect(
      signerPolicyFromInputs(
        {
          'certificate-identity': 'id',
          'certificate-oidc-issuer': gh,
          'certificate-source-repository': 'https://github.com/acme/app',
          'certificate-source-ref': 'refs/heads/main',
        },
        logger,
        'x',
      ),
    ).toEqual({
      identity: 'id',
      issuer: gh,
      sourceRepository: 'https://github.com/acme/app',
      sourceRef: 'refs/heads/main',
    });
    expect(logger.messages('warning')).toEqual([]);
    signerPolicyFromInputs({ 'certificate-identity': 'id', 'certificate-oidc-issuer': gh }, logger, 'x');
    expect(logger.messages('warning').join()).toMatch(/certificate-source-repository is not set/);
    expect(() =>
      signerPolicyFromInputs(
        { 'public-key': 'pem', 'certificate-source-repository': 'https://github.com/acme/app' },
        logger,
        'x',
      ),
    ).toThrow(/a public-key signature has none/);
    const read = (inputs: Record<string, string>) =>
      readInputs(spec, mapInputSource({ image: IMAGE, ...inputs }), { workspace: '/w' });
    expect(() => read({ 'certificate-source-repository': 'acme/app' })).toThrow(
      /Input "certificate-source-repository"/,
    );
    expect(read({ 'certificate-source-ref': 'refs/tags/v1' })['certificate-source-ref']).toBe('refs/tags/v1');
  });
});

const CUSTODY: ImageCustody = {
  repository: 'ghcr.io/acme/app',
  digest: `sha256:${'a'.repeat(64)}`,
  tag: 'latest',
  signature: {
    format: 'bundle',
    identity: 'https://github.com/acme/app/w.yml@refs/heads/main',
    issuer: 'https://i',
    ref: 'r',
  },
  certificate: {
    subject: 's',
    sourceRepositoryURI: 'https://github.com/acme/app',
    sourceRepositoryDigest: '1'.repeat(40),
  },
  source: { repository: 'https://github.com/acme/app', commit: '1'.repeat(40), ref: 'refs/heads/main' },
  run: 'https://github.com/acme/app/actions/runs/1/attempts/1',
  builder: 'https://github.com/acme/app/w.yml@refs/heads/main',
  provenance: undefined,
  scan: {
    passed: false,
    counts: { HIGH: 2, LOW: 0 },
    scanner: 'pkg:github/aquasecurity/trivy@v0.74.0',
    version: '0.74.0',
    db: '2@2026-11-28',
    startedOn: undefined,
    finishedOn: '2026-11-28T10:00:00Z',
  },
  sbom: [{ platform: 'linux/amd64', digest: 'd', components: 7, predicateType: 'p' }],
  tags: { tags: ['latest', '<b>x</b>'], checked: 100, candidates: 250, truncated: true },
  attestations: [{ kind: 'vuln', format: 'bundle', ref: 'sha256:f' }],
  warnings: [],
  failures: [{ link: 'vuln', code: 'SCAN_FAILED', message: 'the scan did not pass' }],
};

describe('verify-image report', () => {
  it('the terminal table: verdict first, every fact a row, each failed link named', () => {
    const table = custodyTable(CUSTODY);
    expect(table.split('\n')[0]).toBe('NOT VERIFIED: chain of custody');
    expect(table).toMatch(
      /scan\s+FAILED at 2026-11-28T10:00:00Z; pkg:github\/aquasecurity\/trivy@v0\.74\.0, DB 2@2026-11-28; 2 HIGH/,
    );
    expect(table).toMatch(/SBOM\s+linux\/amd64: 7 components/);
    expect(table).toMatch(/tags now\s+latest, <b>x<\/b> \(first 100 of 250 tags checked\)/);
    expect(table).toContain('FAILED vuln (SCAN_FAILED): the scan did not pass');
  });
  it('the job summary escapes what the registry and the certificates say', () => {
    const html = custodySummary(CUSTODY).toString();
    expect(html).toContain('Chain of custody NOT verified');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('vuln (SCAN_FAILED)');
  });
});
