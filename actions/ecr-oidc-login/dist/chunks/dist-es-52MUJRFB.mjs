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
} from "./chunk-QHXVJAHW.mjs";
import "./chunk-EE2THG5E.mjs";
import "./chunk-3MAQ2BB5.mjs";
import "./chunk-VEGNYWNP.mjs";
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
//# sourceMappingURL=dist-es-52MUJRFB.mjs.map
