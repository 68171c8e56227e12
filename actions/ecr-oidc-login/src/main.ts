import { runMain } from '@chain/core';
import { main } from './run.ts';

process.exitCode = await runMain(main);
