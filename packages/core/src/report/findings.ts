import type { Severity } from './severity.ts';

export type Scanner = 'trivy' | 'osv-scanner';

/** One problem a scanner reported, in the suite's own shape (the merged report's `findings`). */
export interface Finding {
  scanner: Scanner;
  kind: 'vulnerability' | 'secret' | 'misconfiguration';
  id: string;
  aliases: string[];
  package: string;
  installed: string;
  /** Undefined when no fixed version exists. */
  fixed: string | undefined;
  severity: Severity;
  title: string;
  /** The file or image part it was found in (Trivy `Target`, OSV `source.path`). */
  target: string;
  url: string | undefined;
  /** For image scans: the platform image it was found in. */
  platform?: string;
}
