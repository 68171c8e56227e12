import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  require_https
} from "./chunk-GFEOTL3R.mjs";
import "./chunk-VSWNXCQW.mjs";
export default require_https();
//# sourceMappingURL=https-BD7IGPKN.mjs.map
