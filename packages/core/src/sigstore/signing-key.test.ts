import { createPublicKey, generateKeyPairSync, randomBytes, scryptSync, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { secretbox } from '@noble/ciphers/salsa.js';
import { describe, expect, it } from 'vitest';
import { keySigner, loadSigningKey } from './signing-key.ts';

// A key made by `cosign generate-key-pair` with an empty password (published test data, see PROVENANCE.md).
const COSIGN_KEY = readFileSync(
  join(import.meta.dirname, '../../../../test/fixtures/sigstore/cosign-keys/conforma-empty-password.key'),
  'utf8',
);

/** Encrypts a PKCS#8 key the way cosign does (scrypt N=2^15 here to keep the test quick). */
function cosignEncrypt(der: Buffer, password: string, type = 'ENCRYPTED SIGSTORE PRIVATE KEY'): string {
  const salt = randomBytes(32);
  const nonce = randomBytes(24);
  const key = scryptSync(password, salt, 32, { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  const body = JSON.stringify({
    kdf: { name: 'scrypt', params: { N: 2 ** 15, r: 8, p: 1 }, salt: salt.toString('base64') },
    cipher: { name: 'nacl/secretbox', nonce: nonce.toString('base64') },
    ciphertext: Buffer.from(secretbox(key, nonce).seal(der)).toString('base64'),
  });
  const lines =
    Buffer.from(body)
      .toString('base64')
      .match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${type}-----\n${lines.join('\n')}\n-----END ${type}-----\n`;
}

const ec = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

describe('signing keys', () => {
  it('decrypts a real cosign key file and signs what its public key verifies', async () => {
    const key = loadSigningKey(COSIGN_KEY, '');
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const data = Buffer.from('payload');
    const { signature, key: material } = await keySigner(key).sign(data);
    expect(material).toEqual({ $case: 'publicKey', publicKey: key.publicKeyPem });
    expect(verify('sha256', data, createPublicKey(key.publicKeyPem), signature)).toBe(true);
  });

  it('refuses a wrong password, naming key-password', () => {
    expect(() => loadSigningKey(COSIGN_KEY, 'wrong')).toThrow(/Input "key-password": it does not decrypt/);
  });

  it('reads password-protected cosign keys of both PEM types, PKCS#8 and SEC1', () => {
    const { privateKey, publicKey } = ec();
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    const spki = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    for (const type of ['ENCRYPTED SIGSTORE PRIVATE KEY', 'ENCRYPTED COSIGN PRIVATE KEY'])
      expect(loadSigningKey(cosignEncrypt(der, 's3cret', type), 's3cret').publicKeyPem).toBe(spki);
    expect(
      loadSigningKey(privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), undefined).publicKeyPem,
    ).toBe(spki);
    expect(
      loadSigningKey(privateKey.export({ format: 'pem', type: 'sec1' }).toString(), undefined).publicKeyPem,
    ).toBe(spki);
    const encrypted = privateKey
      .export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'pw' })
      .toString();
    expect(loadSigningKey(encrypted, 'pw').publicKeyPem).toBe(spki);
    expect(() => loadSigningKey(encrypted, 'nope')).toThrow(
      /Input "key-password": it does not decrypt the PKCS#8 key/,
    );
    expect(() => loadSigningKey(encrypted, undefined)).toThrow(/Input "key-password" is required/);
  });

  it('refuses keys other than ECDSA P-256, corrupt files and hostile scrypt parameters', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    expect(() => loadSigningKey(rsa.toString(), undefined)).toThrow(
      /only ECDSA P-256 keys are accepted \(this is rsa\)/,
    );
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    expect(() => loadSigningKey(p384.toString(), undefined)).toThrow(/this is ec secp384r1/);
    expect(() => loadSigningKey('not a key', undefined)).toThrow(/Input "key": not a PEM private key/);
    const hostile = Buffer.from(
      JSON.stringify({
        kdf: { name: 'scrypt', params: { N: 2 ** 30, r: 8, p: 1 }, salt: 'AA==' },
        cipher: { name: 'nacl/secretbox', nonce: 'AA==' },
        ciphertext: 'AA==',
      }),
    ).toString('base64');
    expect(() =>
      loadSigningKey(
        `-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n${hostile}\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----`,
        '',
      ),
    ).toThrow(/scrypt parameters N=1073741824 r=8 p=1 are out of range/);
    expect(() =>
      loadSigningKey(
        '-----BEGIN ENCRYPTED COSIGN PRIVATE KEY-----\nbm90IGEga2V5\n-----END ENCRYPTED COSIGN PRIVATE KEY-----',
        '',
      ),
    ).toThrow(/the cosign key file is corrupt/);
  });
});
