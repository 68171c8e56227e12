import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  DEFAULT_IMMUTABLE_TAGS,
  InvalidValueError,
  defineAction,
  defineOutputs,
  inputs,
  parseList,
  plan
} from "./chunk-X2YKDVT3.mjs";

// actions/ecr-oidc-login/src/inputs.ts
var spec = {
  "role-to-assume": inputs.string({
    pattern: /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]{1,512}$/,
    accepted: "an IAM role ARN, arn:aws:iam::<12-digit account>:role/<name>"
  }).required("the ARN of the IAM role to assume"),
  "aws-region": inputs.string({
    pattern: /^[a-z]{2}(-gov|-iso[a-z]*)?-[a-z]+-\d$/,
    accepted: "an AWS region such as eu-west-1"
  }).required("the AWS region, e.g. eu-west-1"),
  registries: inputs.custom(
    "account-ids",
    (raw) => parseList(raw).map((id) => {
      if (!/^\d{12}$/.test(id)) throw new InvalidValueError(`"${id}" is not a 12-digit AWS account id`);
      return id;
    })
  ).default(""),
  "role-session-name": inputs.string({ pattern: /^[\w+=,.@-]{2,64}$/, accepted: "2 to 64 of letters, digits and +=,.@_-" }).optional(),
  "role-duration-seconds": inputs.integer({ min: 900, max: 43200 }).default("3600"),
  audience: inputs.string().default("sts.amazonaws.com"),
  "session-policy": inputs.custom("json", (raw) => {
    try {
      JSON.parse(raw);
    } catch {
      throw new InvalidValueError("must be a JSON IAM policy document");
    }
    return raw;
  }).optional(),
  "export-aws-credentials": inputs.boolean().default("false"),
  "keep-login": inputs.boolean().default("false"),
  "lifecycle-policy": inputs.enum(["check", "apply", "off"]).default("off"),
  "lifecycle-repository": inputs.string({
    pattern: /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/,
    accepted: "an ECR repository name such as team/app"
  }).optional(),
  "lifecycle-days": inputs.integer({ min: 1, max: 3650 }).default("30"),
  "tag-immutability": inputs.enum(["check", "enforce", "off"]).default("off"),
  "immutable-tags": inputs.tagPatterns().default(DEFAULT_IMMUTABLE_TAGS)
};
var outputs = defineOutputs(["registry", "auth-file"]);

// actions/ecr-oidc-login/src/action.ts
var action = defineAction({
  name: "ecr-oidc-login",
  inputs: spec,
  outputs,
  plan,
  load: () => import("./run-QL4FW34Z.mjs")
});

export {
  action
};
//# sourceMappingURL=chunk-A6TJWRJ4.mjs.map
