import { createRequire as __createRequire } from 'node:module';
const require = __createRequire(import.meta.url);
import {
  CommandError,
  ConfigurationError,
  JobSummary,
  addLogin,
  defineState,
  loginKey,
  parseLoginRecord,
  removeLogins,
  requestIdToken,
  samePolicy
} from "./chunk-X2YKDVT3.mjs";
import "./chunk-LAKDNJDR.mjs";
import "./chunk-ZKXDAKWM.mjs";
import "./chunk-Q7KQMW4X.mjs";
import "./chunk-VCWESDKG.mjs";
import "./chunk-5MM4E6UD.mjs";

// packages/core/src/aws/ecr-login.ts
function awsEndpoint(env, service, region) {
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS === "true") return { region, endpoint: void 0 };
  return { region, endpoint: env[`AWS_ENDPOINT_URL_${service}`] || env.AWS_ENDPOINT_URL || void 0 };
}
var GITHUB_ISSUER = "token.actions.githubusercontent.com";
function claim(claims, name) {
  const value = claims[name];
  return Array.isArray(value) ? value.join(",") : typeof value === "string" ? value : "(absent)";
}
function adviseStsError(error, token, roleArn) {
  const e = error;
  const sub = claim(token.claims, "sub");
  const aud = claim(token.claims, "aud");
  const account = /^arn:aws[a-z-]*:iam::(\d{12}):/.exec(roleArn)?.[1] ?? "<account>";
  switch (e.name?.replace(/Exception$/, "")) {
    case "AccessDenied":
      return new ConfigurationError(
        `AWS STS refused to let this job assume ${roleArn} (AccessDenied: ${e.message ?? ""}). The job's token has sub "${sub}" and aud "${aud}". The role's trust policy must allow exactly these, e.g. Principal {"Federated": "arn:aws:iam::${account}:oidc-provider/${GITHUB_ISSUER}"}, Action "sts:AssumeRoleWithWebIdentity", Condition {"StringEquals": {"${GITHUB_ISSUER}:aud": "${aud}"}, "StringLike": {"${GITHUB_ISSUER}:sub": "${sub.split(":").slice(0, 2).join(":")}:*"}}.`,
        { code: "STS_ACCESS_DENIED", actual: `sub "${sub}", aud "${aud}"` }
      );
    case "InvalidIdentityToken":
    case "IDPRejectedClaim":
      return new ConfigurationError(
        `AWS STS rejected the job's token (${e.name}: ${e.message ?? ""}). Register the OIDC identity provider https://${GITHUB_ISSUER} in IAM of account ${account} with audience "${aud}" (the action's "audience" input).`,
        { code: "STS_TOKEN_REJECTED", actual: `aud "${aud}"` }
      );
    case "ExpiredToken":
      return new ConfigurationError(
        `AWS STS says the job's token has expired (${e.message ?? ""}). Tokens live a few minutes; re-run the job, and check the runner's clock.`,
        { code: "STS_TOKEN_EXPIRED" }
      );
    default:
      return awsFailure("AWS STS", error);
  }
}
function awsFailure(service, error) {
  const e = error;
  if (e.code === "ENOTFOUND" || e.name === "UnknownEndpoint") {
    return new ConfigurationError(
      `${service} could not be reached (${e.message ?? e.code}); check the "aws-region" input`,
      { code: "AWS_UNREACHABLE" }
    );
  }
  if (e.name === "UnrecognizedClientException" || e.name === "InvalidSignatureException") {
    return new ConfigurationError(
      `${service} did not accept the session (${e.name}); is "aws-region" the region of the registry?`,
      { code: "AWS_SESSION_REJECTED", actual: e.name }
    );
  }
  const status = e.$metadata?.httpStatusCode;
  return new CommandError(
    `${service} failed: ${e.name ?? "error"}${status ? ` (HTTP ${status})` : ""}: ${e.message ?? String(error)}`,
    {
      tool: service,
      cause: error
    }
  );
}
async function assumeRoleWithWebIdentity(request) {
  const { STSClient, AssumeRoleWithWebIdentityCommand } = await import("./dist-es-64OFJVLA.mjs");
  const client = new STSClient({ ...clientPlace(request.sts), maxAttempts: 3 });
  let out;
  try {
    out = await client.send(
      new AssumeRoleWithWebIdentityCommand({
        RoleArn: request.roleArn,
        RoleSessionName: request.sessionName,
        WebIdentityToken: request.token.value,
        DurationSeconds: request.durationSeconds,
        ...request.sessionPolicy === void 0 ? {} : { Policy: request.sessionPolicy }
      })
    );
  } catch (error) {
    throw adviseStsError(error, request.token, request.roleArn);
  } finally {
    client.destroy();
  }
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
    throw new CommandError("AWS STS answered without credentials", { tool: "AWS STS" });
  }
  request.logger.setSecret(c.AccessKeyId);
  request.logger.setSecret(c.SecretAccessKey);
  request.logger.setSecret(c.SessionToken);
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    expiration: c.Expiration,
    assumedRoleArn: out.AssumedRoleUser?.Arn
  };
}
function clientPlace({ region, endpoint }) {
  return endpoint === void 0 ? { region } : { region, endpoint };
}
async function ecrClient({ session, ecr: place }) {
  const ecr = await import("./dist-es-6VYLBZZR.mjs");
  const client = new ecr.ECRClient({
    ...clientPlace(place),
    maxAttempts: 3,
    credentials: {
      accessKeyId: session.accessKeyId,
      secretAccessKey: session.secretAccessKey,
      sessionToken: session.sessionToken
    }
  });
  return { ecr, client };
}
async function withEcr(access, call) {
  const { ecr, client } = await ecrClient(access);
  try {
    return await call(ecr, client);
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw awsFailure("AWS ECR", error);
  } finally {
    client.destroy();
  }
}
async function getEcrLogins(access, registryIds, logger) {
  return withEcr(access, async (ecr, client) => {
    const out = await client.send(new ecr.GetAuthorizationTokenCommand({ registryIds }));
    return (out.authorizationData ?? []).map((data) => {
      const token = data.authorizationToken ?? "";
      logger.setSecret(token);
      const decoded = Buffer.from(token, "base64").toString("utf8");
      const colon = decoded.indexOf(":");
      if (colon < 0 || !data.proxyEndpoint)
        throw new CommandError("ECR returned an authorization token of an unknown form", { tool: "AWS ECR" });
      const password = decoded.slice(colon + 1);
      logger.setSecret(password);
      return {
        registry: new URL(data.proxyEndpoint).host,
        username: decoded.slice(0, colon),
        password,
        expiresAt: data.expiresAt
      };
    });
  });
}
async function getLifecyclePolicy(access, registryId, repository) {
  return withEcr(access, async (ecr, client) => {
    try {
      const out = await client.send(
        new ecr.GetLifecyclePolicyCommand({ registryId, repositoryName: repository })
      );
      return out.lifecyclePolicyText;
    } catch (error) {
      if (error.name === "LifecyclePolicyNotFoundException") return void 0;
      throw error;
    }
  });
}
async function putLifecyclePolicy(access, registryId, repository, text) {
  await withEcr(
    access,
    (ecr, client) => client.send(
      new ecr.PutLifecyclePolicyCommand({
        registryId,
        repositoryName: repository,
        lifecyclePolicyText: text
      })
    )
  );
}
async function getTagMutability(access, registryId, repository) {
  return withEcr(access, async (ecr, client) => {
    const out = await client.send(
      new ecr.DescribeRepositoriesCommand({ registryId, repositoryNames: [repository] })
    );
    const repo = out.repositories?.[0];
    return {
      mode: repo?.imageTagMutability ?? "MUTABLE",
      exceptions: (repo?.imageTagMutabilityExclusionFilters ?? []).map((f) => f.filter ?? "").filter((f) => f !== "")
    };
  });
}
function enforcesImmutable(current, patterns) {
  if (current.mode === "IMMUTABLE") return true;
  if (current.mode === "MUTABLE_WITH_EXCLUSION") return patterns.every((p) => current.exceptions.includes(p));
  if (current.mode === "IMMUTABLE_WITH_EXCLUSION")
    return patterns.every((p) => !current.exceptions.includes(p));
  return false;
}
async function putImmutableTags(access, registryId, repository, patterns) {
  await withEcr(
    access,
    (ecr, client) => client.send(
      new ecr.PutImageTagMutabilityCommand({
        registryId,
        repositoryName: repository,
        imageTagMutability: "MUTABLE_WITH_EXCLUSION",
        imageTagMutabilityExclusionFilters: patterns.map((filter) => ({ filterType: "WILDCARD", filter }))
      })
    )
  );
}

// actions/ecr-oidc-login/src/run.ts
var loginState = defineState("ecr-oidc-login", parseLoginRecord("ecr-oidc-login"));
var REGION_CODES = /* @__PURE__ */ new Set(["AWS_UNREACHABLE", "AWS_SESSION_REJECTED"]);
async function run(plan, { deps, outputs }) {
  const token = await requestIdToken(deps.env, plan.audience, deps.logger);
  const session = await namingRegion(assumeRole(plan, token, deps));
  const access = { session, ecr: awsEndpoint(deps.env, "ECR", plan.region) };
  const logins = await namingRegion(getEcrLogins(access, plan.registryIds, deps.logger));
  if (logins.length === 0)
    throw new ConfigurationError(
      `ECR returned no login for ${plan.registryIds.join(", ")} in ${plan.region}`
    );
  await writeLogins(plan, logins, deps);
  exportSession(plan, session, deps);
  outputs.write({ registry: logins.map((l) => l.registry).join("\n"), "auth-file": plan.files.authFile });
  const lifecycle = await namingRegion(lifecyclePolicy(plan.lifecycle, plan.account, access, deps));
  const immutability = await namingRegion(tagImmutability(plan.immutability, plan.account, access, deps));
  await deps.writeSummary(loginSummary({ plan, session, token, logins, lifecycle, immutability }));
}
async function namingRegion(work) {
  try {
    return await work;
  } catch (error) {
    if (error instanceof ConfigurationError && REGION_CODES.has(error.code))
      throw error.forInput("aws-region");
    throw error;
  }
}
async function assumeRole(plan, token, deps) {
  const session = await assumeRoleWithWebIdentity({
    roleArn: plan.roleArn,
    sessionName: plan.sessionName,
    token,
    durationSeconds: plan.durationSeconds,
    sessionPolicy: plan.sessionPolicy,
    sts: awsEndpoint(deps.env, "STS", plan.region),
    logger: deps.logger
  });
  deps.logger.info(`assumed ${session.assumedRoleArn ?? plan.roleArn} as session ${plan.sessionName}`);
  return session;
}
async function writeLogins(plan, logins, deps) {
  const { files } = plan;
  const state = { keep: plan.keep, logins: [] };
  for (const login of logins) {
    for (const [file, kind] of [
      [files.dockerConfig, "docker"],
      [files.authFile, "containers"]
    ]) {
      const added = await addLogin(file, loginKey(login.registry, kind), login.username, login.password);
      if (added.replaced) deps.logger.warning(`replaced an existing login for ${login.registry} in ${file}`);
      state.logins.push(added);
      loginState.save(deps.state, state);
    }
  }
  if (files.exportAuthFile) deps.exportVariable("REGISTRY_AUTH_FILE", files.authFile);
}
function exportSession(plan, session, deps) {
  if (!plan.exportCredentials) return;
  deps.exportVariable("AWS_ACCESS_KEY_ID", session.accessKeyId);
  deps.exportVariable("AWS_SECRET_ACCESS_KEY", session.secretAccessKey);
  deps.exportVariable("AWS_SESSION_TOKEN", session.sessionToken);
  deps.exportVariable("AWS_REGION", plan.region);
  deps.exportVariable("AWS_DEFAULT_REGION", plan.region);
}
async function lifecyclePolicy(lifecycle, account, access, deps) {
  if (lifecycle === void 0) return "off";
  const { repository, days, policy } = lifecycle;
  const current = await getLifecyclePolicy(access, account, repository);
  let said;
  if (samePolicy(current, policy)) said = `${repository}: matches the retention rule (${days} days)`;
  else if (lifecycle.mode === "apply") {
    await putLifecyclePolicy(access, account, repository, policy);
    said = `${repository}: retention rule applied (${days} days)`;
  } else {
    said = `${repository}: ${current === void 0 ? "has no lifecycle policy" : "has a different lifecycle policy"}`;
    deps.logger.warning(`lifecycle check: ${said}; set lifecycle-policy: apply to apply the retention rule`);
  }
  deps.logger.info(`lifecycle policy: ${said}`);
  return said;
}
async function tagImmutability(immutability, account, access, deps) {
  if (immutability === void 0) return "off";
  const { repository, patterns } = immutability;
  const current = await getTagMutability(access, account, repository);
  const said = `${repository}: ${current.mode}${current.exceptions.length > 0 ? ` (except ${current.exceptions.join(", ")})` : ""}`;
  if (enforcesImmutable(current, patterns)) {
    deps.logger.info(`tag immutability: ${said} keeps ${patterns.join(", ")} write-once`);
    return `${said}: keeps ${patterns.join(", ")} write-once`;
  }
  if (immutability.mode === "check")
    throw new ConfigurationError(
      `Input "tag-immutability": ECR repository ${said} lets ${patterns.join(", ")} tags be overwritten. Set tag-immutability: enforce (or: aws ecr put-image-tag-mutability --repository-name ${repository} --image-tag-mutability MUTABLE_WITH_EXCLUSION --image-tag-mutability-exclusion-filters ${patterns.map((p) => `filterType=WILDCARD,filter=${p}`).join(" ")})`,
      {
        code: "TAGS_MUTABLE",
        input: "tag-immutability",
        expected: `${patterns.join(", ")} write-once`,
        actual: said
      }
    );
  await putImmutableTags(access, account, repository, patterns);
  deps.logger.info(
    `tag immutability: ${repository} now keeps ${patterns.join(", ")} write-once (other tags stay movable)`
  );
  return `${repository}: set to keep ${patterns.join(", ")} write-once`;
}
function loginSummary({ plan, session, token, logins, lifecycle, immutability }) {
  return new JobSummary().heading("ecr-oidc-login").verdict(true, `Logged in to ${logins.map((l) => l.registry).join(", ")}`).facts([
    ["role", { text: session.assumedRoleArn ?? plan.roleArn, code: true }],
    ["session", plan.sessionName],
    ["token subject", String(token.claims.sub ?? "")],
    ["expires", logins.map((l) => l.expiresAt?.toISOString() ?? "unknown").join(", ")],
    ["credentials written to", `${plan.files.dockerConfig}, ${plan.files.authFile}`],
    ["after the job", plan.keep ? "kept (keep-login: true)" : "removed by the post step"],
    ["lifecycle policy", lifecycle],
    ["tag immutability", immutability]
  ]);
}
async function post(deps) {
  await removeLogins(loginState.load(deps.state), deps.logger);
}
export {
  loginState,
  post,
  run
};
//# sourceMappingURL=run-QL4FW34Z.mjs.map
