/** The `family` argument: names or Windows AF_* numbers, checked before any native call. */
import { describeValue } from './errors.js';
import { AF_INET, AF_INET6, AF_UNSPEC } from './struct/ctypes.js';

/** What `family` options accept: a name, or AF_INET (2), AF_INET6 (23), AF_UNSPEC (0). */
export type FamilyOption = 'ipv4' | 'ipv6' | 'all' | typeof AF_INET | typeof AF_INET6 | typeof AF_UNSPEC;

/** The ADDRESS_FAMILY number for a `family` option; a TypeError naming the value for anything else. */
export function toAddressFamily(family: unknown, name = 'family'): 0 | 2 | 23 {
  switch (family) {
    case 'all':
    case AF_UNSPEC:
      return AF_UNSPEC;
    case 'ipv4':
    case AF_INET:
      return AF_INET;
    case 'ipv6':
    case AF_INET6:
      return AF_INET6;
    default:
      throw new TypeError(
        `Expected \`${name}\` to be 'ipv4', 'ipv6', 'all', AF_INET (2), AF_INET6 (23) or AF_UNSPEC (0), got ${describeValue(family)}`,
      );
  }
}

/** The name of an ADDRESS_FAMILY number. */
export function familyName(af: 0 | 2 | 23): 'all' | 'ipv4' | 'ipv6' {
  return af === AF_INET ? 'ipv4' : af === AF_INET6 ? 'ipv6' : 'all';
}
