#!/usr/bin/env node
import { type IfRow2 } from './adapters.js';
import { type Capture } from './capture.js';
import type { FamilyOption } from './family.js';
/** A table column: its header, how to show a row, and the field it comes from (for --fields). */
interface Column<R> {
    readonly field: string;
    readonly header: string;
    readonly cell: (r: R) => string;
}
/** Get-NetAdapter's Status: what a person calls the adapter's state. */
export declare function adapterStatus(r: Pick<IfRow2, 'operStatus' | 'adminStatus' | 'mediaConnectState'>): string;
/** Get-NetAdapter's LinkSpeed: '1 Gbps', '866.7 Mbps', '0 bps'. */
export declare function linkSpeed(bitsPerSecond: bigint): string;
/** What a view shows: its columns, JSON keys, order, and where its rows come from. */
interface View<R> {
    readonly name: 'interfaces' | 'adapters' | 'addresses' | 'routes' | 'neighbors' | 'route-to';
    /** Which options apply: --family, --watch, and how many positional arguments (route-to's destination). */
    readonly accepts: {
        readonly family: boolean;
        readonly watch: boolean;
        readonly positionals: 0 | 1;
    };
    readonly columns: readonly Column<R>[];
    /** JSON keys printed by default. */
    readonly jsonFields: readonly string[];
    /** Every key --fields accepts. */
    readonly fields: readonly string[];
    /** The order of the table: rows compare by these keys, computed once per row (a big table sorts fast). */
    readonly sortKey: (r: R) => readonly (string | number)[];
    /** Cells painted red. */
    readonly alarm: ReadonlySet<string>;
    readonly live: (options: Options) => R[];
    readonly fromCapture: (capture: Capture, options: Options) => R[];
}
/** A lifetime in seconds as PowerShell shows a TimeSpan ('Infinite' for 0xFFFFFFFF). */
export declare function lifetime(seconds: number): string;
interface Io {
    readonly stdout: NodeJS.WritableStream & {
        isTTY?: boolean;
    };
    readonly stderr: NodeJS.WritableStream;
    readonly env: NodeJS.ProcessEnv;
    readonly platform: NodeJS.Platform;
}
/** Terminal columns a string takes: East Asian wide characters take two, combining marks none. */
export declare function displayWidth(text: string): number;
/** Aligned columns; bold header and red alarms ("Disconnected") on a colour terminal. */
export declare function renderTable<R>(rows: readonly R[], fields: readonly string[] | undefined, color: boolean, view?: View<R>): string;
declare function parse(argv: readonly string[], view: AnyView): {
    positionals: string[];
    family: FamilyOption & ("ipv4" | "ipv6" | "all");
    fields: string[] | undefined;
    source?: string;
    interface?: string;
    json?: boolean;
    ndjson?: boolean;
    watch?: boolean;
    save?: string;
    from?: string;
    help?: boolean;
    version?: boolean;
};
type Options = ReturnType<typeof parse>;
type AnyView = View<any>;
/** Runs the command; returns the exit code. Exported for tests; the bin calls it with the real process. */
export declare function main(argv: readonly string[], io: Io): Promise<number>;
export {};
