import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  action
} from "./chunks/chunk-A6TJWRJ4.mjs";
import "./chunks/chunk-X2YKDVT3.mjs";
import "./chunks/chunk-LAKDNJDR.mjs";
import "./chunks/chunk-ZKXDAKWM.mjs";
import "./chunks/chunk-Q7KQMW4X.mjs";
import "./chunks/chunk-VCWESDKG.mjs";
import "./chunks/chunk-5MM4E6UD.mjs";

// actions/ecr-oidc-login/src/post.ts
await action.post();
//# sourceMappingURL=post.mjs.map
