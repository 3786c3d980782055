/** The bytes of examples/laptop.ipcap, rebuilt from the C-made realistic tables in fixtures/c/. */
export function exampleCapture(): Uint8Array;
