/**
 * What a table declaration says about its CLI view: the columns of the
 * PowerShell cmdlet it mirrors (header → row key and formatter), the order of
 * its rows, the cells shown as alarms, the columns joined from other tables,
 * and what a --watch line says about a change. The CLI (src/cli/views.ts)
 * derives the view from this: its options, --fields, JSON keys, live and
 * capture sources.
 */
import type { IpInterfaceAdapterFields } from '../interfaces.js';

/** Columns the CLI joins to a view's rows from other tables of the same snapshot. */
export interface ViewExtras {
  /** MIB_IF_ROW2.Alias of the row's interface (by LUID); null when the adapter table has no row for it. */
  readonly interfaceAlias: string | null;
  /** MIB_IPINTERFACE_ROW.Metric of the row's interface, for the row's family; null where unknown. */
  readonly interfaceMetric: number | null;
  /** The file name of the owning process's image (getProcessImagePath), e.g. 'node.exe'; null where Windows does not say. */
  readonly processName: string | null;
}

/** A joined column set: one of ViewExtras' keys, or 'adapter' (every IpInterfaceAdapterFields key, as getIpInterfaces joins them). */
export type ExtraName = keyof ViewExtras | 'adapter';

/** A row as a view shows it: the table's row and what the view joins to it. */
export type ViewRow<R> = R & Partial<ViewExtras> & Partial<IpInterfaceAdapterFields>;

/** A table column: its header, the row key it shows (for --fields), and how a cell is written. */
export interface Column<R> {
  readonly field: string;
  readonly header: string;
  readonly cell: (r: R) => string;
}

/** A table's CLI view, as its declaration states it. */
export interface ViewDecl<R> {
  /** The command: `ipinterface routes`. */
  readonly command: string;
  /** The PowerShell cmdlet (or command) it mirrors, for the help. */
  readonly cmdlet: string;
  /** What the view lists, for the help. */
  readonly help: string;
  /** Columns joined from other tables. */
  readonly extras?: readonly ExtraName[];
  readonly columns: readonly Column<ViewRow<R>>[];
  /** The table's order: rows compare by these keys, computed once per row (`family`: the row's, as the table declares it). */
  readonly sort: (r: ViewRow<R>, family: 'ipv4' | 'ipv6' | undefined) => readonly (string | number)[];
  /** Cells painted red on a colour terminal. */
  readonly alarm?: readonly string[];
  /** The filters the view takes: --state (a TCP state), --pid (the owning process), --port (the local or remote port). */
  readonly filters?: readonly ('state' | 'pid' | 'port')[];
  /** What a --watch line says after `<time> <type> <family> ifIndex=<n>` (the table form; JSON prints the whole change). */
  readonly watchLine?: (change: Readonly<Record<string, unknown>> & { readonly row?: R }) => string;
}
