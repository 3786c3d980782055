/**
 * Reading a capture file for the CLI without trusting it: the 24-byte header
 * first (magic, version, lengths), then exactly the bytes it announces. A
 * directory, socket or other non-file is refused before it is opened; a regular
 * file, a FIFO, a process substitution (`<(…)`, /dev/fd/N), /dev/stdin and '-'
 * (standard input) are read the same bounded way. A FIFO is opened without
 * blocking: one with no writer is refused at once instead of waiting forever.
 * Sizes in messages are the whole file's, as decodeCapture reports them.
 */
import { closeSync, constants, openSync, readSync, statSync } from 'node:fs';
import { CAPTURE_MAGIC, HEADER_SIZE, IpInterfaceCaptureError } from './format.js';
/** The largest capture the CLI reads: far above any real table set. */
export const MAX_CAPTURE_BYTES = 1 << 30;

/** Sleeps the thread briefly (a pipe with no data yet, opened without blocking). */
function pause(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
}

/** Reads up to `length` bytes into `out` at `at`; how many it got (0 at the end of the input). */
function readSome(fd: number, out: Buffer, at: number, length: number): number {
  for (;;) {
    try {
      return readSync(fd, out, at, length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
        pause(); // a non-blocking pipe whose writer has not written yet
        continue;
      }
      throw error;
    }
  }
}

/** Fills `out` from `fd`; how many bytes it got (fewer than out.length only at the end of the input). */
function readInto(fd: number, out: Buffer): number {
  let at = 0;
  while (at < out.length) {
    const n = readSome(fd, out, at, out.length - at);
    if (n === 0) break;
    at += n;
  }
  return at;
}

/** The bytes after the announced end, counted (not kept) up to MAX_CAPTURE_BYTES. */
function countTrailing(fd: number): number {
  const scratch = Buffer.alloc(64 * 1024);
  let n = 0;
  while (n <= MAX_CAPTURE_BYTES) {
    const got = readSome(fd, scratch, 0, scratch.length);
    if (got === 0) break;
    n += got;
  }
  return n;
}

/** How long a FIFO with no writer is waited for (a writer started just after the command: `cat capture > fifo &`). */
export const FIFO_WRITER_WAIT_MS = 5000;

/** Opens `path` for reading: regular files as they are, a FIFO (or other stream) without blocking; anything else refused unopened. */
function openInput(path: string): { fd: number; stream: boolean; owned: boolean } {
  const stat = statSync(path); // ENOENT and the like: Node's own error, its code first
  if (!stat.isFile() && !stat.isFIFO() && !stat.isSocket()) {
    // A directory or a device (/dev/zero, a terminal): refused before it is opened. (A pipe Node
    // gives a child as its stdin is a socket: /dev/stdin then is one.)
    throw new IpInterfaceCaptureError('ERR_CAPTURE_NOT_A_CAPTURE', `Not an ipinterface capture: ${path} is not a regular file or a pipe${stat.isDirectory() ? ' (a directory)' : ''}`);
  }
  if (stat.isSocket()) {
    // A socket cannot be opened by path (ENXIO); this process's own descriptor (/dev/stdin, /dev/fd/N) is read as it is.
    const own = /^\/(?:dev\/stdin|dev\/fd\/(\d+)|proc\/self\/fd\/(\d+))$/.exec(path);
    if (own) return { fd: Number(own[1] ?? own[2] ?? 0), stream: false, owned: false };
  }
  // A FIFO opened without blocking: with no writer yet, a read says end of input at once.
  return { fd: openSync(path, stat.isFile() ? constants.O_RDONLY : constants.O_RDONLY | constants.O_NONBLOCK), stream: !stat.isFile(), owned: true };
}

/** Reads a capture from a path, or from standard input for '-'. */
export function readCaptureFile(path: string): Uint8Array {
  const stdin = path === '-';
  const { fd, stream, owned } = stdin ? { fd: 0, stream: false, owned: false } : openInput(path);
  try {
    const header = Buffer.alloc(HEADER_SIZE);
    let got = readInto(fd, header);
    // A FIFO whose writer has not opened it yet reads as empty: wait for one, for a while.
    for (const deadline = Date.now() + FIFO_WRITER_WAIT_MS; stream && got === 0 && Date.now() < deadline; ) {
      pause();
      got = readInto(fd, header);
    }
    if (got < CAPTURE_MAGIC.length || !CAPTURE_MAGIC.every((b, i) => header[i] === b)) {
      throw new IpInterfaceCaptureError(
        'ERR_CAPTURE_NOT_A_CAPTURE',
        got === 0
          ? `Not an ipinterface capture: ${stdin ? 'standard input' : path} is empty${stream ? ` (or a pipe no writer opened within ${FIFO_WRITER_WAIT_MS / 1000} s)` : ''}`
          : got < CAPTURE_MAGIC.length
            ? 'Not an ipinterface capture: the file is too short to start with the "IPIFCAP" magic'
            : 'Not an ipinterface capture: the file does not start with the "IPIFCAP" magic',
      );
    }
    if (got < HEADER_SIZE) {
      throw new IpInterfaceCaptureError('ERR_CAPTURE_TRUNCATED', `The capture is truncated: its header needs ${HEADER_SIZE} bytes, the file has ${got}`);
    }
    const view = new DataView(header.buffer, header.byteOffset, header.byteLength);
    const metaLength = view.getUint32(12, true);
    const tableLength = view.getUint32(16, true);
    const total = HEADER_SIZE + metaLength + tableLength;
    if (total > MAX_CAPTURE_BYTES) {
      throw new IpInterfaceCaptureError('ERR_CAPTURE_CORRUPT', `The capture's header announces ${total} bytes, more than the ${MAX_CAPTURE_BYTES} a capture may hold`);
    }
    const file = Buffer.alloc(total);
    header.copy(file);
    const body = readInto(fd, file.subarray(HEADER_SIZE));
    const trailing = body < total - HEADER_SIZE ? 0 : countTrailing(fd);
    const size = HEADER_SIZE + body + trailing;
    if (size !== total) {
      throw new IpInterfaceCaptureError(
        'ERR_CAPTURE_TRUNCATED',
        `The capture should be ${total} bytes long (${HEADER_SIZE} + ${metaLength} + ${tableLength}), the file has ${trailing > MAX_CAPTURE_BYTES ? `more than ${total + MAX_CAPTURE_BYTES}` : size}` +
          (size < total ? ': it is truncated' : ': it has trailing bytes'),
      );
    }
    return new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
  } finally {
    if (owned) closeSync(fd);
  }
}
