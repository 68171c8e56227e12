import { action } from './action.ts';

await action.post();
