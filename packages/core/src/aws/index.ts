// aws/: AWS: STS web identity and ECR logins, tag mutability and lifecycle. Other folders and the actions use only what is exported here.
export {
  type AwsSession,
  assumeRoleWithWebIdentity,
  awsEndpoint,
  type EcrAccess,
  type EcrRegistryLogin,
  enforcesImmutable,
  getEcrLogins,
  getLifecyclePolicy,
  getTagMutability,
  putImmutableTags,
  putLifecyclePolicy,
} from './ecr-login.ts';
