#!/usr/bin/env node
// Decodes a capture file through the full path (file → checks → stride decoder
// → zod-validated rows) and prints it the way Get-NetIPInterface does.
//   node examples/decode-capture.mjs [FILE]     (default: examples/laptop.ipcap)
import { fileURLToPath } from 'node:url';
import { loadCapture } from 'ipinterface';

const file = process.argv[2] ?? fileURLToPath(new URL('laptop.ipcap', import.meta.url));

try {
  const { metadata, rows } = await loadCapture(file);
  const names = metadata.interfaces ?? {};
  const table = rows
    .map((row) => ({
      ifIndex: String(row.interfaceIndex),
      alias: names[row.interfaceLuid.toString()]?.alias ?? '',
      family: row.family === 'ipv4' ? 'IPv4' : 'IPv6',
      nlMtu: String(row.nlMtu),
      metric: `${row.metric}${row.useAutomaticMetric ? ' (auto)' : ''}`,
      connected: row.connected ? 'Connected' : 'Disconnected',
      forwarding: row.forwardingEnabled ? 'Enabled' : 'Disabled',
      routerDiscovery: row.routerDiscoveryBehavior,
      dadTransmits: String(row.dadTransmits),
    }))
    .sort((a, b) => Number(a.ifIndex) - Number(b.ifIndex) || a.family.localeCompare(b.family));
  const columns = Object.keys(table[0] ?? { ifIndex: '' });
  const width = Object.fromEntries(columns.map((c) => [c, Math.max(c.length, ...table.map((r) => r[c].length))]));
  const line = (cells) => columns.map((c) => cells[c].padEnd(width[c])).join('  ').trimEnd();
  console.log(`${rows.length} interfaces, captured ${metadata.capturedAt} on ${metadata.system ?? metadata.arch} (family: ${metadata.family})\n`);
  console.log(line(Object.fromEntries(columns.map((c) => [c, c]))));
  console.log(line(Object.fromEntries(columns.map((c) => [c, '-'.repeat(width[c])]))));
  for (const row of table) console.log(line(row));
} catch (error) {
  console.error(`${error.code ?? error.name}: ${error.message}`);
  process.exitCode = 1;
}
