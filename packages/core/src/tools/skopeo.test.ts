import { describe, expect, it } from 'vitest';
import { CommandError } from '../action/errors.ts';
import { skopeo } from './skopeo.ts';

describe('skopeo.copyArgs', () => {
  it('copies every platform with digests preserved; credentials by file, never argv', () => {
    expect(
      skopeo.copyArgs({
        source: 'oci:/l',
        destination: 'docker://r/x:t',
        digestFile: '/d',
        authFile: '/a.json',
        tlsVerify: false,
      }),
    ).toEqual([
      'copy',
      '--all',
      '--preserve-digests',
      '--digestfile',
      '/d',
      '--authfile',
      '/a.json',
      '--dest-tls-verify=false',
      'oci:/l',
      'docker://r/x:t',
    ]);
    expect(
      skopeo.copyArgs({ source: 'oci:/l', destination: 'docker://r/x:t', digestFile: '/d', tlsVerify: true }),
    ).toEqual(['copy', '--all', '--preserve-digests', '--digestfile', '/d', 'oci:/l', 'docker://r/x:t']);
  });
});

/** skopeo failing with this stderr, as the tool runner reports it. */
const failed = (stderr: string) =>
  new CommandError('skopeo failed with exit code 1', { tool: 'skopeo', exitCode: 1, stderrTail: stderr });

describe('skopeo.failure: transient or final (stderr recorded from skopeo 1.9 here)', () => {
  it.each([
    'level=fatal msg="copying image 1/2 from manifest list: writing blob: Patch \\"http://127.0.0.1:42829/v2/acme/x/blobs/uploads/d1c?_state=g\\": EOF"',
    'level=fatal msg="writing manifest: uploading manifest sha-1 to 127.0.0.1:5000/acme/x: received unexpected HTTP status: 503 Service Unavailable"',
    'level=fatal msg="writing manifest: uploading manifest t to r/x: too many requests to registry"',
    'level=fatal msg="... dial tcp 127.0.0.1:5000: connect: connection refused"',
  ])('transient: %s', (stderr) => expect(skopeo.failure(failed(stderr)).transient).toBe(true));

  it.each([
    'level=fatal msg="writing manifest: uploading manifest t to r/x: unauthorized: authentication required"',
    'level=fatal msg="... requested access to the resource is denied"',
    'level=fatal msg="writing manifest: ... manifest invalid: manifest invalid"',
    'level=fatal msg="initializing source oci:/x: open /x/index.json: no such file or directory"',
  ])('final: %s', (stderr) => expect(skopeo.failure(failed(stderr)).transient).toBe(false));

  it('names a Retry-After skopeo printed, and calls anything but a tool failure final', () => {
    expect(skopeo.failure(failed('toomanyrequests: slow down; Retry-After: 7')).retryAfterMs).toBe(7000);
    expect(skopeo.failure(new Error('a bug')).transient).toBe(false);
  });
});
