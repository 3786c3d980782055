import { AF_INET, AF_INET6, AF_UNSPEC } from './schema.js';
/** What `family` options accept: a name, or AF_INET (2), AF_INET6 (23), AF_UNSPEC (0). */
export type FamilyOption = 'ipv4' | 'ipv6' | 'all' | typeof AF_INET | typeof AF_INET6 | typeof AF_UNSPEC;
/** The ADDRESS_FAMILY number for a `family` option; a TypeError naming the value for anything else. */
export declare function toAddressFamily(family: unknown, name?: string): 0 | 2 | 23;
/** The name of an ADDRESS_FAMILY number. */
export declare function familyName(af: 0 | 2 | 23): 'all' | 'ipv4' | 'ipv6';
