// What the step reports once everything verified: where each signature and attestation is stored, and
// the job summary. Pure: run passes the facts.
import { JobSummary, type SignedImage, type StoredAttestation } from '@chain/core';
import type { CheckedSigner } from './self-check.ts';

export function signatureRefs(signed: SignedImage, repository: string): { format: string; ref: string }[] {
  const refs: { format: string; ref: string }[] = [];
  if (signed.classic) refs.push({ format: 'classic', ref: `${repository}:${signed.classic.tag}` });
  if (signed.bundle) {
    refs.push({ format: 'bundle', ref: `${repository}@${signed.bundle.manifestDigest}` });
    if (signed.bundle.fallbackTag)
      refs.push({ format: 'referrers-fallback', ref: `${repository}:${signed.bundle.fallbackTag}` });
  }
  return refs;
}

/** The `attestations` output: kind → predicate type and where each attestation was stored. */
export function attestationRefs(stored: readonly StoredAttestation[], repository: string) {
  const out: Record<
    string,
    { predicateType: string; refs: { format: string; ref: string; platform?: string }[] }
  > = {};
  for (const a of stored) {
    const entry = out[a.kind] ?? { predicateType: a.predicateType, refs: [] };
    out[a.kind] = entry;
    const platform = a.platform === undefined ? {} : { platform: a.platform };
    if (a.classic) entry.refs.push({ format: 'classic', ref: `${repository}:${a.classic.tag}`, ...platform });
    if (a.bundle)
      entry.refs.push({ format: 'bundle', ref: `${repository}@${a.bundle.manifestDigest}`, ...platform });
  }
  return out;
}

export interface SignReport {
  /** repo@digest */
  reference: string;
  digest: string;
  /** The key's public PEM (signed with a key), else keyless. */
  publicKeyPem: string | undefined;
  signer: CheckedSigner;
  rekorURL: string;
  logIndex: string;
  tsaURL: string | undefined;
  onGitHub: readonly { kind: string; id: number }[];
  refs: readonly { format: string; ref: string }[];
  verifyCommand: string;
  warning: string | undefined;
}

export function signSummary(report: SignReport): JobSummary {
  const { signer, publicKeyPem } = report;
  const summary = new JobSummary()
    .heading('cosign-sign')
    .verdict(true, `Signed and verified ${report.reference}`)
    .facts([
      ['digest', { text: report.digest, code: true }],
      ['signer', publicKeyPem ? 'key (ECDSA P-256)' : { text: signer.identity ?? '', code: true }],
      ...(signer.issuer ? [['issuer', { text: signer.issuer, code: true }] as const] : []),
      ['Rekor', `${report.rekorURL} log index ${report.logIndex}`],
      ...(report.tsaURL ? [['timestamp authority', report.tsaURL] as const] : []),
      ...(report.onGitHub.length > 0
        ? [['GitHub attestations', report.onGitHub.map((a) => `${a.kind} #${a.id}`).join(', ')] as const]
        : []),
    ])
    .table(
      ['format', 'stored at'],
      report.refs.map((r) => [r.format, { text: r.ref, code: true }]),
    )
    .paragraph('Verify it yourself:')
    .code(report.verifyCommand);
  if (publicKeyPem !== undefined) summary.paragraph('Public key:').code(publicKeyPem);
  if (report.warning !== undefined) summary.warning(report.warning);
  return summary;
}
