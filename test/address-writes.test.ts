// Unicast address writes on any OS: every rule, one bad value each, is a TypeError or RangeError
// naming the member, thrown before anything platform-specific (a valid address reaches the platform
// check: ERR_UNSUPPORTED_PLATFORM off Windows), sync and async alike. The writes themselves, and their
// bytes against C's, are in test/wine/address-writes.test.ts.
import { describe, expect, it } from 'vitest';
import {
  createUnicastAddress,
  createUnicastAddressAsync,
  deleteUnicastAddress,
  deleteUnicastAddressAsync,
  setUnicastAddress,
  setUnicastAddressAsync,
} from '../src/index.js';

const good = { address: '10.0.0.5/24', interfaceIndex: 12 };

const BAD: [string, unknown, typeof TypeError | typeof RangeError, RegExp][] = [
  ['not an object', '10.0.0.5/24', TypeError, /Expected `unicastAddress` to be an object/],
  ['no address', { interfaceIndex: 12 }, TypeError, /`unicastAddress.address`/],
  ['no prefix length', { ...good, address: '10.0.0.5' }, TypeError, /on-link prefix length/],
  ['a prefix length past 32', { ...good, address: '10.0.0.5/33' }, TypeError, /prefix length of `unicastAddress.address`/],
  ['a prefix length past 128', { ...good, address: '2001:db8::5/129' }, TypeError, /prefix length of `unicastAddress.address`/],
  ['not an address', { ...good, address: 'host/24' }, TypeError, /`unicastAddress.address.address`/],
  ['the unspecified address', { ...good, address: '0.0.0.0/0' }, RangeError, /unicast address.*unspecified/],
  ['IPv6 unspecified', { ...good, address: '::/64' }, RangeError, /unspecified/],
  ['IPv4 multicast', { ...good, address: '239.1.2.3/8' }, RangeError, /multicast/],
  ['IPv6 multicast', { ...good, address: 'ff02::1/64' }, RangeError, /multicast/],
  ['the broadcast address', { ...good, address: '255.255.255.255/32' }, RangeError, /broadcast/],
  ['no interface', { address: '10.0.0.5/24' }, TypeError, /exactly one of `interfaceIndex` and `interfaceLuid`/],
  ['both interface forms', { ...good, interfaceLuid: 1n }, TypeError, /exactly one of/],
  ['an index of 0', { ...good, interfaceIndex: 0 }, TypeError, /`unicastAddress.interfaceIndex`/],
  ['skipAsSource as a string', { ...good, skipAsSource: 'true' }, TypeError, /`unicastAddress.skipAsSource`/],
  ['a negative valid lifetime', { ...good, validLifetime: -1 }, RangeError, /`unicastAddress.validLifetime`/],
  ['a valid lifetime past 32 bits', { ...good, validLifetime: 2 ** 32 }, RangeError, /`unicastAddress.validLifetime`/],
  ['a fractional preferred lifetime', { ...good, preferredLifetime: 0.5 }, TypeError, /`unicastAddress.preferredLifetime`/],
  ['preferred longer than valid', { ...good, validLifetime: 10, preferredLifetime: 20 }, RangeError, /at most `unicastAddress.validLifetime`/],
  ['prefixOrigin unchanged (Windows\' own marker)', { ...good, prefixOrigin: 'unchanged' }, TypeError, /`unicastAddress.prefixOrigin`/],
  ['an unknown prefixOrigin', { ...good, prefixOrigin: 'static' }, TypeError, /`unicastAddress.prefixOrigin`/],
  ['a suffixOrigin number', { ...good, suffixOrigin: 1 }, TypeError, /`unicastAddress.suffixOrigin`/],
  ['an unknown member', { ...good, dadState: 'preferred' }, TypeError, /an address does not have: `dadState`/],
  ['onLinkPrefixLength given apart', { ...good, onLinkPrefixLength: 24 }, TypeError, /`onLinkPrefixLength`/],
];

describe('every rule of an address to write, one bad value each: checked before any native call', () => {
  it.each(BAD)('%s', async (_what, value, Err, message) => {
    expect(() => createUnicastAddress(value as never)).toThrow(Err);
    expect(() => createUnicastAddress(value as never)).toThrow(message);
    await expect(createUnicastAddressAsync(value as never)).rejects.toThrow(message);
  });

  it('setUnicastAddress takes the same, the prefix length optional, and needs a member to set', async () => {
    expect(() => setUnicastAddress({ ...good, validLifetime: -1 })).toThrow(RangeError);
    await expect(setUnicastAddressAsync({ address: '10.0.0.5', interfaceIndex: 12 })).rejects.toThrow(/at least one member to set/);
  });

  it.each([
    ['a key with members to set', { ...good, skipAsSource: true }, /an address key does not have: `skipAsSource`/],
    ['a key with a multicast address', { address: 'ff02::1', interfaceIndex: 12 }, /multicast/],
    ['a key without an interface', { address: '10.0.0.5' }, /exactly one of/],
  ])('deleteUnicastAddress: %s', async (_what, key, message) => {
    expect(() => deleteUnicastAddress(key as never)).toThrow(message);
    await expect(deleteUnicastAddressAsync(key as never)).rejects.toThrow(message);
  });

  it.runIf(process.platform !== 'win32')('a valid address reaches the platform check', async () => {
    expect(() => createUnicastAddress(good)).toThrow(expect.objectContaining({ code: 'ERR_UNSUPPORTED_PLATFORM', syscall: 'CreateUnicastIpAddressEntry' }));
    expect(() => deleteUnicastAddress({ address: 'fe80::5%17', interfaceIndex: 17 })).toThrow(expect.objectContaining({ code: 'ERR_UNSUPPORTED_PLATFORM' }));
    await expect(setUnicastAddressAsync({ ...good, skipAsSource: true })).rejects.toMatchObject({ code: 'ERR_UNSUPPORTED_PLATFORM' });
  });
});
