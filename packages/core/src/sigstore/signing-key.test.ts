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

/** What loadSigningKey threw (it names no input: the action that read the key does). */
function refusal(text: string, password: string | undefined): unknown {
  try {
    loadSigningKey(text, password);
  } catch (error) {
    return error;
  }
  throw new Error('the key was accepted');
}

describe('signing keys', () => {
  it('decrypts a real cosign key file and signs what its public key verifies', async () => {
    const key = loadSigningKey(COSIGN_KEY, '');
    expect(key.publicKeyPem).toMatch(/^-----BEGIN PUBLIC KEY-----/);
    const data = Buffer.from('payload');
    const { signature, key: material } = await keySigner(key).sign(data);
    expect(material).toEqual({ $case: 'publicKey', publicKey: key.publicKeyPem });
    expect(verify('sha256', data, createPublicKey(key.publicKeyPem), signature)).toBe(true);
  });

  it('refuses a wrong password (KEY_PASSWORD_WRONG), naming no input', () => {
    expect(refusal(COSIGN_KEY, 'wrong')).toMatchObject({ code: 'KEY_PASSWORD_WRONG', input: undefined });
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
    expect(refusal(encrypted, 'nope')).toMatchObject({ code: 'KEY_PASSWORD_WRONG' });
    expect(refusal(encrypted, undefined)).toMatchObject({ code: 'KEY_PASSWORD_REQUIRED', input: undefined });
  });

  it('refuses keys other than ECDSA P-256, corrupt files and hostile scrypt parameters', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    expect(refusal(rsa.toString(), undefined)).toMatchObject({
      code: 'KEY_ALGORITHM_UNSUPPORTED',
      expected: 'ec prime256v1',
      actual: 'rsa',
    });
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    expect(refusal(p384.toString(), undefined)).toMatchObject({
      code: 'KEY_ALGORITHM_UNSUPPORTED',
      actual: 'ec secp384r1',
    });
    expect(refusal('not a key', undefined)).toMatchObject({ code: 'KEY_NOT_PEM', input: undefined });
    const publicPem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      .publicKey.export({ format: 'pem', type: 'spki' })
      .toString();
    expect(refusal(publicPem, undefined)).toMatchObject({
      code: 'KEY_TYPE_UNSUPPORTED',
      actual: 'PUBLIC KEY',
    });
    expect(refusal('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----', undefined)).toMatchObject({
      code: 'KEY_CORRUPT',
    });
    const hostile = Buffer.from(
      JSON.stringify({
        kdf: { name: 'scrypt', params: { N: 2 ** 30, r: 8, p: 1 }, salt: 'AA==' },
        cipher: { name: 'nacl/secretbox', nonce: 'AA==' },
        ciphertext: 'AA==',
      }),
    ).toString('base64');
    expect(
      refusal(
        `-----BEGIN ENCRYPTED SIGSTORE PRIVATE KEY-----\n${hostile}\n-----END ENCRYPTED SIGSTORE PRIVATE KEY-----`,
        '',
      ),
    ).toMatchObject({ code: 'KEY_SCRYPT_OUT_OF_RANGE', actual: 'N=1073741824 r=8 p=1' });
    const aes = Buffer.from(
      JSON.stringify({ kdf: { name: 'pbkdf2' }, cipher: { name: 'aes-gcm' }, ciphertext: 'AA==' }),
    ).toString('base64');
    expect(
      refusal(
        `-----BEGIN ENCRYPTED COSIGN PRIVATE KEY-----\n${aes}\n-----END ENCRYPTED COSIGN PRIVATE KEY-----`,
        '',
      ),
    ).toMatchObject({
      code: 'KEY_ENCRYPTION_UNSUPPORTED',
      expected: 'scrypt + nacl/secretbox',
      actual: 'kdf pbkdf2, cipher aes-gcm',
    });
    expect(
      refusal(
        '-----BEGIN ENCRYPTED COSIGN PRIVATE KEY-----\nbm90IGEga2V5\n-----END ENCRYPTED COSIGN PRIVATE KEY-----',
        '',
      ),
    ).toMatchObject({ code: 'KEY_CORRUPT' });
  });
});
