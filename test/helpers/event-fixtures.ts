// Recorded GitHub Actions events (test/fixtures/events, provenance in its PROVENANCE.md): the payload a
// runner writes at GITHUB_EVENT_PATH and the GITHUB_* variables of the same run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const EVENTS_DIR = join(import.meta.dirname, '..', 'fixtures', 'events');

export const EVENT_CASES = [
  'push-default-branch',
  'push-branch',
  'tag-v1.2.3',
  'tag-v2.0.0-rc.1',
  'pull-request',
  'schedule',
  'workflow-dispatch',
] as const;
export type EventCase = (typeof EVENT_CASES)[number];

export interface EventFixture {
  /** The recorded GITHUB_* variables, with GITHUB_EVENT_PATH pointing at the payload file. */
  env: Record<string, string>;
  payload: Record<string, unknown>;
  path: string;
}

export function eventFixture(name: EventCase): EventFixture {
  const path = join(EVENTS_DIR, `${name}.json`);
  const env: Record<string, string> = { GITHUB_EVENT_PATH: path };
  for (const line of readFileSync(join(EVENTS_DIR, `${name}.env`), 'utf8').split('\n')) {
    const eq = line.indexOf('=');
    if (eq > 0) env[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return { env, payload: JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>, path };
}
