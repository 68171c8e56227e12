import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  defineOutputs,
  type InputContext,
  InvalidValueError,
  inputs,
  ociInputs,
  parseList,
  parsePath,
} from '@chain/core/entry';

/** The build context, and the Containerfile it holds (Containerfile, else Dockerfile), found as it is read. */
export interface BuildContext {
  dir: string;
  containerfile: string | undefined;
}

function buildContext(raw: string, ctx: InputContext): BuildContext {
  const dir = parsePath(raw, ctx, { mustExist: 'directory' });
  const containerfile = ['Containerfile', 'Dockerfile'].map((f) => join(dir, f)).find((f) => existsSync(f));
  return { dir, containerfile };
}

export interface SecretSpec {
  id: string;
  /** `value`: from `secrets-env`'s id=value lines, read at run time and masked at once. */
  source: { env: string } | { file: string } | { value: string };
}

/**
 * Secrets are named, never given inline: `id=env:VARIABLE` or `id=file:/path`. An inline value would be
 * printed in logs and visible in process listings, so it is refused without being echoed.
 */
const SECRET_ADVICE =
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the advice quotes GitHub expression syntax verbatim
  'is not id=env:VARIABLE or id=file:PATH. Never put a secret value in the workflow: put it in an environment variable from secrets (env: MY_TOKEN: ${{ secrets.MY_TOKEN }}) and write id=env:MY_TOKEN';

export function parseSecrets(raw: string): SecretSpec[] {
  return parseList(raw).map((line, i) => {
    const match = /^([A-Za-z0-9_.-]+)=(env|file):(.+)$/.exec(line);
    if (match === null) {
      const id = /^([A-Za-z0-9_.-]+)=/.exec(line)?.[1];
      throw new InvalidValueError(`line ${i + 1}${id ? ` (id "${id}")` : ''} ${SECRET_ADVICE}`);
    }
    const [, id = '', kind, ref = ''] = match;
    if (kind === 'env' && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(ref)) {
      throw new InvalidValueError(`line ${i + 1} (id "${id}"): "${ref}" is not an environment variable name`);
    }
    return { id, source: kind === 'env' ? { env: ref } : { file: ref } };
  });
}

export const spec = {
  context: inputs.custom('directory', buildContext).default('.'),
  file: inputs.path({ mustExist: 'file' }).optional(),
  platforms: ociInputs.platforms().default(''),
  'build-args': inputs.keyValues().default(''),
  labels: inputs.keyValues().default(''),
  annotations: inputs.keyValues().default(''),
  target: inputs
    .string({ pattern: /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, accepted: 'a build stage name' })
    .optional(),
  secrets: inputs.custom('secrets', parseSecrets).default(''),
  'secrets-env': inputs
    .string({
      pattern: /^[A-Za-z_][A-Za-z0-9_]*$/,
      accepted: 'the name of an environment variable, such as BUILD_SECRETS',
    })
    .optional(),
  builder: inputs.enum(['auto', 'buildx', 'buildah']).default('auto'),
  provenance: inputs.enum(['min', 'max', 'false']).optional(),
  sbom: inputs.boolean().default('false'),
  'cache-from': inputs.list().default(''),
  'cache-to': inputs.list().default(''),
  'source-date-epoch': inputs.integer({ min: 0, max: 253402300799 }).optional(),
  version: inputs.string().optional(),
  'traceability-labels': inputs.boolean().default('true'),
  'output-dir': inputs.path({ allowOutsideWorkspace: true }).optional(),
  join: inputs.list().optional(),
} as const;

export const outputs = defineOutputs([
  'layout',
  'digest',
  'media-type',
  'platforms',
  'builder',
  'build-record',
]);
