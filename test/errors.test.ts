import { describe, expect, it } from 'vitest';
import { describeValue, IpInterfaceDecodeError } from '../src/errors.js';

describe('describeValue (the `value` (type) style of messages)', () => {
  it.each([
    [7, '`7` (number)'],
    ['ipx', "`'ipx'` (string)"],
    [5n, '`5n` (bigint)'],
    [null, '`null`'],
    [undefined, '`undefined`'],
    [true, '`true` (boolean)'],
    [[1], '`Array` (object)'],
    [new Map(), '`Map` (object)'],
    [Object.create(null), '`Object` (object)'],
  ] as const)('%o → %s', (value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });
});

describe('IpInterfaceDecodeError', () => {
  it('carries code, row, field, raw value and cause, like a Node system error', () => {
    const cause = new Error('inner');
    const error = new IpInterfaceDecodeError('msg', {
      code: 'ERR_IPINTERFACE_INVALID_ROW',
      rowIndex: 3,
      field: 'family',
      rawValue: 7,
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('IpInterfaceDecodeError');
    expect(error.message).toBe('msg');
    expect(error).toMatchObject({ code: 'ERR_IPINTERFACE_INVALID_ROW', rowIndex: 3, field: 'family', rawValue: 7, cause });
    expect(String(error)).toBe('IpInterfaceDecodeError: msg');
    expect(new IpInterfaceDecodeError('x', { code: 'ERR_IPINTERFACE_TRUNCATED' })).not.toHaveProperty('cause');
  });
});
