// github/: GitHub's APIs. Other folders and the actions use only what is exported here.
export { type GitHubAttestationsTarget, storeGitHubAttestation } from './artifact-attestations.ts';
