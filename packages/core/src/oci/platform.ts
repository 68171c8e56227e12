import { InvalidValueError } from '../action/errors.ts';

export interface Platform {
  os: string;
  architecture: string;
  variant?: string;
  'os.version'?: string;
}

const PART = /^[a-z0-9][a-z0-9._-]*$/;

/** Parses `os/arch[/variant]` (as docker, buildah and buildx take it). */
export function parsePlatform(text: string): Platform {
  const parts = text.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !PART.test(p))) {
    throw new InvalidValueError(
      `platform "${text}" must be os/arch or os/arch/variant in lowercase, e.g. linux/amd64 or linux/arm/v7`,
      { reason: 'PLATFORM_INVALID', actual: text },
    );
  }
  const [os = '', architecture = '', variant] = parts;
  return variant === undefined ? { os, architecture } : { os, architecture, variant };
}

export function formatPlatform(platform: Platform): string {
  return [platform.os, platform.architecture, platform.variant]
    .filter((p) => p !== undefined && p !== '')
    .join('/');
}
