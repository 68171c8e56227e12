// tools/: one module per external CLI (argument builders, output parsers) and the tool installer. Other folders and the actions use only what is exported here.
export type { BuildRequest } from './build-request.ts';
export { buildah } from './buildah.ts';
export { buildx } from './buildx.ts';
export { osvScanner, type SbomFormat, syft, trivy } from './scanners.ts';
export { skopeo } from './skopeo.ts';
export {
  type InstallRequest,
  PINNED_TOOLS,
  type ToolBuild,
  ToolInstaller,
  type ToolManifest,
} from './tool-installer.ts';
export { prepareTrivyCache, runTrivyScan, type TrivyDb, type TrivyScan, updateTrivyDb } from './trivy-run.ts';
