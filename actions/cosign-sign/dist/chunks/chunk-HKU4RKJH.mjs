import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-VSWNXCQW.mjs";

// builtin:http
var require_http = __commonJS({
  "builtin:http"(exports, module) {
    module.exports = __require("node:http");
  }
});

export {
  require_http
};
//# sourceMappingURL=chunk-HKU4RKJH.mjs.map
