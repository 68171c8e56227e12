// Shared by the scanner stand-ins: argv checking against the real CLI's syntax, and recorded output.
// STANDIN_LOG (optional) receives one JSON line per call; STANDIN_<TOOL>_REPORT names the recorded
// report to write; STANDIN_<TOOL>_EXIT overrides the exit code; STANDIN_<TOOL>_CORRUPT writes garbage.
import { appendFileSync, copyFileSync, writeFileSync } from 'node:fs';

export function standIn(tool, spec) {
  const argv = process.argv.slice(2);
  if (process.env.STANDIN_LOG) appendFileSync(process.env.STANDIN_LOG, `${JSON.stringify({ tool, argv })}\n`);
  const fail = (message) => {
    process.stderr.write(`${tool} (stand-in): ${message}\n`);
    process.exit(2);
  };
  if (argv[0] === '--version' || argv[0] === 'version') {
    process.stdout.write(`${spec.version}\n`);
    return;
  }
  const command = spec.commands.find((c) => c.path.every((word, i) => argv[i] === word));
  if (command === undefined) fail(`unknown command: ${argv.slice(0, 2).join(' ')}`);
  const rest = argv.slice(command.path.length);
  const flags = new Map();
  const positional = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.split(/=(.*)/s);
    const kind = command.flags[name];
    if (kind === undefined) fail(`unknown flag ${name} for ${command.path.join(' ')}`);
    if (kind === 'bool') flags.set(name, 'true');
    else {
      const value = inline ?? rest[++i];
      if (value === undefined) fail(`flag ${name} needs a value`);
      if (kind === 'multi') flags.set(name, [...(flags.get(name) ?? []), value]);
      else flags.set(name, value);
    }
  }
  if (positional.length !== command.positionals)
    fail(`expected ${command.positionals} positional argument(s), got ${positional.length}`);
  for (const required of command.required ?? []) if (!flags.has(required)) fail(`missing ${required}`);
  const key = tool.toUpperCase().replace(/-/g, '_');
  const outputs = command.outputs(flags, positional);
  for (const [file, fallback] of outputs) {
    if (process.env[`STANDIN_${key}_CORRUPT`]) writeFileSync(file, '{"truncated": ');
    else copyFileSync(process.env[`STANDIN_${key}_REPORT`] ?? fallback, file);
  }
  process.exit(Number(process.env[`STANDIN_${key}_EXIT`] ?? command.exitCode?.() ?? 0));
}
