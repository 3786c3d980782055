// Global setup of the pure tier: the folder tests make scratch directories in
// (ignored by git), so `npm run test:pure` works on a fresh clone too.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export default function setup(): void {
  mkdirSync(join(__dirname, '..', '.cache'), { recursive: true });
}
