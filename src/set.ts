/**
 * Changing interface settings: read the current row (GetIpInterfaceEntry),
 * change only the fields the caller named, write it back (SetIpInterfaceEntry),
 * read it again. Like Set-NetIPInterface, from Node. Which members can be set
 * is stated once, in the table's declaration (../tables/ip-interfaces.ts);
 * what each accepts and how it is written derive from the struct's.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setipinterfaceentry
 */
import type { z } from 'zod';
import { describeKey, describePath, describeValue, readObject } from './errors.js';
import { call, callAsync, checkStatus, GetIpInterfaceEntry, SetIpInterfaceEntry, type DllFunction } from './functions.js';
import { lazy, zod } from './lazy.js';
import { assertWindows } from './native.js';
import { runAsync, runSync, step, type Plan } from './plan.js';
import type { BoolKind, EnumKind, Kind, UintKind } from './struct/ctypes.js';
import { memberWriter, type RowWriter } from './struct/writer.js';
import { parseKey } from './table/key.js';
import { IP_INTERFACES, SETTABLE, type IpInterfaceKey, type IpInterfaceRow } from './tables/ip-interfaces.js';
import { MIB_IPINTERFACE_ROW } from './structs/mib-ipinterface-row.js';

type Members = typeof MIB_IPINTERFACE_ROW.decl.members;
type Settable = (typeof SETTABLE)[number];
/** The kind of the member a JS key names. */
type KindOf<K extends string> = Extract<Members[number], readonly [Capitalize<K>, Kind]>[1];
/** An enum's names a setting accepts: all but `unchanged` (-1, "keep as is", which only means something to the system). */
type Settings<N> = Exclude<N, 'unchanged'>;
/** The zod node of one settable member, by its kind. */
type SettingNode<K> =
  K extends UintKind<number> ? z.ZodInt : K extends BoolKind<boolean> ? z.ZodBoolean : K extends EnumKind<infer N> ? z.ZodEnum<{ [V in Settings<N> & string]: V }> : never;
type ChangesShape = { metric: z.ZodOptional<z.ZodUnion<readonly [z.ZodInt, z.ZodLiteral<'automatic'>]>> } & {
  [K in Settable]: z.ZodOptional<SettingNode<KindOf<K>>>;
};

const UINT_MAX: Record<number, number> = { 1: 0xff, 2: 0xffff, 4: 0xffff_ffff };

/** The zod node of a settable member, from its kind in the struct's declaration. */
function settingNode(key: string): z.ZodType {
  const field = MIB_IPINTERFACE_ROW.layout().fields.find((f) => f.key === key)!;
  const kind = field.kind;
  switch (kind.t) {
    case 'uint': {
      // One message for every way out of range (zod's own int() would name its safe-integer bound first).
      const max = UINT_MAX[kind.size]!;
      return zod().int({ error: `expected an integer from 0 to ${max}` }).min(0, { error: `expected an integer from 0 to ${max}` }).max(max, { error: `expected an integer from 0 to ${max}` });
    }
    case 'bool':
      return zod().boolean();
    case 'enum':
      return zod().enum(Object.keys(kind.values).filter((name) => name !== 'unchanged') as [string, ...string[]]);
    default:
      throw new Error(`${field.cName} (${kind.cType}) is not a setting this package writes`);
  }
}

/**
 * The fields setIpInterface writes, and what each accepts: `metric` (a fixed
 * metric, UseAutomaticMetric false; or 'automatic'), then the members the
 * table declares settable (see ../tables/ip-interfaces.ts), each as its C type
 * allows. Unknown keys are rejected. Times are milliseconds; nlMtu is bytes,
 * at least 576 for IPv4 and 1280 for IPv6 (checked against the family).
 */
export const ipInterfaceChangesSchema = lazy(() => {
  const shape: Record<string, z.ZodType> = {
    metric: zod().union([zod().int().min(0).max(0xffff_ffff), zod().literal('automatic')], { error: "expected an integer from 0 to 4294967295 or 'automatic'" }).optional(),
  };
  for (const key of SETTABLE) shape[key] = settingNode(key).optional();
  return zod().strictObject(shape) as unknown as z.ZodObject<{ [K in keyof ChangesShape]: ChangesShape[K] }, z.core.$strict>;
});

export type IpInterfaceChanges = z.input<typeof ipInterfaceChangesSchema>;

/** The smallest MTU each family allows (RFC 791 reassembly minimum, RFC 8200 link MTU). */
const MIN_MTU = { ipv4: 576, ipv6: 1280 } as const;

/** Validates `changes` for a family; a TypeError naming the field and the value for anything wrong. */
export function checkChanges(changes: unknown, family: 'ipv4' | 'ipv6'): z.output<typeof ipInterfaceChangesSchema> {
  changes = readObject(changes, 'changes', 'an object of settings to change');
  const result = ipInterfaceChangesSchema.safeParse(changes);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    if (issue.code === 'unrecognized_keys') {
      const shown = issue.keys.slice(0, 5).map(describeKey).join(', ') + (issue.keys.length > 5 ? ` and ${issue.keys.length - 5} more` : '');
      throw new TypeError(`\`changes\` has ${issue.keys.length === 1 ? 'a field' : 'fields'} that cannot be set: ${shown}`);
    }
    const field = String(issue.path[0]);
    throw new TypeError(`Invalid ${describePath(['changes', field])}: ${issue.message}, got ${describeValue((changes as Record<string, unknown>)[field])}`);
  }
  const value = result.data;
  if (Object.values(value).every((v) => v === undefined)) throw new TypeError('Expected `changes` to name at least one setting to change');
  if (value.nlMtu !== undefined && value.nlMtu < MIN_MTU[family]) {
    throw new TypeError(`Invalid \`changes.nlMtu\`: ${family === 'ipv4' ? 'IPv4' : 'IPv6'} needs at least ${MIN_MTU[family]} bytes, got ${describeValue(value.nlMtu)}`);
  }
  return value;
}

let writer: RowWriter | undefined;

/**
 * Applies the changes to the row bytes GetIpInterfaceEntry returned, in place:
 * the changed members only, by the struct's member writer (`metric` is Metric
 * with UseAutomaticMetric false, or UseAutomaticMetric true alone). Every other
 * member is written back as read — SetIpInterfaceEntry takes the whole row —
 * except SitePrefixLength, which Windows reports above the family's maximum but
 * refuses back: it is clamped (0 for IPv4 above 32, 128 for IPv6 above 128), as
 * WireGuard and Tailscale do.
 */
export function applyChanges(row: Buffer, family: 'ipv4' | 'ipv6', changes: z.output<typeof ipInterfaceChangesSchema>): void {
  const layout = MIB_IPINTERFACE_ROW.layout();
  writer ??= memberWriter(layout, ['useAutomaticMetric', 'metric', 'sitePrefixLength', ...SETTABLE], 'MIB_IPINTERFACE_ROW_set');
  const view = new DataView(row.buffer, row.byteOffset, row.byteLength);
  const { metric, ...members } = changes;
  const values: Record<string, unknown> = { ...members };
  if (metric === 'automatic') values.useAutomaticMetric = true;
  else if (metric !== undefined) Object.assign(values, { useAutomaticMetric: false, metric });
  const prefix = view.getUint32(layout.offsets.SitePrefixLength, true);
  if (family === 'ipv4' && prefix > 32) values.sitePrefixLength = 0;
  if (family === 'ipv6' && prefix > 128) values.sitePrefixLength = 128;
  writer(view, 0, values);
}

/** The row before and after the write, as read from the system. */
export interface SetIpInterfaceResult {
  readonly before: IpInterfaceRow;
  readonly after: IpInterfaceRow;
}

/** One native call on a row as a plan step. */
const rowStep = (fn: DllFunction, row: Buffer) => step<number>({ sync: () => call(fn, row) as number, async: () => callAsync(fn, row) });

function* setPlan(key: unknown, changes: unknown): Plan<SetIpInterfaceResult> {
  const keyed = parseKey(IP_INTERFACES.decl.entry!.input, key);
  const family = keyed.family as 'ipv4' | 'ipv6';
  const valid = checkChanges(changes, family);
  assertWindows(SetIpInterfaceEntry.name);
  const row = IP_INTERFACES.keyedRow(keyed);
  checkStatus(GetIpInterfaceEntry.name, yield* rowStep(GetIpInterfaceEntry, row));
  const before = IP_INTERFACES.decodeRow(row);
  applyChanges(row, family, valid);
  checkStatus(SetIpInterfaceEntry.name, yield* rowStep(SetIpInterfaceEntry, row));
  const again = IP_INTERFACES.keyedRow(keyed);
  checkStatus(GetIpInterfaceEntry.name, yield* rowStep(GetIpInterfaceEntry, again));
  return { before, after: IP_INTERFACES.decodeRow(again) };
}

/**
 * Changes the named settings of one interface and family (read, modify, write),
 * and returns the row before and after. Needs administrator rights:
 * `ERROR_ACCESS_DENIED` otherwise. Invalid changes are rejected before any call.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setipinterfaceentry
 */
export function setIpInterface(key: IpInterfaceKey, changes: IpInterfaceChanges): SetIpInterfaceResult {
  return runSync(setPlan(key, changes));
}

/**
 * Like setIpInterface, with each native call on a worker thread.
 *
 * https://learn.microsoft.com/en-us/windows/win32/api/netioapi/nf-netioapi-setipinterfaceentry
 */
export function setIpInterfaceAsync(key: IpInterfaceKey, changes: IpInterfaceChanges): Promise<SetIpInterfaceResult> {
  return runAsync(setPlan(key, changes));
}
