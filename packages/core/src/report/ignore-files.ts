import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ConfigurationError } from '../action/errors.ts';
import { isRecord, str } from './report-file.ts';

/** An ignore rule found in a scanner's own ignore file: reported in the summary with its reason. */
export interface IgnoreRule {
  scanner: 'trivy' | 'osv-scanner';
  id: string;
  reason: string;
  /** The file it came from, relative to the scanned path. */
  source: string;
  expires: string | undefined;
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * `.trivyignore`: one ID per line (optionally `exp:YYYY-MM-DD`); the comment lines above an ID are its reason.
 * `source` names the file in the report.
 */
export function parseTrivyIgnore(text: string, source = '.trivyignore'): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  let comments: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '') {
      comments = [];
      continue;
    }
    if (line.startsWith('#')) {
      comments.push(line.replace(/^#\s?/, ''));
      continue;
    }
    const [id = '', ...rest] = line.split(/\s+/);
    const expires = rest.find((r) => r.startsWith('exp:'))?.slice(4);
    rules.push({ scanner: 'trivy', id, reason: comments.join(' '), source, expires });
    comments = [];
  }
  return rules;
}

/**
 * `.trivyignore.yaml`: `vulnerabilities`, `secrets`, `misconfigurations`… lists of {id, statement, expired_at}.
 * `source` names the file in the report and in errors.
 */
export function parseTrivyIgnoreYaml(text: string, source = '.trivyignore.yaml'): IgnoreRule[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new ConfigurationError(`${source} is not valid YAML (${(error as Error).message})`, {
      reason: 'IGNORE_FILE_NOT_YAML',
    });
  }
  if (doc === null || doc === undefined) return [];
  if (!isRecord(doc))
    throw new ConfigurationError(`${source} must be a mapping of finding kinds to lists`, {
      reason: 'IGNORE_FILE_NOT_A_MAPPING',
    });
  return Object.values(doc).flatMap((entries) =>
    (Array.isArray(entries) ? entries : []).filter(isRecord).map((e) => ({
      scanner: 'trivy' as const,
      id: str(e.id),
      reason: str(e.statement),
      source,
      expires: str(e.expired_at) || undefined,
    })),
  );
}

/**
 * The `[[IgnoredVulns]]` tables of `osv-scanner.toml` (id, reason, ignoreUntil). osv-scanner applies the
 * file itself; this reads it only to report what is ignored and why. Strings and bare dates only.
 */
export function parseOsvScannerToml(text: string): IgnoreRule[] {
  const rules: IgnoreRule[] = [];
  let current: Record<string, string> | undefined;
  const flush = () => {
    if (current?.id)
      rules.push({
        scanner: 'osv-scanner',
        id: current.id,
        reason: current.reason ?? '',
        source: 'osv-scanner.toml',
        expires: current.ignoreUntil,
      });
  };
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/\s+#.*$/, '').trim();
    if (line === '' || line.startsWith('#')) continue;
    if (line.startsWith('[')) {
      flush();
      current = line === '[[IgnoredVulns]]' ? {} : undefined;
      continue;
    }
    const m = /^([A-Za-z]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+))$/.exec(line);
    if (current !== undefined && m !== null) current[m[1] ?? ''] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  flush();
  return rules;
}

export interface IgnoreFiles {
  /** The file to hand Trivy (`--ignorefile`), if the scanned path has one. */
  trivyIgnoreFile: string | undefined;
  osvConfig: string | undefined;
  rules: IgnoreRule[];
}

/** Finds the scanners' own ignore files at the root of the scanned path and reads their rules. */
export async function readIgnoreFiles(path: string): Promise<IgnoreFiles> {
  const yamlPath = join(path, '.trivyignore.yaml');
  const plainPath = join(path, '.trivyignore');
  const osvPath = join(path, 'osv-scanner.toml');
  const [yamlText, plainText, osvText] = await Promise.all([
    readOptional(yamlPath),
    readOptional(plainPath),
    readOptional(osvPath),
  ]);
  const rules: IgnoreRule[] = [];
  let trivyIgnoreFile: string | undefined;
  if (yamlText !== undefined) {
    rules.push(...parseTrivyIgnoreYaml(yamlText));
    trivyIgnoreFile = yamlPath;
  } else if (plainText !== undefined) {
    rules.push(...parseTrivyIgnore(plainText));
    trivyIgnoreFile = plainPath;
  }
  if (osvText !== undefined) rules.push(...parseOsvScannerToml(osvText));
  return { trivyIgnoreFile, osvConfig: osvText === undefined ? undefined : osvPath, rules };
}

/**
 * A Trivy ignore file named by the user (`--ignorefile`), read the way Trivy reads it: the YAML form when
 * the name ends in `.yaml` or `.yml`, else one ID per line. Trivy treats a missing file as no rules at all,
 * so a missing file is refused here instead. `source` names the file in the report.
 */
export async function readTrivyIgnoreFile(path: string, source: string): Promise<IgnoreRule[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(
      `the Trivy ignore file ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
      { reason: 'IGNORE_FILE_UNREADABLE', cause: error },
    );
  }
  const ext = extname(path);
  return ext === '.yaml' || ext === '.yml'
    ? parseTrivyIgnoreYaml(text, source)
    : parseTrivyIgnore(text, source);
}
