import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  require_http
} from "./chunk-HKU4RKJH.mjs";
import "./chunk-VSWNXCQW.mjs";
export default require_http();
//# sourceMappingURL=http-2KH7I557.mjs.map
