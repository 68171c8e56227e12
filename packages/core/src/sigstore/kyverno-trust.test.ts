import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../action/errors.ts';
import { ImageReference } from '../oci/image-reference.ts';
import { kyvernoPolicy, kyvernoTrust } from './kyverno-policy.ts';

// The public-good instance's trusted root (cosign's testdata; provenance in test/fixtures/sigstore/PROVENANCE.md):
// it still lists the 2021 Fulcio CA (ended 2022-12-31) and a retired CT log before the current ones.
const pgi = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '../../../../test/fixtures/sigstore/cosign/trusted_root_pgi.json'),
    'utf8',
  ),
) as {
  certificateAuthorities: {
    certChain: { certificates: { rawBytes: string }[] };
    validFor: { end?: string };
  }[];
  tlogs: { publicKey: { rawBytes: string } }[];
  ctlogs: { publicKey: { rawBytes: string; validFor: { end?: string } } }[];
};
const body = (pem: string) => pem.replace(/-----[A-Z ]+-----|\n/g, '');

describe('kyvernoTrust', () => {
  it('takes only what is valid now: the current CA chain, the Rekor key, the current CT log', () => {
    const trust = kyvernoTrust(pgi, 'https://rekor.sigstore.dev', new Date('2026-11-29T00:00:00Z'));
    const [retired, current] = pgi.certificateAuthorities;
    expect(trust.roots).not.toContain((retired?.certChain.certificates[0]?.rawBytes ?? '').slice(0, 60));
    const currentChain = (current?.certChain.certificates ?? []).map((c) => c.rawBytes).join('');
    expect(body(trust.roots)).toBe(currentChain);
    expect(body(trust.rekorPublicKey)).toBe(pgi.tlogs[0]?.publicKey.rawBytes);
    const ct = pgi.ctlogs.filter((c) => c.publicKey.validFor.end === undefined).at(-1);
    expect(body(trust.ctlogPublicKey ?? '')).toBe(ct?.publicKey.rawBytes);
  });

  it('in 2022, before the old CA ended, both chains are trusted', () => {
    const trust = kyvernoTrust(pgi, undefined, new Date('2022-06-01T00:00:00Z'));
    expect(trust.roots.match(/BEGIN CERTIFICATE/g)).toHaveLength(3);
  });

  it('refuses a root with no current authority (TRUSTED_ROOT_NOT_CURRENT), naming no input', () => {
    const expired = { ...pgi, certificateAuthorities: pgi.certificateAuthorities.slice(0, 1) };
    expect(() => kyvernoTrust(expired, undefined, new Date('2026-11-29T00:00:00Z'))).toThrow(
      ConfigurationError,
    );
    let refused: unknown;
    try {
      kyvernoTrust({}, undefined);
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ code: 'TRUSTED_ROOT_NOT_CURRENT', input: undefined });
  });

  it('puts the keys where the Kyverno attestor reads them', () => {
    const trust = kyvernoTrust(pgi, 'https://rekor.sigstore.dev', new Date('2026-11-29T00:00:00Z'));
    const policy = kyvernoPolicy({
      image: ImageReference.parse('ghcr.io/acme/app'),
      kind: 'Cosign',
      identity: 'https://github.com/acme/app/.github/workflows/release.yml@refs/heads/main',
      issuer: 'https://token.actions.githubusercontent.com',
      rekorUrl: 'https://rekor.sigstore.dev',
      trust,
    }) as {
      spec: {
        rules: { verifyImages: { attestors: { entries: { keyless: Record<string, unknown> }[] }[] }[] }[];
      };
    };
    const keyless = policy.spec.rules[0]?.verifyImages[0]?.attestors[0]?.entries[0]?.keyless;
    expect(keyless).toMatchObject({
      roots: trust.roots,
      rekor: { url: 'https://rekor.sigstore.dev', pubkey: trust.rekorPublicKey },
      ctlog: { pubkey: trust.ctlogPublicKey },
    });
  });
});
