import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-5MM4E6UD.mjs";

// builtin:https
var require_https = __commonJS({
  "builtin:https"(exports, module) {
    module.exports = __require("node:https");
  }
});

export {
  require_https
};
//# sourceMappingURL=chunk-SQTBFNWX.mjs.map
