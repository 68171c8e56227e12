import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  post,
  runPost
} from "./chunks/chunk-NZ6RG2I5.mjs";
import "./chunks/chunk-LAKDNJDR.mjs";
import "./chunks/chunk-ZKXDAKWM.mjs";
import "./chunks/chunk-MQP76K4J.mjs";
import "./chunks/chunk-VCWESDKG.mjs";
import "./chunks/chunk-5MM4E6UD.mjs";

// actions/registry-login/src/post.ts
await runPost(post);
//# sourceMappingURL=post.mjs.map
