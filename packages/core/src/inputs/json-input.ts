import { readFile } from 'node:fs/promises';
import { ConfigurationError } from '../action/errors.ts';

/** A JSON file an input names (a build record, a scan report, an SBOM set), read or refused naming the input. */
export async function readJsonInput(path: string, input: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as unknown;
  } catch (error) {
    throw new ConfigurationError(
      `Input "${input}": ${path} is not readable JSON (${(error as Error).message})`,
      { input },
    );
  }
}
