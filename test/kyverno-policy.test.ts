// Rendered admission policies are validated against Kyverno's own CRD schemas (v1.19 line): ClusterPolicy
// (kyverno.io/v1) and ImageValidatingPolicy (policies.kyverno.io/v1).
import {
  ImageReference,
  imageValidatingPolicy,
  kyvernoPoliciesYaml,
  kyvernoPolicy,
  kyvernoPolicyYaml,
  POLICY_ATTESTATION_TYPES,
  registryPrefix,
} from '@chain/core';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import {
  validClusterPolicy as valid,
  validateClusterPolicy as validate,
  validateImageValidatingPolicy,
  validImageValidatingPolicy as validIvp,
} from './helpers/kyverno.ts';

const image = ImageReference.parse('ghcr.io/acme/app');
const identity = 'https://github.com/acme/app/.github/workflows/publish.yml@refs/heads/main';
const issuer = 'https://token.actions.githubusercontent.com';
const PUBLIC_KEY = '-----BEGIN PUBLIC KEY-----\nMFkw...\n-----END PUBLIC KEY-----\n';

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
    expect(JSON.stringify(doc)).toContain('"subjectRegExp":"^(?:https://github.com/acme/.*)$"');
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

  it.each(['Cosign', 'SigstoreBundle'] as const)(
    '%s: both kinds bind the source repository (additionalExtensions.githubWorkflowRepository), CRD-valid',
    (kind) => {
      const options = { image, kind, identity, issuer, sourceRepository: 'https://github.com/acme/app' };
      const cpol = kyvernoPolicy(options);
      expect(valid(cpol)).toBe(true);
      const ivp = imageValidatingPolicy(options);
      expect(validIvp(ivp)).toBe(true);
      for (const doc of [cpol, ivp])
        expect(JSON.stringify(doc)).toContain(
          '"additionalExtensions":{"githubWorkflowRepository":"acme/app"}',
        );
      expect(JSON.stringify(kyvernoPolicy({ image, kind, identity, issuer }))).not.toContain(
        'additionalExtensions',
      );
    },
  );

  it('refuses a keyless policy without identity or issuer', () => {
    expect(() => kyvernoPolicy({ image, kind: 'Cosign', issuer })).toThrow(/needs the signer identity/);
    expect(() => kyvernoPolicy({ image, kind: 'Cosign', identity })).toThrow(/needs the OIDC issuer/);
  });
});

describe('admission policies with attestations and the registry-origin rule', () => {
  const attestations = {
    required: ['provenance', 'sbom', 'vuln'] as const,
    builderId: identity,
    sourceRepository: 'https://github.com/acme/app',
    denySeverities: ['CRITICAL', 'HIGH'] as const,
  };
  const registries = ['ghcr.io/acme', 'registry.example.com:5000/team/'];
  const keyless = { image, kind: 'Cosign' as const, identity, issuer, attestations, registries };
  const keyed = { image, kind: 'Cosign' as const, publicKey: PUBLIC_KEY, attestations, registries };
  type Rule = { verifyImages?: { attestations?: Record<string, unknown>[] }[]; validate?: unknown };
  const rules = (doc: Record<string, unknown>) => (doc.spec as { rules: Rule[] }).rules;
  type Ivp = { spec: Record<string, unknown> & { validations: { expression: string }[] } };

  it.each([
    ['keyless', keyless],
    ['key', keyed],
  ] as const)(
    'ClusterPolicy (%s): one attestation entry per predicate type, same attestor, valid',
    (_, options) => {
      const doc = parse(kyvernoPolicyYaml(options)) as Record<string, unknown>;
      expect(valid(doc)).toBe(true);
      const verify = rules(doc)[0]?.verifyImages?.[0] as {
        attestors: unknown;
        attestations: { type: string; attestors: unknown; conditions?: unknown }[];
      };
      expect(verify.attestations.map((a) => a.type)).toEqual(Object.values(POLICY_ATTESTATION_TYPES));
      for (const a of verify.attestations) expect(a.attestors).toEqual(verify.attestors);
      expect(verify.attestations[0]?.conditions).toEqual([
        {
          all: [
            expect.objectContaining({
              key: '{{ runDetails.builder.id }}',
              operator: 'Equals',
              value: identity,
            }),
            expect.objectContaining({
              key: '{{ buildDefinition.externalParameters.workflow.repository }}',
              value: 'https://github.com/acme/app',
            }),
          ],
        },
      ]);
      // Each Trivy finding list of every Result: vulnerabilities, secrets, misconfigurations.
      expect(verify.attestations[2]?.conditions).toEqual([
        {
          all: ['Vulnerabilities', 'Secrets', 'Misconfigurations'].map((list) =>
            expect.objectContaining({
              key: `{{ scanner.result.Results[].${list}[].Severity || \`[]\` }}`,
              operator: 'AllNotIn',
              value: ['CRITICAL', 'HIGH'],
            }),
          ),
        },
      ]);
      expect(kyvernoPolicyYaml(options)).not.toMatch(/[&*]a\d/); // no YAML anchors/aliases
    },
  );

  it('ClusterPolicy: the registry-origin rule covers containers, init and ephemeral containers; prefixes end in /', () => {
    const rule = rules(kyvernoPolicy(keyless))[1];
    const pattern = 'ghcr.io/acme/* | registry.example.com:5000/team/*';
    expect(rule).toMatchObject({
      name: 'allowed-registries',
      validate: {
        failureAction: 'Enforce',
        pattern: {
          spec: {
            containers: [{ image: pattern }],
            '=(initContainers)': [{ image: pattern }],
            '=(ephemeralContainers)': [{ image: pattern }],
          },
        },
      },
    });
    expect(rules(kyvernoPolicy({ ...keyless, registries: [] }))).toHaveLength(1);
  });

  it.each([
    ['keyless', keyless],
    ['key', keyed],
  ] as const)(
    'ImageValidatingPolicy (%s) is valid against the v1 CRD and says the same in CEL',
    (_, options) => {
      const doc = imageValidatingPolicy(options) as Ivp;
      expect(validIvp(doc)).toBe(true);
      expect(doc).toMatchObject({ apiVersion: 'policies.kyverno.io/v1', kind: 'ImageValidatingPolicy' });
      expect(doc.spec.attestations).toEqual([
        { name: 'provenance', intoto: { type: 'https://slsa.dev/provenance/v1' } },
        { name: 'sbom', intoto: { type: 'https://cyclonedx.org/bom' } },
        { name: 'vuln', intoto: { type: 'https://cosign.sigstore.dev/attestation/vuln/v1' } },
      ]);
      const cel = doc.spec.validations.map((v) => v.expression);
      expect(cel[0]).toContain('verifyImageSignatures(image, [attestors.signer]) > 0');
      for (const kind of ['provenance', 'sbom', 'vuln'])
        expect(cel).toContainEqual(
          expect.stringContaining(
            `verifyAttestationSignatures(image, attestations.${kind}, [attestors.signer]) > 0`,
          ),
        );
      // Each condition comes after the verification of its attestation (extractPayload reads what was verified).
      const verified = cel.findIndex((e) => e.includes('attestations.provenance, ['));
      const condition = cel.findIndex((e) => e.includes('runDetails.?builder.?id'));
      expect(condition).toBeGreaterThan(verified);
      expect(cel.join('\n')).toContain(`== '${identity}'`);
      expect(cel.join('\n')).toContain("in ['CRITICAL', 'HIGH']");
      expect(cel.at(-1)).toContain("['ghcr.io/acme/', 'registry.example.com:5000/team/']");
    },
  );

  it('CEL string literals cannot be ended by a value', () => {
    const doc = imageValidatingPolicy({
      ...keyed,
      attestations: { required: ['provenance'], builderId: "x' || true || '" },
    }) as Ivp;
    expect(doc.spec.validations.map((v) => v.expression).join('\n')).toContain("== 'x\\' || true || \\''");
  });

  it('both kinds in one file: two YAML documents, each valid against its CRD', () => {
    const docs = parseAllDocuments(
      kyvernoPoliciesYaml(keyless, ['ClusterPolicy', 'ImageValidatingPolicy']),
    ).map((d) => d.toJSON() as Record<string, unknown>);
    expect(docs.map((d) => d.kind)).toEqual(['ClusterPolicy', 'ImageValidatingPolicy']);
    expect(valid(docs[0])).toBe(true);
    expect(validIvp(docs[1])).toBe(true);
  });

  it.each<[string, (spec: Record<string, unknown>) => void]>([
    ['no validations', (s) => delete s.validations],
    ['no attestors', (s) => delete s.attestors],
    ['an unknown validation action', (s) => (s.validationActions = ['Block'])],
    ['an attestor that is neither cosign nor notary', (s) => (s.attestors = [{ name: 'signer' }])],
    [
      'an in-toto attestation without its predicate type',
      (s) => (s.attestations = [{ name: 'x', intoto: {} }]),
    ],
    ['a match that is neither glob nor expression', (s) => (s.matchImageReferences = [{}])],
    ['an expression that is not a string', (s) => (s.validations = [{ expression: 1 }])],
  ])('the ImageValidatingPolicy schema check is real: %s is rejected', (_, mutate) => {
    const doc = structuredClone(imageValidatingPolicy(keyed)) as Ivp;
    mutate(doc.spec);
    expect(validateImageValidatingPolicy(doc)).toBe(false);
  });

  it.each<[string, (rule: Record<string, unknown>) => void]>([
    [
      'an attestation without attestors entries',
      (r) => (r.attestations = [{ type: 'x', attestors: [{ entries: 'x' }] }]),
    ],
    ['conditions that are not a list', (r) => (r.attestations = [{ type: 'x', conditions: { all: [] } }])],
  ])('the ClusterPolicy schema check is real: %s is rejected', (_, mutate) => {
    const doc = structuredClone(kyvernoPolicy(keyed)) as {
      spec: { rules: { verifyImages: Record<string, unknown>[] }[] };
    };
    const rule = doc.spec.rules[0]?.verifyImages[0];
    if (rule) mutate(rule);
    expect(validate(doc)).toBe(false);
  });

  it('refuses a registry prefix with a wildcard or upper case, naming the input', () => {
    for (const bad of ['ghcr.io/*', 'GHCR.io/acme', 'ghcr.io/acme | evil.io', ''])
      expect(() => registryPrefix(bad)).toThrow(/Input "policy-registries"/);
    expect(registryPrefix('localhost:5000/a/b/')).toBe('localhost:5000/a/b/');
  });

  it('refuses a vuln condition with no severity', () => {
    expect(() =>
      kyvernoPolicy({ ...keyed, attestations: { required: ['vuln'], denySeverities: [] } }),
    ).toThrow(/at least one severity/);
  });
});
