import { describe, expect, it } from 'vitest';
import { describeValue, IpHelperError, ipHelperErrorFromStatus, IpInterfaceDecodeError } from '../src/errors.js';

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

describe('ipHelperErrorFromStatus', () => {
  const noSystem = () => undefined;
  // Numbers from winerror.h and ntstatus.h (mingw-w64), names as Microsoft spells them.
  it.each([
    [87, 'ERROR_INVALID_PARAMETER', undefined],
    [8, 'ERROR_NOT_ENOUGH_MEMORY', undefined],
    [1168, 'ERROR_NOT_FOUND', undefined],
    [50, 'ERROR_NOT_SUPPORTED', undefined],
    [5, 'ERROR_ACCESS_DENIED', undefined],
    [2, 'ERROR_FILE_NOT_FOUND', undefined],
    [0xc000000d, 'ERROR_INVALID_PARAMETER', 'STATUS_INVALID_PARAMETER'],
    [0xc0000017, 'ERROR_NOT_ENOUGH_MEMORY', 'STATUS_NO_MEMORY'],
    [0xc000009a, 'ERROR_NOT_ENOUGH_MEMORY', 'STATUS_INSUFFICIENT_RESOURCES'],
    [0xc0000225, 'ERROR_NOT_FOUND', 'STATUS_NOT_FOUND'],
    [0xc00000bb, 'ERROR_NOT_SUPPORTED', 'STATUS_NOT_SUPPORTED'],
    [-1073741811, 'ERROR_INVALID_PARAMETER', 'STATUS_INVALID_PARAMETER'], // the same NTSTATUS read as signed
  ] as const)('%i → %s', (returned, code, status) => {
    const error = ipHelperErrorFromStatus('GetIpInterfaceTable', returned, noSystem);
    expect(error).toBeInstanceOf(IpHelperError);
    expect(error).toMatchObject({ code, errno: returned >>> 0, syscall: 'GetIpInterfaceTable', status });
    expect(error.message).toContain(status ?? code);
  });

  it('asks the system only for codes it has no name for', () => {
    const asked: number[] = [];
    const system = (code: number) => {
      asked.push(code);
      return 'A device attached to the system is not functioning.\r\n';
    };
    expect(ipHelperErrorFromStatus('X', 87, system).message).not.toContain('device');
    const error = ipHelperErrorFromStatus('X', 31, system);
    expect(asked).toEqual([31]);
    expect(error).toMatchObject({ code: 'WIN32_31', errno: 31 });
    expect(error.message).toBe('X failed with code 31: A device attached to the system is not functioning');
    expect(ipHelperErrorFromStatus('X', 0xc0001234, noSystem).message).toBe('X failed with code 0xC0001234');
  });
});
