// The size budget: what a browser downloads to show the services list, gzipped.
// Walks the built module graph from index.html through the static imports of the
// entry and of the route chunks the services list needs, so a heavy library that
// sneaks onto that path fails the build.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_KB = Number(process.env.SIZE_BUDGET_KB ?? 140);
const dist = 'dist';
const manifestPath = join(dist, '.vite', 'manifest.json');
if (!existsSync(manifestPath)) {
  console.error('No build manifest: run `vite build` first (npm run size does).');
  process.exit(2);
}
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));

// The routes the browser loads to show /orgs/:org/workspaces/:ws/services.
const SERVICES_LIST_ROUTES = [
  'src/routes/_authed.tsx',
  'src/routes/_authed/orgs/$orgId/workspaces/$workspaceId/route.tsx',
  'src/routes/_authed/orgs/$orgId/workspaces/$workspaceId/services/route.tsx',
  'src/routes/_authed/orgs/$orgId/workspaces/$workspaceId/services/index.tsx',
];

const files = new Set();
function visit(key) {
  const chunk = manifest[key];
  if (!chunk) return;
  if (files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const dep of chunk.imports ?? []) visit(dep);
}

const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
visit(entry);
// With autoCodeSplitting, each route file has a lazy chunk (`?tsr-split=…`); follow those too.
for (const key of Object.keys(manifest)) {
  const source = key.split('?')[0];
  if (SERVICES_LIST_ROUTES.includes(source)) visit(key);
}
const missing = SERVICES_LIST_ROUTES.filter((r) => !Object.keys(manifest).some((k) => k.split('?')[0] === r || manifest[k].src === r));
for (const r of missing) {
  // A route with no chunk of its own is bundled into the entry; that is fine, it is counted there.
  console.log(`(route bundled in its parent chunk: ${r})`);
}

// The budget is for JavaScript (as the issue states it); CSS is reported beside it.
let total = 0;
let css = 0;
const rows = [];
for (const file of files) {
  const bytes = gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
  if (file.endsWith('.css')) css += bytes;
  else total += bytes;
  rows.push([file, bytes]);
}
rows.sort((a, b) => b[1] - a[1]);
for (const [file, bytes] of rows) console.log(`${(bytes / 1024).toFixed(1).padStart(8)} KB  ${file}`);
const kb = total / 1024;
console.log(
  `\nServices list JavaScript, gzipped: ${kb.toFixed(1)} KB (budget ${BUDGET_KB} KB); CSS ${(css / 1024).toFixed(1)} KB; ${files.size} files`,
);

const visitedKeys = Object.keys(manifest).filter((k) => files.has(manifest[k].file));
const forbidden = rows
  .filter(([file]) => /mermaid|shiki|highlight/i.test(file))
  .concat(visitedKeys.filter((k) => /mermaid|shiki/i.test(k)).map((k) => [k, 0]));
if (forbidden.length) {
  console.error(`Heavy libraries on the services list's path: ${forbidden.map(([f]) => f).join(', ')}`);
  process.exit(1);
}
if (kb > BUDGET_KB) {
  console.error(`Over budget by ${(kb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
