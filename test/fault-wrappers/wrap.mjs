// Fault injection around a REAL scanner: the wrapper runs the real tool (REAL_<TOOL>) with the same argv,
// then, when asked, breaks what the tool produced. Real tools cannot be made to fail this way on demand.
//   TOOL_CALL_LOG              one JSON line per call ({tool, argv})
//   FAULT_<TOOL>_CORRUPT   overwrite the tool's report file(s) with truncated JSON
//   FAULT_<TOOL>_EXIT      exit with this code instead of the tool's
import { spawnSync } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';

/** The files a run writes its report to: trivy --output, osv-scanner --output-file, syft -o format=file. */
function outputFiles(argv) {
  const files = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--output' || arg === '--output-file') files.push(argv[i + 1]);
    if (arg === '-o' && argv[i + 1]?.includes('=')) files.push(argv[i + 1].split('=').slice(1).join('='));
  }
  return files.filter(Boolean);
}

export function wrap(tool) {
  const argv = process.argv.slice(2);
  const key = tool.toUpperCase().replace(/-/g, '_');
  if (process.env.TOOL_CALL_LOG)
    appendFileSync(process.env.TOOL_CALL_LOG, `${JSON.stringify({ tool, argv })}\n`);
  const real = process.env[`REAL_${key}`];
  if (!real) {
    process.stderr.write(`${tool} fault wrapper: REAL_${key} is not set\n`);
    process.exit(2);
  }
  const r = spawnSync(real, argv, { stdio: 'inherit' });
  if (process.env[`FAULT_${key}_CORRUPT`])
    for (const file of outputFiles(argv)) writeFileSync(file, '{"truncated": ');
  process.exit(Number(process.env[`FAULT_${key}_EXIT`] ?? r.status ?? 1));
}
