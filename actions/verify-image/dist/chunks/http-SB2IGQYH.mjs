import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  require_http
} from "./chunk-BPC66IFE.mjs";
import "./chunk-5MM4E6UD.mjs";
export default require_http();
//# sourceMappingURL=http-SB2IGQYH.mjs.map
