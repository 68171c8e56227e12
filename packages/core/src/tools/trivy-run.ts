// The one Trivy flow both scan actions run: Trivy scans a target into its JSON report, the report is read
// into findings (failing closed on anything it cannot read), `trivy convert` turns that same JSON into
// SARIF, and an image scan's SARIF runs are tagged with the platform image they came from. repo-scan runs it
// once on the checkout (`trivy fs`); image-scan once per platform image, on that image's layout view.
import { mkdir } from 'node:fs/promises';
import type { ActionDeps } from '../action/deps.ts';
import { fromInput } from '../action/errors.ts';
import type { Finding } from '../report/findings.ts';
import { readScannerJson, readScannerReport } from '../report/report-file.ts';
import type { SarifDocument } from '../report/sarif.ts';
import { parseTrivyReport } from '../report/trivy-report.ts';
import { type TrivyCommon, trivy } from './scanners.ts';

/** Where Trivy's vulnerability DB is and how it is kept current. */
export interface TrivyDb {
  cacheDir: string;
  /** A mirror of the DB (never with `offline`). */
  dbRepository?: string | undefined;
  /** Use the DB already in `cacheDir`; no network. */
  offline: boolean;
}

/** What one scan looks at: a checkout (`trivy fs`), or one platform image's layout view (`trivy image`). */
export type TrivyTarget =
  | { kind: 'fs'; path: string }
  | { kind: 'image'; layout: string; platform: string; digest: string };

export interface TrivyScanRequest extends TrivyDb {
  /** The trivy executable (ToolInstaller's). */
  executable: string;
  target: TrivyTarget;
  /** The reports' path without extension: Trivy's `<files>.json`, and `<files>.sarif` converted from it. */
  files: string;
  ignoreFile?: string | undefined;
  /** The DB was brought up to date by `updateTrivyDb` in this run: the scan does not check it again. */
  dbFresh?: boolean | undefined;
}

/** One scan's result: its findings (tagged with the platform, for an image) and Trivy's own SARIF. */
export interface TrivyScan {
  findings: Finding[];
  sarif: SarifDocument;
}

type TrivyDeps = Pick<ActionDeps, 'runner' | 'env'>;

/**
 * The cache folder made ready: offline, the DB must already be there (TRIVY_DB_MISSING otherwise, naming
 * `input`, the input that chose the folder, so that the error is not Trivy's failed download).
 */
export async function prepareTrivyCache(db: TrivyDb, input: string): Promise<void> {
  if (db.offline) await fromInput(input, () => trivy.requireOfflineDb(db.cacheDir));
  await mkdir(db.cacheDir, { recursive: true });
}

/** Brings the DB up to date once (through the mirror, if any), so that parallel scans share it. */
export async function updateTrivyDb(deps: TrivyDeps, executable: string, db: TrivyDb): Promise<void> {
  await deps.runner.run({
    tool: 'trivy',
    command: executable,
    args: trivy.downloadDbArgs({ cacheDir: db.cacheDir, dbRepository: db.dbRepository }),
    env: deps.env,
  });
}

/** The scan's arguments: every scan here writes JSON once, and the gate, not Trivy, decides. */
export function trivyScanArgs(request: TrivyScanRequest): string[] {
  const common: TrivyCommon = {
    output: `${request.files}.json`,
    cacheDir: request.cacheDir,
    ignoreFile: request.ignoreFile,
    dbRepository: request.dbRepository,
    offline: request.offline,
    dbFresh: request.dbFresh,
  };
  return request.target.kind === 'fs'
    ? trivy.fsArgs({ ...common, path: request.target.path })
    : trivy.imageArgs({ ...common, layout: request.target.layout });
}

/**
 * Scan → findings → SARIF. The JSON report is read before it is converted, so an unreadable report fails
 * as a report error (REPORT_UNREADABLE), never as a failed conversion; a missing SARIF fails closed too.
 */
export async function runTrivyScan(deps: TrivyDeps, request: TrivyScanRequest): Promise<TrivyScan> {
  const json = `${request.files}.json`;
  const sarifPath = `${request.files}.sarif`;
  const run = (args: string[]) =>
    deps.runner.run({ tool: 'trivy', command: request.executable, args, env: deps.env });
  const { target } = request;
  await run(trivyScanArgs(request));
  const platform = target.kind === 'image' ? target.platform : undefined;
  const findings = parseTrivyReport(await readScannerReport(json, 'trivy'), platform);
  await run(trivy.sarifArgs(json, sarifPath));
  const sarif = await readScannerJson<SarifDocument>(sarifPath, 'trivy convert');
  // Which platform image each result is from, kept when the platforms' runs are merged into one.
  if (target.kind === 'image')
    for (const sarifRun of sarif.runs ?? [])
      if (sarifRun !== null && typeof sarifRun === 'object')
        Object.assign(sarifRun, { properties: { platform: target.platform, digest: target.digest } });
  return { findings, sarif };
}
