import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  __commonJS,
  __require
} from "./chunk-VSWNXCQW.mjs";

// builtin:os
var require_os = __commonJS({
  "builtin:os"(exports, module) {
    module.exports = __require("node:os");
  }
});

// builtin:path
var require_path = __commonJS({
  "builtin:path"(exports, module) {
    module.exports = __require("node:path");
  }
});

export {
  require_os,
  require_path
};
//# sourceMappingURL=chunk-4DC6W4AY.mjs.map
