// Rendered admission policies are validated against Kyverno's own ClusterPolicy CRD schema (v1.19 line).
import { ImageReference, kyvernoPolicy, kyvernoPolicyYaml } from '@chain/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { validClusterPolicy as valid, validateClusterPolicy as validate } from './helpers/kyverno.ts';

const image = ImageReference.parse('ghcr.io/acme/app');
const identity = 'https://github.com/acme/app/.github/workflows/publish.yml@refs/heads/main';
const issuer = 'https://token.actions.githubusercontent.com';

describe('Kyverno admission policy', () => {
  it.each(['Cosign', 'SigstoreBundle'] as const)(
    '%s, keyless with an exact identity, is a valid ClusterPolicy',
    (kind) => {
      const doc = parse(kyvernoPolicyYaml({ image, kind, identity, issuer })) as ReturnType<
        typeof kyvernoPolicy
      >;
      expect(valid(doc)).toBe(true);
      const rule = (doc.spec as { rules: { verifyImages: Record<string, unknown>[] }[] }).rules[0]
        ?.verifyImages[0];
      expect(rule).toMatchObject({
        type: kind,
        imageReferences: ['ghcr.io/acme/app:*', 'ghcr.io/acme/app@*'],
        failureAction: 'Enforce',
        required: true,
      });
      expect(JSON.stringify(rule)).toContain(`"subject":"${identity}"`);
    },
  );

  it('anchors an identity regular expression', () => {
    const doc = kyvernoPolicy({
      image,
      kind: 'SigstoreBundle',
      identityRegExp: 'https://github.com/acme/.*',
      issuer,
    });
    expect(valid(doc)).toBe(true);
    expect(JSON.stringify(doc)).toContain('"subjectRegExp":"^https://github.com/acme/.*$"');
  });

  it('key-based policies are valid too', () => {
    expect(
      valid(
        kyvernoPolicy({
          image,
          kind: 'Cosign',
          publicKey: '-----BEGIN PUBLIC KEY-----\nMFkw...\n-----END PUBLIC KEY-----\n',
        }),
      ),
    ).toBe(true);
  });

  it('the schema check is real: a broken policy is rejected', () => {
    const doc = kyvernoPolicy({ image, kind: 'Cosign', identity, issuer }) as {
      spec: { rules: { verifyImages: { type: string }[] }[] };
    };
    const broken = structuredClone(doc);
    const rule = broken.spec.rules[0]?.verifyImages[0];
    if (rule) rule.type = 'Notarised';
    expect(validate(broken)).toBe(false);
  });

  it('refuses a keyless policy without identity or issuer', () => {
    expect(() => kyvernoPolicy({ image, kind: 'Cosign', issuer })).toThrow(/needs the signer identity/);
    expect(() => kyvernoPolicy({ image, kind: 'Cosign', identity })).toThrow(/needs the OIDC issuer/);
  });
});
