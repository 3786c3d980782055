/** The largest capture the CLI reads: far above any real table set. */
export declare const MAX_CAPTURE_BYTES: number;
/** Reads a capture from a path, or from standard input for '-'. */
export declare function readCaptureFile(path: string): Uint8Array;
