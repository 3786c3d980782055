/**
 * Reading a capture file for the CLI without trusting it: the 24-byte header
 * first (magic, version, lengths), then exactly the bytes it announces. A path
 * that is not a regular file (a device like /dev/zero, a directory) is refused
 * at once; '-' reads standard input the same bounded way.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CAPTURE_MAGIC, HEADER_SIZE, IpInterfaceCaptureError } from './format.js';
/** The largest capture the CLI reads: far above any real table set. */
export const MAX_CAPTURE_BYTES = 1 << 30;

function readFully(fd: number, length: number, what: string, short: 'truncated' | 'magic' = 'truncated'): Buffer {
  const out = Buffer.alloc(length);
  let at = 0;
  while (at < length) {
    let n: number;
    try {
      n = readSync(fd, out, at, length - at, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue; // a non-blocking pipe: try again
      throw error;
    }
    if (n === 0) break;
    at += n;
  }
  if (at < length) {
    if (short === 'magic') throw new IpInterfaceCaptureError('ERR_CAPTURE_NOT_A_CAPTURE', 'Not an ipinterface capture: the file is too short to start with the "IPIFCAP" magic');
    throw new IpInterfaceCaptureError('ERR_CAPTURE_TRUNCATED', `The capture is truncated: ${what} needs ${length} bytes, the input has ${at}`);
  }
  return out;
}

/** Reads a capture from a path, or from standard input for '-'. */
export function readCaptureFile(path: string): Uint8Array {
  const stdin = path === '-';
  const fd = stdin ? 0 : openSync(path, 'r');
  try {
    if (!stdin) {
      const stat = fstatSync(fd);
      if (!stat.isFile()) {
        throw new IpInterfaceCaptureError('ERR_CAPTURE_NOT_A_CAPTURE', `Not an ipinterface capture: ${path} is not a regular file`);
      }
    }
    const header = readFully(fd, CAPTURE_MAGIC.length, 'its magic', 'magic');
    if (!CAPTURE_MAGIC.every((b, i) => header[i] === b)) {
      throw new IpInterfaceCaptureError('ERR_CAPTURE_NOT_A_CAPTURE', 'Not an ipinterface capture: the file does not start with the "IPIFCAP" magic');
    }
    const rest = readFully(fd, HEADER_SIZE - CAPTURE_MAGIC.length, 'its header');
    const view = new DataView(rest.buffer, rest.byteOffset, rest.byteLength);
    const total = HEADER_SIZE + view.getUint32(12 - CAPTURE_MAGIC.length, true) + view.getUint32(16 - CAPTURE_MAGIC.length, true);
    if (total > MAX_CAPTURE_BYTES) {
      throw new IpInterfaceCaptureError('ERR_CAPTURE_CORRUPT', `The capture's header announces ${total} bytes, more than the ${MAX_CAPTURE_BYTES} a capture may hold`);
    }
    const body = readFully(fd, total - HEADER_SIZE, 'its header');
    const extra = Buffer.alloc(1);
    let trailing = 0;
    try {
      trailing = readSync(fd, extra, 0, 1, null);
    } catch {
      trailing = 0;
    }
    const file = Buffer.concat([header, rest, body, trailing ? extra : Buffer.alloc(0)]);
    return new Uint8Array(file.buffer, file.byteOffset, file.byteLength); // decodeCapture says "trailing bytes" when there are
  } finally {
    if (!stdin) closeSync(fd);
  }
}
