/**
 * Capture files: the raw bytes of one MIB_IPINTERFACE_TABLE plus what is needed
 * to decode them on any OS. A user on Windows saves one and attaches it to a
 * bug report; anyone decodes it anywhere.
 *
 * Format, version 1 (all integers little-endian):
 *
 *   offset  size  field
 *   0       8     magic: the ASCII bytes "IPIFCAP" followed by 0x0A
 *   8       4     format version (1)
 *   12      4     M: byte length of the metadata
 *   16      4     T: byte length of the table
 *   20      4     CRC-32 (IEEE 802.3, as zlib) of the M + T bytes that follow
 *   24      M     metadata: UTF-8 JSON, see `CaptureMetadata`
 *   24 + M  T     the table bytes exactly as GetIpInterfaceTable returned them
 *
 * Format, version 2: the same header (version 2), but T is the total length of
 * several tables captured one after the other (one snapshot: the interface
 * table and the adapter table, say), and the metadata lists them in order:
 * `tables: [{ struct, arch, rowSize, firstRowOffset, length }]`. Each table's
 * bytes follow the previous one's; the lengths add up to T. A reader decodes
 * the tables whose struct it knows and keeps the others' bytes.
 *
 * The file is exactly 24 + M + T bytes. Readers reject other magic, a newer
 * version, a wrong length, a checksum mismatch, or metadata that fails its
 * schema, each with its own error code. Version 1 files read exactly as
 * before.
 */
import type { z } from 'zod';
import type { IfRow2 } from './adapters.js';
import type { UnicastIpAddressRow } from './addresses.js';
import type { IpNetRow2 } from './neighbors.js';
import type { IpForwardRow2 } from './routes.js';
import type { IpInterfaceRow } from './schema.js';
export declare const CAPTURE_MAGIC: Uint8Array<ArrayBuffer>;
/** The newest capture format version this package reads and writes (encodeCapture writes version 1, encodeCaptureTables version 2). */
export declare const CAPTURE_VERSION = 2;
export type CaptureErrorCode = 
/** The bytes do not start with the capture magic. */
'ERR_CAPTURE_NOT_A_CAPTURE'
/** The file is shorter (or longer) than its header says. */
 | 'ERR_CAPTURE_TRUNCATED'
/** Written by a newer format version than this package reads. */
 | 'ERR_CAPTURE_UNSUPPORTED_VERSION'
/** Checksum mismatch or metadata that is not valid. */
 | 'ERR_CAPTURE_CORRUPT'
/** The table was captured with a row layout this build does not decode. */
 | 'ERR_CAPTURE_LAYOUT_MISMATCH';
/** Thrown when a capture file cannot be read. */
export declare class IpInterfaceCaptureError extends Error {
    readonly name = "IpInterfaceCaptureError";
    readonly code: CaptureErrorCode;
    constructor(code: CaptureErrorCode, message: string, options?: {
        cause?: unknown;
    });
}
/** What a capture records besides the table bytes. */
export declare const captureMetadataSchema: z.ZodObject<{
    arch: z.ZodString;
    rowSize: z.ZodInt;
    firstRowOffset: z.ZodInt;
    family: z.ZodEnum<{
        ipv4: "ipv4";
        ipv6: "ipv6";
        all: "all";
    }>;
    capturedAt: z.ZodISODateTime;
    system: z.ZodOptional<z.ZodString>;
    writer: z.ZodOptional<z.ZodString>;
    interfaces: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodObject<{
        alias: z.ZodOptional<z.ZodString>;
        name: z.ZodOptional<z.ZodString>;
    }, z.core.$strip>>>;
}, z.core.$strip>;
export type CaptureMetadata = z.infer<typeof captureMetadataSchema>;
/** One table of a version 2 capture. */
declare const captureTableSchema: z.ZodObject<{
    struct: z.ZodString;
    arch: z.ZodString;
    rowSize: z.ZodInt;
    firstRowOffset: z.ZodInt;
    length: z.ZodInt;
}, z.core.$strip>;
/** What a version 2 capture records besides the table bytes. */
export declare const captureTablesMetadataSchema: z.ZodObject<{
    family: z.ZodEnum<{
        ipv4: "ipv4";
        ipv6: "ipv6";
        all: "all";
    }>;
    capturedAt: z.ZodISODateTime;
    system: z.ZodOptional<z.ZodString>;
    writer: z.ZodOptional<z.ZodString>;
    interfaces: z.ZodOptional<z.ZodRecord<z.ZodString, z.ZodObject<{
        alias: z.ZodOptional<z.ZodString>;
        name: z.ZodOptional<z.ZodString>;
    }, z.core.$strip>>>;
    tables: z.ZodArray<z.ZodObject<{
        struct: z.ZodString;
        arch: z.ZodString;
        rowSize: z.ZodInt;
        firstRowOffset: z.ZodInt;
        length: z.ZodInt;
    }, z.core.$strip>>;
}, z.core.$strip>;
export type CaptureTablesMetadata = z.infer<typeof captureTablesMetadataSchema>;
export type CaptureTableInfo = z.infer<typeof captureTableSchema>;
/** What `encodeCapture` needs besides the table bytes; layout fields default to this build's. */
export interface CaptureInput {
    readonly family: CaptureMetadata['family'];
    readonly capturedAt?: Date;
    readonly arch?: string;
    readonly system?: string;
    readonly writer?: string;
    /** LUID → names, for the rows in the table. */
    readonly interfaces?: ReadonlyMap<bigint, {
        alias?: string;
        name?: string;
    }>;
}
/** One table of a capture: its description, its bytes (a copy) and, when this package knows its struct, its rows. */
export interface CapturedTable {
    readonly info: CaptureTableInfo;
    readonly bytes: Uint8Array;
    /** Validated rows, or null for a struct this version does not know. */
    readonly rows: Record<string, unknown>[] | null;
}
/** A decoded capture. */
export interface Capture {
    readonly version: number;
    /** Version 1: CaptureMetadata; version 2: CaptureTablesMetadata. */
    readonly metadata: CaptureMetadata | CaptureTablesMetadata;
    /** The raw MIB_IPINTERFACE_TABLE bytes (a copy, safe to keep); empty when a version 2 capture has none. */
    readonly table: Uint8Array;
    /** The MIB_IPINTERFACE_TABLE decoded and validated ([] when the capture has none). */
    readonly rows: IpInterfaceRow[];
    /** The MIB_IF_TABLE2 rows (adapters), when the capture holds that table. */
    readonly adapters?: IfRow2[];
    /** The MIB_UNICASTIPADDRESS_TABLE rows, when the capture holds that table. */
    readonly unicastAddresses?: UnicastIpAddressRow[];
    /** The MIB_IPFORWARD_TABLE2 rows (routes), when the capture holds that table. */
    readonly routes?: IpForwardRow2[];
    /** The MIB_IPNET_TABLE2 rows (neighbours), when the capture holds that table. */
    readonly neighbors?: IpNetRow2[];
    /** Every table by row struct name (version 1: just MIB_IPINTERFACE_ROW). */
    readonly tables: Readonly<Record<string, CapturedTable>>;
}
/** CRC-32 (IEEE, reflected, as zlib and PNG use it): zlib.crc32 where Node has it (≥ 20.15 / 22.2), else computed here. */
export declare function crc32(bytes: Uint8Array): number;
/** The table-driven CRC-32, for Node releases without zlib.crc32 (engines allows Node 20.0; Electron 30 ships 20.11). */
export declare function crc32Fallback(bytes: Uint8Array): number;
/**
 * Wraps the raw bytes of a MIB_IPINTERFACE_TABLE in a capture file (format
 * version 1). The table is decoded first, so a capture never holds a table
 * this package cannot read.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export declare function encodeCapture(table: Uint8Array | ArrayBuffer, input: CaptureInput): Uint8Array;
/** One table for encodeCaptureTables: the row struct's C name and the table's raw bytes. */
export interface CaptureTableInput {
    readonly struct: string;
    readonly bytes: Uint8Array | ArrayBuffer;
}
/**
 * Wraps several tables (e.g. MIB_IPINTERFACE_ROW and MIB_IF_ROW2, taken one
 * after the other) in one capture file (format version 2). Each table is
 * decoded first, so a capture never holds a table this package cannot read.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getiftable2
 */
export declare function encodeCaptureTables(tables: readonly CaptureTableInput[], input: CaptureInput): Uint8Array;
/**
 * Reads a capture file's bytes: checks magic, version, length and checksum,
 * validates the metadata, and decodes the table into validated rows.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_table
 */
export declare function decodeCapture(file: Uint8Array | ArrayBuffer): Capture;
/**
 * Writes a capture file of a MIB_IPINTERFACE_TABLE's raw bytes.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-getipinterfacetable
 */
export declare function saveCapture(path: string, table: Uint8Array | ArrayBuffer, input: CaptureInput): Promise<void>;
/**
 * Reads and decodes a capture file written by `saveCapture` (on any OS).
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/ns-netioapi-mib_ipinterface_table
 */
export declare function loadCapture(path: string): Promise<Capture>;
export {};
