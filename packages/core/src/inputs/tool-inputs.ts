import { ConfigurationError } from '../action/errors.ts';
import type { InstallRequest, ToolInstaller } from '../tools/tool-installer.ts';

/** Codes of a tool path that cannot be run: the `<tool>-path` input's fault when the user gave one. */
const PATH_CODES = new Set(['TOOL_NOT_A_FILE', 'TOOL_NOT_EXECUTABLE']);

/**
 * Installs a tool as a step's `<tool>-version` and `<tool>-path` inputs chose (every action spells them so),
 * naming the input a refusal came from: an unpinned version is `<tool>-version`'s, a path that cannot be run
 * is `<tool>-path`'s when the user gave it (a cached or downloaded tool that cannot run is no input's).
 */
export async function installFromInputs(
  installer: ToolInstaller,
  tool: string,
  request: InstallRequest,
): ReturnType<ToolInstaller['install']> {
  try {
    return await installer.install(tool, request);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    if (error.code === 'TOOL_VERSION_UNPINNED') throw error.forInput(`${tool}-version`);
    if (request.path !== undefined && PATH_CODES.has(error.code)) throw error.forInput(`${tool}-path`);
    throw error;
  }
}
