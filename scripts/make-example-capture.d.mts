/** The bytes of examples/laptop.ipcap, rebuilt from fixtures/c/tables/realistic.bin. */
export function exampleCapture(): Uint8Array;
