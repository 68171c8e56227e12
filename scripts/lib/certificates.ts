import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** A new P-256 key, unencrypted. */
export const NEW_EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

export function openssl(dir: string, args: string[]): void {
  execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
}

/** A P-256 key and a self-signed certificate valid for two days: `<name>.key` and `<name>.pem` in `dir`. */
export function selfSignedEc(
  dir: string,
  name: string,
  subject: string,
): { keyFile: string; certFile: string } {
  openssl(dir, [
    'req',
    '-x509',
    ...NEW_EC_KEY,
    '-keyout',
    `${name}.key`,
    '-out',
    `${name}.pem`,
    '-days',
    '2',
    '-subj',
    subject,
  ]);
  return { keyFile: join(dir, `${name}.key`), certFile: join(dir, `${name}.pem`) };
}
