import {
  ConfigurationError,
  type GatePlan,
  type InputValues,
  type InstallRequest,
  type PlanContext,
  type SbomFormat,
} from '@chain/core/entry';
import type { spec } from './inputs.ts';

/**
 * What the step will do: run each chosen scanner once on the path (in parallel), each with its own ignore
 * file, and give one verdict over all their findings. A scanner not chosen is undefined (not installed).
 */
export interface RepoScanPlan {
  /** The directory scanned, inside the workspace. */
  path: string;
  gate: GatePlan;
  osv:
    | {
        install: InstallRequest;
        /** An offline OSV database folder (osv-db): vulnerabilities are matched locally. */
        localDb: string | undefined;
        /** No network at all (needs localDb). */
        offline: boolean;
      }
    | undefined;
  trivy:
    | {
        install: InstallRequest;
        /** trivy-cache-dir; undefined: the default (the runner's tool cache, else the step's work folder). */
        cacheDir: string | undefined;
        dbRepository: string | undefined;
        offline: boolean;
      }
    | undefined;
  /** One syft run writing every format asked for. */
  sbom: { install: InstallRequest; formats: SbomFormat[] } | undefined;
}

export function plan(values: InputValues<typeof spec>, _context: PlanContext): RepoScanPlan {
  const wants = new Set(values.scanners);
  const { offline } = values;
  if (offline && wants.has('osv') && values['osv-db'] === undefined)
    throw new ConfigurationError(
      'Input "osv-db": offline: true needs an offline OSV database for osv-scanner (a folder with ' +
        'osv-scalibr/<Ecosystem>/all.zip); give its path, or leave osv out of "scanners"',
      { input: 'osv-db' },
    );
  if (offline && values['db-repository'] !== undefined)
    throw new ConfigurationError(
      'Input "db-repository": offline: true uses the DB already in trivy-cache-dir and never reads a mirror; give one or the other',
      { input: 'db-repository' },
    );
  const install = (tool: 'trivy' | 'osv-scanner' | 'syft'): InstallRequest => ({
    path: values[`${tool}-path`],
    version: values[`${tool}-version`],
  });
  return {
    path: values.path,
    gate: { severities: values.severity, ignoreUnfixed: values['ignore-unfixed'], failOn: values['fail-on'] },
    osv: wants.has('osv')
      ? { install: install('osv-scanner'), localDb: values['osv-db'], offline }
      : undefined,
    trivy: wants.has('trivy')
      ? {
          install: install('trivy'),
          cacheDir: values['trivy-cache-dir'],
          dbRepository: values['db-repository'],
          offline,
        }
      : undefined,
    sbom: wants.has('sbom') ? { install: install('syft'), formats: values['sbom-formats'] } : undefined,
  };
}
