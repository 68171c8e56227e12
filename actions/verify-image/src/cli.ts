#!/usr/bin/env node
// verify-image outside GitHub Actions: the action's own main, with the command line as its inputs and the
// terminal as its summary.
//   node actions/verify-image/dist/cli.mjs <image> --certificate-identity <id> --certificate-oidc-issuer <url>
import { resolve } from 'node:path';
import {
  type ActionDeps,
  createRunnerLogger,
  type ImageCustody,
  type Logger,
  mapInputSource,
  ProcessToolRunner,
  type RunnerIo,
  runCommandLine,
  runMain,
  runnerDeps,
} from '@chain/core';
import { action } from './action.ts';
import { spec } from './inputs.ts';
import { custodyTable } from './report.ts';

export const USAGE = `usage: verify-image <image> --certificate-identity <id> --certificate-oidc-issuer <url> [options]
       verify-image <image> --certificate-identity-regexp <re> --certificate-oidc-issuer <url> [options]
       verify-image <image> --public-key <pem file> [options]
options:
  --certificate-source-repository <url>
                            the repository the certificate must name, e.g. https://github.com/acme/app
                            (a reusable workflow's identity is shared by every caller: set it)
  --certificate-source-ref <ref>   the git ref the certificate must name, e.g. refs/heads/main
  --trusted-root <file>     trusted_root.json of a private Sigstore (default: public-good, via TUF)
  --require <links>         provenance,sbom,vuln (default), any subset, or none
  --auth-file <file>        registry credentials (default: docker/podman login files)
  --tls-verify <bool>       verify the registry's TLS certificate (default true)
  --json                    print the custody JSON instead of the table
exit status: 0 verified, 1 not verified (each failed link named), 2 usage`;

const FLAGS = new Set(Object.keys(spec).filter((name) => name !== 'image'));

/** argv → the action's inputs (`--name value` or `--name=value`), or why it does not parse. */
export function parseArgs(
  argv: readonly string[],
): { inputs: Record<string, string>; json: boolean } | string {
  const inputs: Record<string, string> = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--help' || arg === '-h') return 'help';
    else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq < 0 ? undefined : eq);
      if (!FLAGS.has(name)) return `unknown option --${name}`;
      const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined) return `--${name} needs a value`;
      inputs[name] = value;
    } else if (inputs.image === undefined) inputs.image = arg;
    else return `one image only (got "${inputs.image}" and "${arg}")`;
  }
  return inputs.image === undefined ? 'name the image' : { inputs, json };
}

/** Untrusted text in JSON cannot act as a workflow command when the CLI runs inside a job. */
function inertJson(json: string): string {
  return json.replace(/::/g, ':\\u003a').replace(/##\[/g, '#\\u0023[');
}

/** Log lines for a person, fenced like every untrusted line, on stderr. */
function terminalLogger(io: RunnerIo): Logger {
  const plain = createRunnerLogger(io);
  return {
    ...plain,
    debug: () => undefined,
    warning: (message) => plain.info(`warning: ${message}`),
    error: (message) => plain.info(`error: ${message}`),
    setSecret: () => undefined,
    group: (_title, fn) => fn(),
  };
}

/**
 * The step's dependencies on a terminal: the runner's (state, paths, temporary folders, clock) with the
 * command line as the inputs, paths relative to the current directory, the log on stderr, the outputs kept
 * here and no job summary.
 */
function terminalDeps(
  inputs: Record<string, string>,
  stdout: RunnerIo,
  stderr: RunnerIo,
): { deps: ActionDeps; outputs: Map<string, string> } {
  const logger = terminalLogger(stderr);
  const outputs = new Map<string, string>();
  const deps: ActionDeps = {
    ...runnerDeps(stdout),
    logger,
    runner: new ProcessToolRunner(logger, stdout.env),
    outputs: { set: (name, value) => void outputs.set(name, value) },
    inputs: mapInputSource(inputs),
    inputContext: { workspace: resolve(stdout.cwd()) },
    writeSummary: async () => undefined,
  };
  return { deps, outputs };
}

export async function cli(argv: readonly string[], stdout: RunnerIo, stderr: RunnerIo): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    stderr.write(`${args === 'help' ? '' : `verify-image: ${args}\n`}${USAGE}\n`);
    return args === 'help' ? 0 : 2;
  }
  const { deps, outputs } = terminalDeps(args.inputs, stdout, stderr);
  let failure: string | undefined;
  const code = await runMain(() => action.execute(deps), {
    fail: (m) => (failure = m),
    debug: () => undefined,
  });
  const custody = outputs.get('custody');
  if (custody !== undefined && args.json) stdout.write(`${inertJson(custody)}\n`);
  else if (custody !== undefined)
    createRunnerLogger(stdout).info(custodyTable(JSON.parse(custody) as ImageCustody));
  if (failure !== undefined) deps.logger.error(failure);
  return code;
}

if (import.meta.main) await runCommandLine(cli);
