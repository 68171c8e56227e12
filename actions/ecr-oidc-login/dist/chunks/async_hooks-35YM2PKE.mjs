import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-5MM4E6UD.mjs";

// builtin:async_hooks
var require_async_hooks = __commonJS({
  "builtin:async_hooks"(exports, module) {
    module.exports = __require("node:async_hooks");
  }
});
export default require_async_hooks();
//# sourceMappingURL=async_hooks-35YM2PKE.mjs.map
