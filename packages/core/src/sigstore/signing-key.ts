import { createPrivateKey, createPublicKey, type KeyObject, scryptSync, sign } from 'node:crypto';
import { secretbox } from '@noble/ciphers/salsa.js';
import type { Signer } from '@sigstore/sign';
import { ConfigurationError } from '../action/errors.ts';

/**
 * A signing key: a cosign key file (`ENCRYPTED SIGSTORE PRIVATE KEY`, or the older
 * `ENCRYPTED COSIGN PRIVATE KEY`: scrypt-derived key, nacl/secretbox over PKCS#8 DER), a PKCS#8 PEM
 * (`PRIVATE KEY`, or `ENCRYPTED PRIVATE KEY` with the password), or a SEC1 `EC PRIVATE KEY`.
 * Only ECDSA P-256 is accepted: it is what cosign generates and what a `hashedrekord` SHA-256 entry
 * and every verifier (cosign, Kyverno) agree on.
 */
export interface SigningKey {
  privateKey: KeyObject;
  /** SPKI PEM of the public half: what `cosign verify --key` and Kyverno `publicKeys` take. */
  publicKeyPem: string;
}

const COSIGN_TYPES = new Set(['ENCRYPTED SIGSTORE PRIVATE KEY', 'ENCRYPTED COSIGN PRIVATE KEY']);

/**
 * What loadSigningKey refuses, by code. The key's password is at fault for the `KEY_PASSWORD_*` codes,
 * the key itself for the others; the action that read them names its inputs.
 */
export type SigningKeyCode =
  | 'KEY_NOT_PEM'
  | 'KEY_CORRUPT'
  | 'KEY_ENCRYPTION_UNSUPPORTED'
  | 'KEY_SCRYPT_OUT_OF_RANGE'
  | 'KEY_TYPE_UNSUPPORTED'
  | 'KEY_ALGORITHM_UNSUPPORTED'
  | 'KEY_PASSWORD_WRONG'
  | 'KEY_PASSWORD_REQUIRED';

function keyError(
  code: SigningKeyCode,
  message: string,
  details: { expected?: string; actual?: string } = {},
): ConfigurationError {
  return new ConfigurationError(message, { code, ...details });
}

interface CosignKeyFile {
  kdf?: { name?: string; params?: { N?: number; r?: number; p?: number }; salt?: string };
  cipher?: { name?: string; nonce?: string };
  ciphertext?: string;
}

function pemBlock(text: string): { type: string; body: Buffer } {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(text);
  if (match === null) {
    throw keyError('KEY_NOT_PEM', 'not a PEM private key (expected a cosign key file or a PKCS#8 PEM)');
  }
  return { type: match[1] ?? '', body: Buffer.from((match[2] ?? '').replace(/\s+/g, ''), 'base64') };
}

function decryptCosignKey(body: Buffer, password: string): Buffer {
  let file: CosignKeyFile;
  try {
    file = JSON.parse(body.toString('utf8')) as CosignKeyFile;
  } catch {
    throw keyError('KEY_CORRUPT', 'the cosign key file is corrupt (its body is not JSON)');
  }
  const { kdf, cipher, ciphertext } = file;
  const params = kdf?.params;
  if (
    kdf?.name !== 'scrypt' ||
    cipher?.name !== 'nacl/secretbox' ||
    typeof kdf.salt !== 'string' ||
    typeof cipher.nonce !== 'string' ||
    typeof ciphertext !== 'string' ||
    !Number.isInteger(params?.N) ||
    !Number.isInteger(params?.r) ||
    !Number.isInteger(params?.p)
  ) {
    const actual = `kdf ${kdf?.name ?? '?'}, cipher ${cipher?.name ?? '?'}`;
    throw keyError(
      'KEY_ENCRYPTION_UNSUPPORTED',
      `unsupported cosign key encryption (${actual}); expected scrypt + nacl/secretbox`,
      { expected: 'scrypt + nacl/secretbox', actual },
    );
  }
  const N = params?.N ?? 0;
  const r = params?.r ?? 0;
  const p = params?.p ?? 0;
  // Bounds keep a hostile key file from making scrypt allocate gigabytes.
  if (N < 2 ** 10 || N > 2 ** 20 || r < 1 || r > 32 || p < 1 || p > 16) {
    const actual = `N=${N} r=${r} p=${p}`;
    throw keyError('KEY_SCRYPT_OUT_OF_RANGE', `scrypt parameters ${actual} are out of range`, {
      expected: 'N=2^10..2^20 r=1..32 p=1..16',
      actual,
    });
  }
  const derived = scryptSync(password, Buffer.from(kdf.salt, 'base64'), 32, {
    N,
    r,
    p,
    maxmem: 256 * N * r + 16 * 1024 * 1024,
  });
  try {
    return Buffer.from(
      secretbox(derived, Buffer.from(cipher.nonce, 'base64')).open(Buffer.from(ciphertext, 'base64')),
    );
  } catch {
    throw keyError(
      'KEY_PASSWORD_WRONG',
      'it does not decrypt the cosign key (wrong password, or a corrupt key)',
    );
  }
}

export function loadSigningKey(text: string, password: string | undefined): SigningKey {
  const { type, body } = pemBlock(text);
  let privateKey: KeyObject;
  try {
    if (COSIGN_TYPES.has(type)) {
      const der = decryptCosignKey(body, password ?? '');
      privateKey = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
    } else if (type === 'PRIVATE KEY' || type === 'EC PRIVATE KEY') {
      privateKey = createPrivateKey(text);
    } else if (type === 'ENCRYPTED PRIVATE KEY') {
      if (password === undefined) {
        throw keyError('KEY_PASSWORD_REQUIRED', 'an encrypted PKCS#8 key needs its password');
      }
      privateKey = createPrivateKey({ key: text, passphrase: password });
    } else {
      throw keyError(
        'KEY_TYPE_UNSUPPORTED',
        `a ${type} block is not a private key this action reads (cosign key file, PKCS#8 or EC PEM)`,
        { actual: type },
      );
    }
  } catch (error) {
    if (error instanceof ConfigurationError) throw error;
    const wrongPassword = type === 'ENCRYPTED PRIVATE KEY';
    throw wrongPassword
      ? keyError(
          'KEY_PASSWORD_WRONG',
          'it does not decrypt the PKCS#8 key (wrong password, or a corrupt key)',
        )
      : keyError('KEY_CORRUPT', 'the private key cannot be read (corrupt PEM or DER)');
  }
  const details = privateKey.asymmetricKeyDetails;
  if (privateKey.asymmetricKeyType !== 'ec' || details?.namedCurve !== 'prime256v1') {
    const actual = `${privateKey.asymmetricKeyType ?? 'unknown'}${details?.namedCurve ? ` ${details.namedCurve}` : ''}`;
    throw keyError(
      'KEY_ALGORITHM_UNSUPPORTED',
      `only ECDSA P-256 keys are accepted (this is ${actual}); cosign generate-key-pair makes one`,
      { expected: 'ec prime256v1', actual },
    );
  }
  const publicKeyPem = createPublicKey(privateKey).export({ format: 'pem', type: 'spki' }).toString();
  return { privateKey, publicKeyPem };
}

/** sigstore-js's Signer over a local key: ECDSA P-256 with SHA-256, DER signatures, as cosign signs. */
export function keySigner(key: SigningKey): Signer {
  return {
    sign: async (data: Buffer) => ({
      signature: sign('sha256', data, { key: key.privateKey, dsaEncoding: 'der' }),
      key: { $case: 'publicKey', publicKey: key.publicKeyPem },
    }),
  };
}
