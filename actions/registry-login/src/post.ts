import { runPost } from '@chain/core';
import { post } from './run.ts';

await runPost(post);
