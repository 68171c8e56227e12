import { stringify } from 'yaml';
import {
  type KyvernoPolicyOptions,
  keylessIdentity,
  kyvernoPolicy,
  sourceExtensions,
} from './kyverno-policy.ts';
import {
  type AttestationRequirements,
  celString,
  denySeverities,
  POLICY_ATTESTATION_TYPES,
  type PolicyAttestation,
  policyName,
  registryPrefix,
  TRIVY_FINDING_LISTS,
} from './kyverno-requirements.ts';

/** The Kyverno policy kinds cosign-sign writes. */
export type KyvernoPolicyKind = 'ClusterPolicy' | 'ImageValidatingPolicy';

/** The served, non-deprecated version the Kyverno docs write (v1 and v1beta1 schemas are identical in 1.19). */
export const IMAGE_VALIDATING_POLICY_API = 'policies.kyverno.io/v1';

/** Every image of the Pod that matchImageReferences selected (containers, init and ephemeral). */
const IMAGES = '(images.containers + images.initContainers + images.ephemeralContainers)';
const ATTESTOR = 'signer';

/** The `cosign` attestor: key or keyless identity, with the private Sigstore's keys and root when given. */
function cosignAttestor(options: KyvernoPolicyOptions): Record<string, unknown> {
  const { trust } = options;
  const ctlog = {
    url: options.rekorUrl ?? 'https://rekor.sigstore.dev',
    ...(trust ? { rekorPubKey: trust.rekorPublicKey } : {}),
    ...(trust?.ctlogPublicKey ? { ctLogPubKey: trust.ctlogPublicKey } : {}),
    ...(trust && !trust.ctlogPublicKey ? { insecureIgnoreSCT: true } : {}),
  };
  const trustedRoot = trust?.trustedRoot ? { trustedRoot: { value: trust.trustedRoot } } : {};
  if (options.publicKey !== undefined) {
    return { key: { data: options.publicKey }, ctlog, ...trustedRoot };
  }
  const { identity, identityRegExp, issuer } = keylessIdentity(options);
  return {
    keyless: {
      identities: [
        { issuer, ...(identity !== undefined ? { subject: identity } : { subjectRegExp: identityRegExp }) },
      ],
      // Valid in the CRD, but Kyverno 1.19's ImageValidatingPolicy verifier does not read it (cosign-sign warns).
      ...sourceExtensions(options.sourceRepository),
      ...(trust ? { roots: trust.roots } : {}),
    },
    ctlog,
    ...trustedRoot,
  };
}

/** The CEL condition (over the verified statement's predicate) one attestation must meet, if any. */
function predicateCondition(
  kind: PolicyAttestation,
  requirements: AttestationRequirements,
): { expression: string; message: string } | undefined {
  const predicate = `extractPayload(image, attestations.${kind}).predicate`;
  switch (kind) {
    case 'provenance': {
      const checks = [
        ...(requirements.builderId === undefined
          ? []
          : [`${predicate}.?runDetails.?builder.?id.orValue('') == ${celString(requirements.builderId)}`]),
        ...(requirements.sourceRepository === undefined
          ? []
          : [
              `${predicate}.?buildDefinition.?externalParameters.?workflow.?repository.orValue('') == ${celString(requirements.sourceRepository)}`,
            ]),
      ];
      if (checks.length === 0) return undefined;
      return {
        expression: `${IMAGES}.all(image, ${checks.join(' && ')})`,
        message: `the provenance does not name builder ${requirements.builderId ?? '(any)'} and source ${requirements.sourceRepository ?? '(any)'}`,
      };
    }
    case 'sbom':
      return {
        expression: `${IMAGES}.all(image, ${predicate}.?bomFormat.orValue('') == 'CycloneDX')`,
        message: 'the SBOM attestation is not a CycloneDX document',
      };
    case 'vuln': {
      const severities = denySeverities(requirements);
      const denied = `[${severities.map(celString).join(', ')}]`;
      return {
        expression:
          `${IMAGES}.all(image, ${predicate}.?scanner.?result.?Results.orValue([]).all(r, ` +
          TRIVY_FINDING_LISTS.map(
            (list) => `r.?${list}.orValue([]).all(v, !(v.?Severity.orValue('') in ${denied}))`,
          ).join(' && ') +
          '))',
        message: `the vulnerability scan has findings of severity ${severities.join(' or ')}`,
      };
    }
  }
}

/** The validations in order: the signature, each attestation verified, then its condition (extractPayload reads what was verified). */
function validations(options: KyvernoPolicyOptions): { expression: string; message: string }[] {
  const requirements = options.attestations ?? { required: [] };
  const out = [
    {
      expression: `${IMAGES}.all(image, verifyImageSignatures(image, [attestors.${ATTESTOR}]) > 0)`,
      message: `${options.image.name} is not signed by the expected signer`,
    },
  ];
  for (const kind of requirements.required) {
    out.push({
      expression: `${IMAGES}.all(image, verifyAttestationSignatures(image, attestations.${kind}, [attestors.${ATTESTOR}]) > 0)`,
      message: `${options.image.name} has no ${kind} attestation (${POLICY_ATTESTATION_TYPES[kind]}) signed by the expected signer`,
    });
    const condition = predicateCondition(kind, requirements);
    if (condition !== undefined) out.push(condition);
  }
  if (options.registries?.length) out.push(registryValidation(options.registries));
  return out;
}

/** The registry-origin rule over every image of the Pod (`object`, not `images`: those are only this repository's). */
function registryValidation(registries: readonly string[]): { expression: string; message: string } {
  const prefixes = registries.map((r) => registryPrefix(r));
  return {
    expression:
      '[object.spec.containers, object.spec.?initContainers.orValue([]), object.spec.?ephemeralContainers.orValue([])]' +
      `.all(list, list.all(c, [${prefixes.map(celString).join(', ')}].exists(p, c.image.startsWith(p))))`,
    message: `images must come from ${prefixes.join(', ')}`,
  };
}

/**
 * A Kyverno ImageValidatingPolicy (policies.kyverno.io/v1, the current kind): the same signer, attestations,
 * conditions and registry-origin rule as the ClusterPolicy, in CEL.
 */
export function imageValidatingPolicy(options: KyvernoPolicyOptions): Record<string, unknown> {
  const { image } = options;
  const required = options.attestations?.required ?? [];
  return {
    apiVersion: IMAGE_VALIDATING_POLICY_API,
    kind: 'ImageValidatingPolicy',
    metadata: {
      name: policyName('verify', image.repository),
      annotations: {
        'policies.kyverno.io/title': `Verify signatures of ${image.name}`,
        'policies.kyverno.io/description':
          `Admit ${image.name} images only when signed by the expected signer` +
          (required.length > 0 ? ` and attested (${required.join(', ')}) by it.` : '.'),
      },
    },
    spec: {
      webhookConfiguration: { timeoutSeconds: 30 },
      failurePolicy: 'Fail',
      validationActions: [options.failureAction === 'Audit' ? 'Audit' : 'Deny'],
      matchConstraints: {
        resourceRules: [
          { apiGroups: [''], apiVersions: ['v1'], operations: ['CREATE', 'UPDATE'], resources: ['pods'] },
        ],
      },
      matchImageReferences: [{ glob: image.name }, { glob: `${image.name}:*` }, { glob: `${image.name}@*` }],
      validationConfigurations: { mutateDigest: true, verifyDigest: true, required: true },
      attestors: [{ name: ATTESTOR, cosign: cosignAttestor(options) }],
      ...(required.length > 0
        ? {
            attestations: required.map((kind) => ({
              name: kind,
              intoto: { type: POLICY_ATTESTATION_TYPES[kind] },
            })),
          }
        : {}),
      validations: validations(options),
    },
  };
}

/** The chosen kinds as one multi-document YAML (kubectl apply -f takes it as is). */
export function kyvernoPoliciesYaml(
  options: KyvernoPolicyOptions,
  kinds: readonly KyvernoPolicyKind[],
): string {
  return kinds
    .map((kind) =>
      stringify(kind === 'ClusterPolicy' ? kyvernoPolicy(options) : imageValidatingPolicy(options), {
        lineWidth: 0,
        aliasDuplicateObjects: false,
      }),
    )
    .join('---\n');
}
