// Route writes on any OS: every rule of a route and its key, each broken by one bad value, is a
// TypeError or RangeError naming the member — thrown before anything platform-specific (off Windows
// a valid route reaches the platform check instead: ERR_UNSUPPORTED_PLATFORM), sync and async alike.
// The writes themselves, and their bytes against C's, are in test/wine/route-writes.test.ts.
import { describe, expect, it } from 'vitest';
import { createRoute, createRouteAsync, deleteRoute, deleteRouteAsync, setRoute, setRouteAsync } from '../src/index.js';

const good = { destinationPrefix: '10.0.0.0/8', nextHop: '192.168.1.1', interfaceIndex: 12 };
const v6 = { destinationPrefix: '2001:db8::/32', nextHop: 'fe80::1%12', interfaceIndex: 12 };

/** [what is wrong, the route, the error class, the member the message names]. */
const BAD: [string, unknown, typeof TypeError | typeof RangeError, RegExp][] = [
  ['not an object', 'route', TypeError, /Expected `route` to be an object/],
  ['null', null, TypeError, /Expected `route` to be an object/],
  ['an array', [good], TypeError, /Expected `route` to be an object/],
  ['no prefix', { nextHop: '192.168.1.1', interfaceIndex: 12 }, TypeError, /`route.destinationPrefix`/],
  ['a prefix without a length', { ...good, destinationPrefix: '10.0.0.0' }, TypeError, /`route.destinationPrefix`/],
  ['a prefix length past 32', { ...good, destinationPrefix: '10.0.0.0/33' }, TypeError, /prefix length of `route.destinationPrefix`/],
  ['a prefix length past 128', { ...v6, destinationPrefix: '2001:db8::/129' }, TypeError, /prefix length of `route.destinationPrefix`/],
  ['a negative prefix length', { ...good, destinationPrefix: { address: '10.0.0.0', prefixLength: -1 } }, TypeError, /prefix length of `route.destinationPrefix`/],
  ['a fractional prefix length', { ...good, destinationPrefix: { address: '10.0.0.0', prefixLength: 8.5 } }, TypeError, /prefix length of `route.destinationPrefix`/],
  ['a prefix that is not an address', { ...good, destinationPrefix: 'ten/8' }, TypeError, /`route.destinationPrefix.address`/],
  ['IPv4 host bits set', { ...good, destinationPrefix: '10.1.2.3/8' }, RangeError, /host bits zero.*did you mean '10.0.0.0\/8'/],
  ['IPv6 host bits set', { ...v6, destinationPrefix: '2001:db8::1/32' }, RangeError, /host bits zero.*'2001:db8::\/32'/],
  ['a /0 with an address', { ...good, destinationPrefix: '1.0.0.0/0' }, RangeError, /host bits zero.*'0.0.0.0\/0'/],
  ['a scoped prefix', { ...v6, destinationPrefix: 'fe80::%12/64' }, TypeError, /no zone/],
  ['a next hop of the other family', { ...good, nextHop: 'fe80::1' }, TypeError, /`route.nextHop` to be an IPv4 address/],
  ['an IPv4 next hop on an IPv6 route', { ...v6, nextHop: '192.168.1.1' }, TypeError, /`route.nextHop` to be an IPv6 address/],
  ['a next hop that is not an address', { ...good, nextHop: 'gateway' }, TypeError, /`route.nextHop`/],
  ['a next hop as a number', { ...good, nextHop: 3232235777 }, TypeError, /`route.nextHop`/],
  ['no interface', { destinationPrefix: '10.0.0.0/8' }, TypeError, /exactly one of `interfaceIndex` and `interfaceLuid`/],
  ['both interface forms', { ...good, interfaceLuid: 1n }, TypeError, /exactly one of `interfaceIndex` and `interfaceLuid`/],
  ['an index as a string', { ...good, interfaceIndex: '12' }, TypeError, /`route.interfaceIndex`/],
  ['a negative index', { ...good, interfaceIndex: -1 }, TypeError, /`route.interfaceIndex`/],
  ['a LUID as a string', { destinationPrefix: '10.0.0.0/8', interfaceLuid: '5' }, TypeError, /`route.interfaceLuid`/],
  ['a negative LUID', { destinationPrefix: '10.0.0.0/8', interfaceLuid: -1n }, TypeError, /`route.interfaceLuid`/],
  ['a metric as a string', { ...good, metric: '5' }, TypeError, /`route.metric`/],
  ['a negative metric', { ...good, metric: -1 }, RangeError, /`route.metric`/],
  ['a metric past 32 bits', { ...good, metric: 2 ** 32 }, RangeError, /`route.metric`/],
  ['a fractional metric', { ...good, metric: 1.5 }, TypeError, /`route.metric`/],
  ['a NaN metric', { ...good, metric: Number.NaN }, TypeError, /`route.metric`/],
  ['an unknown protocol', { ...good, protocol: 'static' }, TypeError, /`route.protocol`/],
  ['a protocol number', { ...good, protocol: 3 }, TypeError, /`route.protocol`/],
  ['a negative valid lifetime', { ...good, validLifetime: -5 }, RangeError, /`route.validLifetime`/],
  ['a preferred lifetime past 32 bits', { ...good, preferredLifetime: 2 ** 33 }, RangeError, /`route.preferredLifetime`/],
  ['preferred longer than valid', { ...good, validLifetime: 60, preferredLifetime: 120 }, RangeError, /`route.preferredLifetime` \(120\) to be at most `route.validLifetime` \(60\)/],
  ['a site prefix length past 32 on IPv4', { ...good, sitePrefixLength: 33 }, RangeError, /`route.sitePrefixLength` to be at most 32/],
  ['a site prefix length past 128', { ...v6, sitePrefixLength: 129 }, RangeError, /`route.sitePrefixLength`/],
  ['loopback as a string', { ...good, loopback: 'yes' }, TypeError, /`route.loopback`/],
  ['publish as a number', { ...good, publish: 1 }, TypeError, /`route.publish`/],
  ['immortal as null', { ...good, immortal: null }, TypeError, /`route.immortal`/],
  ['autoconfigureAddress as a string', { ...good, autoconfigureAddress: 'false' }, TypeError, /`route.autoconfigureAddress`/],
  ['an unknown member', { ...good, gateway: '192.168.1.1' }, TypeError, /`route` has a member a route does not have: `gateway`/],
  ['a misspelt member', { ...good, metirc: 5 }, TypeError, /`metirc`/],
  ['age (read-only)', { ...good, age: 0 }, TypeError, /`age`/],
  ['origin (read-only)', { ...good, origin: 'manual' }, TypeError, /`origin`/],
];

describe('every rule of a route, one bad value each: checked before any native call', () => {
  it('has at least 40 bad routes', () => expect(BAD.length).toBeGreaterThanOrEqual(40));

  it.each(BAD)('%s', async (_what, route, Err, message) => {
    expect(() => createRoute(route as never)).toThrow(Err);
    expect(() => createRoute(route as never)).toThrow(message);
    await expect(createRouteAsync(route as never)).rejects.toThrow(message);
    // setRoute checks the same; a route that fails only as a key fails deleteRoute too.
    expect(() => setRoute(route as never)).toThrow(message);
    await expect(setRouteAsync(route as never)).rejects.toThrow(message);
  });

  it.each([
    ['a key with members to set', { ...good, metric: 5 }, /a route key does not have: `metric`/],
    ['a key with host bits', { ...good, destinationPrefix: '10.0.0.1/8' }, /host bits zero/],
    ['a key without an interface', { destinationPrefix: '10.0.0.0/8' }, /exactly one of/],
  ])('deleteRoute: %s', async (_what, key, message) => {
    expect(() => deleteRoute(key as never)).toThrow(message);
    await expect(deleteRouteAsync(key as never)).rejects.toThrow(message);
  });

  it.each([
    [() => createRoute(good, { ifExists: 'overwrite' } as never), /Expected `options.ifExists` to be 'error' or 'replace', got `'overwrite'`/],
    [() => createRoute(good, { ifMissing: 'ignore' } as never), /Expected `options` to have only `ifExists`/],
    [() => deleteRoute(good, { ifMissing: true } as never), /Expected `options.ifMissing` to be 'error' or 'ignore'/],
    [() => deleteRoute(good, 'ignore' as never), /Expected `options` to be an object/],
    [() => setRoute(good), /to name at least one member to set/],
  ])('options and empty changes %#', (run, message) => {
    expect(run).toThrow(TypeError);
    expect(run).toThrow(message);
  });

  it.runIf(process.platform !== 'win32')('a valid route reaches the platform check (nothing was called before it)', async () => {
    for (const run of [() => createRoute(good), () => setRoute({ ...good, metric: 5 }), () => deleteRoute(good), () => createRoute({ ...v6, destinationPrefix: '::/0', metric: 0, protocol: 'netMgmt' })]) {
      expect(run).toThrow(expect.objectContaining({ code: 'ERR_UNSUPPORTED_PLATFORM' }));
    }
    await expect(createRouteAsync(good)).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED_PLATFORM', syscall: 'CreateIpForwardEntry2' });
  });
});
