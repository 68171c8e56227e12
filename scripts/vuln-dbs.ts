// Offline vulnerability databases made from real published advisories (test/fixtures/advisories/, OSV
// records from github/advisory-database, provenance in its PROVENANCE.md): nothing is downloaded.
//   - OSV-Scanner: `<dir>/osv-scalibr/<Ecosystem>/all.zip`, the layout `--offline --local-db-path <dir>` reads;
//   - Trivy: a cache folder with `db/trivy.db` + `db/metadata.json`, written by trivy-db's own builder from
//     the same records laid out as the advisory-database tree (`trivy --cache-dir <dir> --skip-db-update`).
// Both are cached under the tools cache, keyed by the records' content and the builder's version, so the
// suite builds them once per machine.
//   node scripts/vuln-dbs.ts    (re)build them and print their paths as JSON
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { toolDir, toolsCache, wantedTools } from './tools.ts';

const ADVISORIES = join(import.meta.dirname, '..', 'test', 'fixtures', 'advisories');

export interface Advisory {
  file: string;
  id: string;
  published: string;
  ecosystems: string[];
}

export interface VulnDbs {
  /** `--local-db-path` for osv-scanner (`osv-scalibr/<Ecosystem>/all.zip` inside). */
  osv: string;
  /** `--cache-dir` for trivy (`db/trivy.db`, `db/metadata.json` inside). */
  trivyCache: string;
  advisories: Advisory[];
}

/** Every OSV record under test/fixtures/advisories/<Ecosystem>/. */
export function advisories(root = ADVISORIES): Advisory[] {
  const out: Advisory[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const name of readdirSync(join(root, dir.name))
      .filter((n) => n.endsWith('.json'))
      .sort()) {
      const file = join(root, dir.name, name);
      const record = JSON.parse(readFileSync(file, 'utf8')) as {
        id: string;
        published: string;
        affected: { package: { ecosystem: string } }[];
      };
      out.push({
        file,
        id: record.id,
        published: record.published,
        ecosystems: [...new Set(record.affected.map((a) => a.package.ecosystem))],
      });
    }
  }
  return out;
}

/** A zip archive (deflate) of named entries: what osv-scanner's offline database is made of. */
export function zip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const nameBytes = Buffer.from(name, 'utf8');
    const compressed = deflateRawSync(data);
    const crc = crc32(data);
    // Local header (30 bytes) and central directory entry (46): the same fields, the central one shifted
    // by its extra "version made by" field.
    const header = (central: boolean) => {
      const b = Buffer.alloc(central ? 46 : 30);
      const p = central ? 6 : 4;
      b.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      if (central) b.writeUInt16LE(20, 4);
      b.writeUInt16LE(20, p); // version needed
      b.writeUInt16LE(0x0800, p + 2); // UTF-8 names
      b.writeUInt16LE(8, p + 4); // deflate; time and date stay 0
      b.writeUInt32LE(crc, p + 10);
      b.writeUInt32LE(compressed.length, p + 14);
      b.writeUInt32LE(data.length, p + 18);
      b.writeUInt16LE(nameBytes.length, p + 22);
      if (central) b.writeUInt32LE(offset, 42);
      return Buffer.concat([b, nameBytes]);
    };
    centrals.push(header(true));
    const local = Buffer.concat([header(false), compressed]);
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The OSV-Scanner offline database: one all.zip per ecosystem (every ecosystem a scan meets needs one). */
export function writeOsvDb(dir: string, records: Advisory[], extraEcosystems: string[] = []): void {
  const byEcosystem = new Map<string, Advisory[]>(extraEcosystems.map((e) => [e, []]));
  for (const r of records)
    for (const e of r.ecosystems) byEcosystem.set(e, [...(byEcosystem.get(e) ?? []), r]);
  for (const [ecosystem, list] of byEcosystem) {
    const target = join(dir, 'osv-scalibr', ecosystem);
    mkdirSync(target, { recursive: true });
    const entries = list.map((r) => ({ name: `${r.id}.json`, data: readFileSync(r.file) }));
    writeFileSync(join(target, 'all.zip'), zip(entries));
  }
}

function run(command: string, args: string[]): void {
  const r = spawnSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (r.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} failed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(-10).join('\n')}`,
    );
}

/**
 * A Trivy cache folder whose DB trivy-db's builder made from these records, laid out as the
 * advisory-database tree it reads (`ghsa/advisories/github-reviewed/YYYY/MM/<id>/<id>.json`).
 */
export function writeTrivyCache(cacheDir: string, records: Advisory[], trivyDb: string): void {
  const work = mkdtempSync(join(dirname(cacheDir), '.trivy-db-build-'));
  try {
    for (const r of records) {
      const [year, month] = r.published.split('-');
      const target = join(
        work,
        'input',
        'ghsa',
        'advisories',
        'github-reviewed',
        year ?? '',
        month ?? '',
        r.id,
      );
      mkdirSync(target, { recursive: true });
      copyFileSync(r.file, join(target, `${r.id}.json`));
    }
    mkdirSync(join(work, 'input', 'cocoapods-specs', 'Specs'), { recursive: true });
    const out = join(work, 'out');
    run(trivyDb, [
      'build',
      '--cache-dir',
      join(work, 'input'),
      '--output-dir',
      out,
      '--only-update',
      'ghsa',
      '--update-interval',
      '8760h',
    ]);
    mkdirSync(join(cacheDir, 'db'), { recursive: true });
    for (const file of ['trivy.db', 'metadata.json'])
      copyFileSync(join(out, file), join(cacheDir, 'db', file));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Builds both databases once per content (records + builder version) and returns their paths. */
export function ensureVulnDbs(): VulnDbs {
  const records = advisories();
  const builder = wantedTools(true).find((t) => t.name === 'trivy-db');
  if (builder === undefined) throw new Error('no trivy-db builder pinned in scripts/tools.ts');
  const trivyDb = join(toolDir(builder.name, builder.version), builder.binary);
  if (!existsSync(trivyDb))
    throw new Error(`trivy-db builder missing at ${trivyDb}: run node scripts/tools.ts --dev`);
  const key = createHash('sha256');
  key.update(`trivy-db ${builder.version}\n`);
  // This file writes the databases: a change to it is a change to them.
  key.update(readFileSync(import.meta.filename));
  for (const r of records) key.update(`${r.id}\n`).update(readFileSync(r.file));
  const dir = join(toolsCache(), 'vuln-dbs', key.digest('hex').slice(0, 16));
  const result = { osv: join(dir, 'osv'), trivyCache: join(dir, 'trivy'), advisories: records };
  if (existsSync(join(dir, 'complete'))) return result;
  mkdirSync(dirname(dir), { recursive: true });
  const staging = mkdtempSync(`${dir}.partial-`);
  try {
    writeOsvDb(join(staging, 'osv'), records);
    writeTrivyCache(join(staging, 'trivy'), records, trivyDb);
    writeFileSync(join(staging, 'complete'), `${new Date().toISOString()}\n`);
    try {
      renameSync(staging, dir);
    } catch (error) {
      if (!existsSync(join(dir, 'complete'))) throw error;
    }
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
  return result;
}

if (import.meta.main) {
  const dbs = ensureVulnDbs();
  process.stdout.write(`${JSON.stringify({ osv: dbs.osv, trivyCache: dbs.trivyCache }, null, 2)}\n`);
}
