/** A parsed address: its family, its bytes in network order, and an IPv6 zone if one was given. */
export interface ParsedIp {
    readonly family: 'ipv4' | 'ipv6';
    readonly bytes: Uint8Array;
    readonly scopeId: number;
}
/** Parses an IP address argument; a TypeError naming `name` for anything that is not one. */
export declare function parseIp(value: unknown, name: string): ParsedIp;
/** A SOCKADDR_INET (28 bytes) holding `ip`, port 0. */
export declare function sockaddrInet(ip: ParsedIp): Buffer;
/** Whether `ip` lies in `prefix/length` (same family). */
export declare function prefixContains(prefix: ParsedIp, length: number, ip: ParsedIp): boolean;
/** Whether an IPv6 address is link-local (fe80::/10). */
export declare function isLinkLocal(ip: ParsedIp): boolean;
