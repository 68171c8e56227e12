import { InvalidValueError } from '../action/errors.ts';
import { Digest } from './digest.ts';

/*
 * The distribution reference grammar (distribution/reference, as docker, skopeo and containerd use it):
 *   reference      := name [ ":" tag ] [ "@" digest ]
 *   name           := [domain "/"] path-component ["/" path-component]*
 *   domain         := host [":" port]    host := domain-name | IPv4 | "[" IPv6 "]"
 *   path-component := [a-z0-9]+ (separator [a-z0-9]+)*    separator := [._] | "__" | "-"+
 *   tag            := [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}
 * A first component is a domain when it contains "." or ":", starts with "[", is "localhost", or has an
 * upper-case letter; otherwise the registry is docker.io and a single-component path gets "library/".
 */

export const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API = 'registry-1.docker.io';
const NAME_MAX = 255;

const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_HOST = /^\[[a-fA-F0-9:]+\]$/;
const PORT = /^[0-9]+$/;
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** Why a reference (or tag) is refused: stable, for callers and tests; the message says it in words. */
export type ReferenceReason =
  | 'EMPTY'
  | 'WHITESPACE'
  | 'SCHEME'
  | 'REGISTRY_INVALID'
  | 'PORT_INVALID'
  | 'DIGEST_INVALID'
  | 'TAG_EMPTY'
  | 'TAG_TOO_LONG'
  | 'TAG_INVALID'
  | 'NAME_EMPTY'
  | 'NAME_TOO_LONG'
  | 'REPOSITORY_MISSING'
  | 'PATH_COMPONENT_EMPTY'
  | 'PATH_NOT_LOWERCASE'
  | 'PATH_COMPONENT_INVALID';

function fail(reference: string, why: string, reason: ReferenceReason, cause?: unknown): never {
  throw new InvalidValueError(`"${reference}" is not a valid image reference: ${why}`, {
    reason,
    actual: reference,
    cause,
  });
}

export function validateTag(tag: string): string {
  if (tag.length > 128)
    throw new InvalidValueError(`tag "${tag.slice(0, 40)}…" is ${tag.length} characters; at most 128`, {
      reason: 'TAG_TOO_LONG',
      expected: '128',
      actual: String(tag.length),
    });
  if (!TAG.test(tag)) {
    throw new InvalidValueError(
      `tag "${tag}" is invalid: use letters, digits, "_", "." and "-", not starting with "." or "-", at most 128`,
      { reason: 'TAG_INVALID', actual: tag },
    );
  }
  return tag;
}

function validateDomain(reference: string, domain: string): void {
  let host = domain;
  let port: string | undefined;
  if (domain.startsWith('[')) {
    const close = domain.indexOf(']');
    if (close < 0)
      fail(
        reference,
        `registry "${domain}" has an unclosed "[" (IPv6 hosts are written [::1]:5000)`,
        'REGISTRY_INVALID',
      );
    host = domain.slice(0, close + 1);
    const rest = domain.slice(close + 1);
    if (rest !== '') {
      if (!rest.startsWith(':'))
        fail(reference, `unexpected "${rest}" after the IPv6 host ${host}`, 'REGISTRY_INVALID');
      port = rest.slice(1);
    }
    if (!IPV6_HOST.test(host))
      fail(reference, `registry host "${host}" is not an IPv6 address in brackets`, 'REGISTRY_INVALID');
  } else {
    const colon = domain.lastIndexOf(':');
    if (colon >= 0) {
      host = domain.slice(0, colon);
      port = domain.slice(colon + 1);
    }
    if (host === '') fail(reference, `registry "${domain}" has no host name`, 'REGISTRY_INVALID');
    for (const component of host.split('.')) {
      if (!DOMAIN_COMPONENT.test(component)) {
        fail(
          reference,
          `registry host "${host}" is not a valid host name (component "${component}")`,
          'REGISTRY_INVALID',
        );
      }
    }
  }
  if (port !== undefined && (!PORT.test(port) || Number(port) > 65535)) {
    fail(reference, `registry port "${port}" must be a number from 0 to 65535`, 'PORT_INVALID');
  }
}

function looksLikeDomain(component: string): boolean {
  return (
    component.includes('.') ||
    component.includes(':') ||
    component.startsWith('[') ||
    component === 'localhost' ||
    component !== component.toLowerCase()
  );
}

/** What is wrong with a reference as a whole: empty, white space, a URL. */
function checkWhole(reference: string): void {
  if (reference === '') fail(reference, 'it is empty', 'EMPTY');
  if (reference !== reference.trim()) fail(reference, 'it has leading or trailing white space', 'WHITESPACE');
  if (/\s/.test(reference)) fail(reference, 'it contains white space', 'WHITESPACE');
  if (reference.includes('://'))
    fail(reference, 'remove the scheme (https://); a reference starts with the registry host', 'SCHEME');
}

/** `name[:tag]@digest` → the part before "@" and the digest, if any. */
function splitDigest(reference: string): { rest: string; digest: Digest | undefined } {
  const at = reference.indexOf('@');
  if (at < 0) return { rest: reference, digest: undefined };
  try {
    return { rest: reference.slice(0, at), digest: Digest.parse(reference.slice(at + 1)) };
  } catch (error) {
    return fail(reference, (error as Error).message, 'DIGEST_INVALID', error);
  }
}

function tagReason(error: unknown): ReferenceReason {
  return error instanceof InvalidValueError && error.reason === 'TAG_TOO_LONG'
    ? 'TAG_TOO_LONG'
    : 'TAG_INVALID';
}

/** `name[:tag]` → the name and the tag, if any (a host's port or an IPv6 host is not a tag). */
function splitTag(reference: string, rest: string): { name: string; tag: string | undefined } {
  const lastColon = rest.lastIndexOf(':');
  if (lastColon <= rest.lastIndexOf('/') || (rest.startsWith('[') && !rest.includes('/')))
    return { name: rest, tag: undefined };
  const tag = rest.slice(lastColon + 1);
  if (tag === '') fail(reference, 'the tag after ":" is empty', 'TAG_EMPTY');
  try {
    validateTag(tag);
  } catch (error) {
    fail(reference, (error as Error).message, tagReason(error), error);
  }
  return { name: rest.slice(0, lastColon), tag };
}

/** The name → its registry (Docker Hub when none is named) and checked repository path. */
function splitName(reference: string, name: string): { registry: string; repository: string } {
  if (name === '') fail(reference, 'the repository name is empty', 'NAME_EMPTY');
  if (name.length > NAME_MAX)
    fail(reference, `the name is ${name.length} characters; at most ${NAME_MAX}`, 'NAME_TOO_LONG');
  const components = name.split('/');
  let registry = DOCKER_HUB;
  const first = components[0] ?? '';
  if (components.length > 1 && looksLikeDomain(first)) {
    validateDomain(reference, first);
    registry = first === 'index.docker.io' ? DOCKER_HUB : first;
    components.shift();
  } else if (components.length === 1 && (first.startsWith('[') || /^[^/]*:\d+$/.test(first))) {
    fail(
      reference,
      `"${first}" looks like a registry host but no repository follows it`,
      'REPOSITORY_MISSING',
    );
  }
  for (const component of components) checkPathComponent(reference, component);
  if (registry === DOCKER_HUB && components.length === 1) components.unshift('library');
  return { registry, repository: components.join('/') };
}

function checkPathComponent(reference: string, component: string): void {
  if (component === '')
    fail(
      reference,
      'the repository has an empty path component ("//" or a trailing "/")',
      'PATH_COMPONENT_EMPTY',
    );
  if (!PATH_COMPONENT.test(component)) {
    const upper = component !== component.toLowerCase();
    const why = upper
      ? 'repository names must be lowercase'
      : 'use lowercase letters and digits, separated by ".", "_", "__" or "-"';
    fail(
      reference,
      `path component "${component}" is invalid: ${why}`,
      upper ? 'PATH_NOT_LOWERCASE' : 'PATH_COMPONENT_INVALID',
    );
  }
}

/** A parsed, normalised image reference. Immutable; `with*` return new references. */
export class ImageReference {
  /** Registry host as users write it (`docker.io`, `ghcr.io`, `127.0.0.1:5000`, `[::1]:5000`). */
  readonly registry: string;
  /** Repository path inside the registry (`library/alpine`, `org/app`). */
  readonly repository: string;
  readonly tag: string | undefined;
  readonly digest: Digest | undefined;

  private constructor(
    registry: string,
    repository: string,
    tag: string | undefined,
    digest: Digest | undefined,
  ) {
    this.registry = registry;
    this.repository = repository;
    this.tag = tag;
    this.digest = digest;
  }

  static parse(reference: string): ImageReference {
    checkWhole(reference);
    const { rest, digest } = splitDigest(reference);
    const { name, tag } = splitTag(reference, rest);
    const { registry, repository } = splitName(reference, name);
    return new ImageReference(registry, repository, tag, digest);
  }

  static tryParse(reference: string): ImageReference | undefined {
    try {
      return ImageReference.parse(reference);
    } catch {
      return undefined;
    }
  }

  /** `registry/repository`, with no tag or digest. */
  get name(): string {
    return `${this.registry}/${this.repository}`;
  }

  /** The host the distribution API lives at (Docker Hub's differs from its name). */
  get apiHost(): string {
    return this.registry === DOCKER_HUB ? DOCKER_HUB_API : this.registry;
  }

  withTag(tag: string): ImageReference {
    return new ImageReference(this.registry, this.repository, validateTag(tag), this.digest);
  }

  withDigest(digest: Digest | string): ImageReference {
    return new ImageReference(
      this.registry,
      this.repository,
      this.tag,
      typeof digest === 'string' ? Digest.parse(digest) : digest,
    );
  }

  /** The same repository with neither tag nor digest. */
  repositoryOnly(): ImageReference {
    return new ImageReference(this.registry, this.repository, undefined, undefined);
  }

  equals(other: ImageReference): boolean {
    return this.toString() === other.toString();
  }

  /** Fully qualified: `registry/repository[:tag][@digest]`. */
  toString(): string {
    return `${this.name}${this.tag === undefined ? '' : `:${this.tag}`}${this.digest === undefined ? '' : `@${this.digest}`}`;
  }

  toJSON(): string {
    return this.toString();
  }
}
