import {
  ATTESTED_LINKS,
  type AttestedLink,
  defineOutputs,
  InvalidValueError,
  inputs,
  ociInputs,
  parseList,
  signerSpec,
} from '@chain/core/entry';

/** `provenance,sbom,vuln`, any subset, or `none` (the signature alone). */
function requiredLinks(raw: string): AttestedLink[] {
  const items = parseList(raw);
  if (items.length === 0) throw new InvalidValueError('lists no item; give provenance, sbom, vuln or none');
  if (items.length === 1 && items[0] === 'none') return [];
  return [
    ...new Set(
      items.map((item) => {
        const link = ATTESTED_LINKS.find((l) => l === item);
        if (link === undefined)
          throw new InvalidValueError(
            `lists "${item}"; each item must be one of ${ATTESTED_LINKS.join(', ')} (or the single word none)`,
          );
        return link;
      }),
    ),
  ];
}

export const spec = {
  image: ociInputs.reference().required('the image, e.g. ghcr.io/org/app:latest or ghcr.io/org/app@sha256:…'),
  ...signerSpec,
  'trusted-root': inputs.path({ allowOutsideWorkspace: true, mustExist: 'file' }).optional(),
  require: inputs.custom('links', requiredLinks).default('provenance,sbom,vuln'),
  'auth-file': inputs.path({ allowOutsideWorkspace: true, mustExist: 'file' }).optional(),
  'tls-verify': inputs.boolean().default('true'),
} as const;

export const outputs = defineOutputs(['digest', 'custody']);
