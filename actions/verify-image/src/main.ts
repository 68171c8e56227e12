import { runMain } from '@chain/core';
import { main } from './run.ts';

await runMain(main);
