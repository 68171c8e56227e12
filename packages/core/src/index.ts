// The public entry of the core library: each folder's own public API (its index.ts). Actions import from
// here; the test fakes and the in-process harness are in '@chain/core/testing'.
export * from './action/index.ts';
export * from './aws/index.ts';
export * from './exec/index.ts';
export * from './github/index.ts';
export * from './inputs/index.ts';
export * from './oci/index.ts';
export * from './report/index.ts';
export * from './sigstore/index.ts';
export * from './tools/index.ts';
