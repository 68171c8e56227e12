/**
 * The workflow commands a runner would act on in a step's stdout, as the runner reads them: `::name
 * props::data` lines, legacy `##[name props]data` lines, and `::stop-commands::TOKEN` … `::TOKEN::` regions
 * in which nothing is acted on.
 */
export function runnerCommands(stdout: string): { name: string; data: string }[] {
  const acted: { name: string; data: string }[] = [];
  let stopToken: string | undefined;
  // As the runner reads a step's output: lines end at \n or \r, leading Unicode whitespace is stripped,
  // and the legacy ##[name] form counts anywhere in a line.
  for (const raw of stdout.split(/\r\n|\n|\r|\u0085|\u2028|\u2029/)) {
    const line = raw.replace(/^[\s\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]+/, '');
    if (stopToken !== undefined) {
      if (line === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const v2 = /^::([A-Za-z-]+)(?: [^:]*)?::(.*)$/.exec(line);
    const v1 = /##\[([A-Za-z-]+)(?: [^\]]*)?\](.*)$/.exec(line);
    const match = v2 ?? v1;
    if (match === null) continue;
    const name = match[1] ?? '';
    const data = match[2] ?? '';
    if (name === 'stop-commands') stopToken = data;
    acted.push({ name, data });
  }
  return acted;
}
