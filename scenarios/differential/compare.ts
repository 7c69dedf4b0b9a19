/**
 * Developer tool: `npx tsx scenarios/differential/compare.ts SCRIPT.sh` runs a script through both
 * kubectls (see harness.ts) and prints each command with SAME, or a unified diff (real → ours).
 */
import { readFileSync } from 'node:fs';
import { compareScript } from './harness';
import { unifiedDiff } from './diff';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npx tsx scenarios/differential/compare.ts SCRIPT.sh\n');
  process.exit(2);
}
const results = await compareScript(readFileSync(file, 'utf8'));
let differing = 0;
for (const r of results) {
  const title = r.block.text.split('\n')[0];
  if (r.ours === r.real) {
    process.stdout.write(`SAME  ${title}\n`);
  } else {
    differing++;
    process.stdout.write(`DIFF  ${title}\n${unifiedDiff(r.real, r.ours)}\n`);
  }
}
process.stdout.write(`${results.length - differing} same, ${differing} different\n`);
