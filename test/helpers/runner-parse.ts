/**
 * The workflow commands a runner would act on in a step's stdout, as the runner reads them: `::name
 * props::data` lines, legacy `##[name props]data` lines, and `::stop-commands::TOKEN` … `::TOKEN::` regions
 * in which nothing is acted on.
 */
export function runnerCommands(stdout: string): { name: string; data: string }[] {
  const acted: { name: string; data: string }[] = [];
  let stopToken: string | undefined;
  for (const raw of stdout.split('\n')) {
    const line = raw.replace(/\r$/, '').trimStart();
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const v2 = /^::([A-Za-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    const v1 = /^##\[([A-Za-z-]+)(?: [^\]]*)?\](.*)$/.exec(line);
    const match = v2 ?? v1;
    if (match === null) continue;
    const name = match[1] ?? '';
    const data = match[2] ?? '';
    if (name === 'stop-commands') stopToken = data;
    acted.push({ name, data });
  }
  return acted;
}
