/**
 * The registry of tables: every declared table, in the order captures hold
 * them. Captures (../capture/), the CLI's views (../cli/views.ts), the change
 * feeds (../watch/feeds.ts), the docs (scripts/gen-docs.mjs) and the tests
 * iterate over this list; a new table is its declaration, its DLL functions in
 * ../functions.ts, and a line here.
 */
import type { Struct } from '../struct/define.js';
import type { Table } from '../table/define.js';
import { ADAPTERS } from './adapters.js';
import { TCP_CONNECTIONS, UDP_ENDPOINTS } from './connections.js';
import { IP_INTERFACES } from './ip-interfaces.js';
import { NEIGHBORS } from './neighbors.js';
import { ROUTES } from './routes.js';
import { UNICAST_ADDRESSES } from './unicast-addresses.js';

export { ADAPTERS, IP_INTERFACES, NEIGHBORS, ROUTES, TCP_CONNECTIONS, UDP_ENDPOINTS, UNICAST_ADDRESSES };

/** Every table, in capture order. */
export const TABLES: readonly Table<Record<string, unknown>>[] = Object.freeze([
  IP_INTERFACES,
  ADAPTERS,
  UNICAST_ADDRESSES,
  ROUTES,
  NEIGHBORS,
  TCP_CONNECTIONS,
  UDP_ENDPOINTS,
] as unknown as Table<Record<string, unknown>>[]);

/** The table whose rows are a struct (by the struct's C name), and that struct, if this package declares one. */
export function structOf(structName: unknown): { table: Table<Record<string, unknown>>; struct: Struct } | undefined {
  for (const table of TABLES) {
    const struct = table.structs.find((s) => s.name === structName);
    if (struct) return { table, struct };
  }
  return undefined;
}
