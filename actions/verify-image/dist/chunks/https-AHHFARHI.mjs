import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  require_https
} from "./chunk-SQTBFNWX.mjs";
import "./chunk-5MM4E6UD.mjs";
export default require_https();
//# sourceMappingURL=https-AHHFARHI.mjs.map
