import { X509Certificate } from '@sigstore/core';
import { ConfigurationError } from '../action/errors.ts';

/**
 * Fulcio's certificate extensions that say where a keyless signature was made (fulcio
 * docs/oid-info.md, arc 1.3.6.1.4.1.57264.1). For GitHub Actions they come from the job's OIDC token:
 * the repository and commit it ran on, the (reusable) workflow that signed, the run.
 */
export const FULCIO_OID = {
  issuer: '1.3.6.1.4.1.57264.1.8',
  buildSignerURI: '1.3.6.1.4.1.57264.1.9',
  buildSignerDigest: '1.3.6.1.4.1.57264.1.10',
  runnerEnvironment: '1.3.6.1.4.1.57264.1.11',
  sourceRepositoryURI: '1.3.6.1.4.1.57264.1.12',
  sourceRepositoryDigest: '1.3.6.1.4.1.57264.1.13',
  sourceRepositoryRef: '1.3.6.1.4.1.57264.1.14',
  buildConfigURI: '1.3.6.1.4.1.57264.1.18',
  buildTrigger: '1.3.6.1.4.1.57264.1.20',
  runInvocationURI: '1.3.6.1.4.1.57264.1.21',
} as const;

export type FulcioClaim = keyof typeof FULCIO_OID;

/** The signing certificate's identity (SAN) and the Fulcio extensions it carries. */
export interface CertificateClaims extends Partial<Record<FulcioClaim, string>> {
  subject: string | undefined;
}

/**
 * The leaf certificate of a Sigstore bundle (v0.3 `certificate`, older `x509CertificateChain`), read for
 * its claims. Undefined for a key-based bundle. Call it on a bundle that verified: nothing here checks it.
 */
export function certificateClaims(bundleJson: unknown): CertificateClaims | undefined {
  const material = (
    bundleJson as {
      verificationMaterial?: {
        certificate?: { rawBytes?: unknown };
        x509CertificateChain?: { certificates?: { rawBytes?: unknown }[] };
      };
    } | null
  )?.verificationMaterial;
  const rawBytes =
    material?.certificate?.rawBytes ?? material?.x509CertificateChain?.certificates?.[0]?.rawBytes;
  if (typeof rawBytes !== 'string') return undefined;
  const raw = Buffer.from(rawBytes, 'base64');
  const cert = X509Certificate.parse(Buffer.from(raw));
  const claims: CertificateClaims = { subject: cert.subjectAltName };
  for (const [name, oid] of Object.entries(FULCIO_OID) as [FulcioClaim, string][]) {
    const ext = cert.extension(oid);
    if (ext === undefined) continue;
    // From .8 on, each value is a DER UTF8String inside the extension's OCTET STRING.
    const inner = ext.valueObj.subs[0];
    claims[name] = (inner === undefined ? ext.value : inner.value).toString('utf8');
  }
  return claims;
}

/**
 * `owner/repo` of a repository URL (https://github.com/owner/repo): what Fulcio's GitHub Workflow Repository
 * extension (1.3.6.1.4.1.57264.1.5) holds, and what cosign's --certificate-github-workflow-repository and
 * Kyverno's `githubWorkflowRepository` compare against.
 */
export function githubWorkflowRepository(sourceRepository: string): string {
  const match = /^https:\/\/[^/\s]+\/([^/\s]+\/[^/\s]+)$/.exec(sourceRepository);
  if (match?.[1] === undefined)
    throw new ConfigurationError(
      `the source repository "${sourceRepository}" is not a repository URL (https://host/owner/repo)`,
    );
  return match[1];
}
