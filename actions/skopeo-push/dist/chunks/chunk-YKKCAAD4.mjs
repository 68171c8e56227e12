import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-5MM4E6UD.mjs";

// builtin:stream
var require_stream = __commonJS({
  "builtin:stream"(exports, module) {
    module.exports = __require("node:stream");
  }
});

export {
  require_stream
};
//# sourceMappingURL=chunk-YKKCAAD4.mjs.map
