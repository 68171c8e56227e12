// skopeo-push's entry: the action loads when it runs (nothing is done at import time).
const { start } = await import('./run.ts');
process.exitCode = await start();
