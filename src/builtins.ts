/**
 * Node's built-in modules this package uses, each required on first use (importing the package
 * stays cheap) and kept: a `require()` on a hot path costs a module-loader lookup on every call.
 */
let util: typeof import('node:util') | undefined;
let net: typeof import('node:net') | undefined;

/** node:util's `types` (isUint8Array, isArrayBuffer, isProxy: checks that run none of the value's own code). */
export function types(): typeof import('node:util').types {
  return (util ??= require('node:util') as typeof import('node:util')).types;
}

/** node:net (isIP, isIPv4, isIPv6). */
export function netModule(): typeof import('node:net') {
  return (net ??= require('node:net') as typeof import('node:net'));
}
