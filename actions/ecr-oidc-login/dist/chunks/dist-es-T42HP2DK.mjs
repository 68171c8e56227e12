import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  ENV_ACCOUNT_ID,
  ENV_CREDENTIAL_SCOPE,
  ENV_EXPIRATION,
  ENV_KEY,
  ENV_SECRET,
  ENV_SESSION,
  fromEnv
} from "./chunk-D2AMOWLJ.mjs";
import "./chunk-2YEUWLRI.mjs";
import "./chunk-CFOGEEO7.mjs";
import "./chunk-ZKXDAKWM.mjs";
import "./chunk-Q7KQMW4X.mjs";
import "./chunk-3K7C7FOX.mjs";
import "./chunk-YKKCAAD4.mjs";
import "./chunk-VCWESDKG.mjs";
import "./chunk-5MM4E6UD.mjs";
export {
  ENV_ACCOUNT_ID,
  ENV_CREDENTIAL_SCOPE,
  ENV_EXPIRATION,
  ENV_KEY,
  ENV_SECRET,
  ENV_SESSION,
  fromEnv
};
//# sourceMappingURL=dist-es-T42HP2DK.mjs.map
