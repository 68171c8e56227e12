import { InvalidValueError } from '../action/errors.ts';

/** Algorithms the OCI image spec registers, with their exact encoded lengths. */
const ALGORITHMS = { sha256: 64, sha512: 128 } as const;
export type DigestAlgorithm = keyof typeof ALGORITHMS;

/**
 * A content digest, `<algorithm>:<lowercase hex>`. Only the OCI-registered algorithms are accepted:
 * a supply-chain tool has no use for a digest it cannot verify.
 */
export class Digest {
  readonly algorithm: DigestAlgorithm;
  readonly hex: string;

  private constructor(algorithm: DigestAlgorithm, hex: string) {
    this.algorithm = algorithm;
    this.hex = hex;
  }

  static parse(value: string): Digest {
    const colon = value.indexOf(':');
    if (colon < 0) {
      throw new InvalidValueError(
        `"${value}" is not a digest: expected <algorithm>:<hex>, e.g. sha256:<64 hex digits>`,
        { reason: 'NOT_A_DIGEST', actual: value },
      );
    }
    const algorithm = value.slice(0, colon);
    const hex = value.slice(colon + 1);
    if (algorithm !== 'sha256' && algorithm !== 'sha512') {
      throw new InvalidValueError(
        `digest "${value}" uses algorithm "${algorithm}"; supported: sha256, sha512`,
        { reason: 'ALGORITHM_UNSUPPORTED', expected: 'sha256, sha512', actual: algorithm },
      );
    }
    const length = ALGORITHMS[algorithm];
    if (!/^[0-9a-f]*$/.test(hex)) {
      const hint = /^[0-9a-fA-F]*$/.test(hex) ? ' (hex digits must be lowercase)' : '';
      throw new InvalidValueError(`digest "${value}" must have an encoded part of hex digits${hint}`, {
        reason: 'NOT_HEX',
        actual: value,
      });
    }
    if (hex.length !== length) {
      throw new InvalidValueError(
        `digest "${value}" must have exactly ${length} hex digits after "${algorithm}:"; got ${hex.length}`,
        { reason: 'HEX_LENGTH', expected: String(length), actual: String(hex.length) },
      );
    }
    return new Digest(algorithm, hex);
  }

  static isValid(value: string): boolean {
    try {
      Digest.parse(value);
      return true;
    } catch {
      return false;
    }
  }

  static fromHex(algorithm: DigestAlgorithm, hex: string): Digest {
    return Digest.parse(`${algorithm}:${hex}`);
  }

  equals(other: Digest | string): boolean {
    return this.toString() === (typeof other === 'string' ? other : other.toString());
  }

  /** The OCI 1.1 referrers fallback tag and cosign's tag stem: `sha256-<hex>`. */
  toTagStem(): string {
    return `${this.algorithm}-${this.hex}`;
  }

  /** First n hex digits, for display. */
  short(n = 12): string {
    return `${this.algorithm}:${this.hex.slice(0, n)}`;
  }

  toString(): string {
    return `${this.algorithm}:${this.hex}`;
  }

  toJSON(): string {
    return this.toString();
  }
}
