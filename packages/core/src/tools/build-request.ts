/** What both builders are asked to do; each CLI module turns it into its own argument vector. */
export interface BuildRequest {
  context: string;
  file: string;
  /** `os/arch[/variant]` strings. */
  platforms: string[];
  buildArgs: [string, string][];
  labels: [string, string][];
  annotations: [string, string][];
  target?: string | undefined;
  /** Secrets as files (0600, written by the caller) or environment variable names: never values. */
  secrets: { id: string; source: { file: string } | { env: string } }[];
  cacheFrom: string[];
  cacheTo: string[];
  /** Undefined: the builder's default (min for buildx; buildah cannot write provenance). */
  provenance: 'min' | 'max' | 'false' | undefined;
  sbom: boolean;
  sourceDateEpoch: number;
  outputDir: string;
}
