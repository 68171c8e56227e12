/**
 * A PEM block of DER bytes, given as bytes or as base64 (as Sigstore's JSON and cosign's annotations carry
 * them): the base64 of the bytes in lines of 64, between the BEGIN and END lines of `label`.
 */
export function pem(label: string, der: Buffer | string): string {
  const base64 = (typeof der === 'string' ? Buffer.from(der, 'base64') : der).toString('base64');
  return `-----BEGIN ${label}-----\n${(base64.match(/.{1,64}/g) ?? []).join('\n')}\n-----END ${label}-----\n`;
}

/** The base64 body of a PEM block of `label` (no lines, no whitespace). */
export function pemBody(label: string, text: string): string {
  return text.replace(new RegExp(`-----(BEGIN|END) ${label}-----`, 'g'), '').replace(/\s+/g, '');
}
