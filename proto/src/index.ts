// The public face of the Corridor contract. Everything else imports from here only.
export * from './access-token.js';
export * from './alert.js';
export * from './alert-signature.js';
export * from './claims.js';
export * from './codes.js';
export * from './directory.js';
export * from './errors.js';
export * from './fields.js';
export * from './membership.js';
export * from './membership-signature.js';
export * from './membership-source.js';
export * from './pseudonym.js';
export * from './release.js';
export * from './release-policy.js';
export * from './route-subscription.js';
export * from './subjects.js';
