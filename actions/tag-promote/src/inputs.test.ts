import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapInputSource, readInputs } from '@chain/core';
import { describe, expect, it } from 'vitest';
import { spec } from './inputs.ts';

const workspace = mkdtempSync(join(tmpdir(), 'ws-'));
const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const publicPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const base = { image: 'ghcr.io/acme/app', digest: `sha256:${'a'.repeat(64)}`, tags: 'latest' };
const read = (extra: Record<string, string>) =>
  readInputs(spec, mapInputSource({ ...base, ...extra }), { workspace });

describe('tag-promote public-key', () => {
  it('takes PEM text, or a path resolved against the workspace (what cosign-sign outputs)', () => {
    writeFileSync(join(workspace, 'cosign.pub'), publicPem);
    expect(read({ 'public-key': publicPem })['public-key']).toBe(publicPem);
    expect(read({ 'public-key': 'cosign.pub' })['public-key']).toBe(publicPem);
    expect(read({ 'public-key': join(workspace, 'cosign.pub') })['public-key']).toBe(publicPem);
  });
  it('refuses a private key or a certificate pasted in its place, without echoing it', () => {
    const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    let message = '';
    try {
      read({ 'public-key': privatePem });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      'Input "public-key" is not a PEM public key (-----BEGIN PUBLIC KEY-----); it holds a private key',
    );
    expect(message).not.toContain(privatePem.split('\n')[1] ?? 'x');
    expect(() =>
      read({ 'public-key': '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----' }),
    ).toThrow(/it holds a certificate/);
  });
  it('names the input when the file is missing or the PEM does not parse', () => {
    expect(() => read({ 'public-key': 'missing.pub' })).toThrow(
      /Input "public-key" is neither a PEM public key nor a readable file \(ENOENT\)/,
    );
    expect(() =>
      read({ 'public-key': '-----BEGIN PUBLIC KEY-----\nnot base64\n-----END PUBLIC KEY-----' }),
    ).toThrow(/that parses/);
  });
});
