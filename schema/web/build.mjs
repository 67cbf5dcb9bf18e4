// Builds kgraph's browser pages into dist/, which the Go binary embeds
// (schema/assets.go). Run from this folder after `npm ci`:
//
//	npm ci && npm run build
//
// The output depends only on the sources and the lockfile: no hashes of
// time or paths, no source maps, sorted licence list, so CI can rebuild and
// compare with what is committed.
import * as esbuild from 'esbuild';
import { readFileSync, writeFileSync, rmSync, mkdirSync, existsSync, readdirSync, copyFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const out = 'dist';
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const common = {
  bundle: true,
  minify: true,
  legalComments: 'none', // collected in THIRD_PARTY_LICENSES.txt instead
  target: ['es2022'],
  logLevel: 'warning',
  metafile: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'dataurl' },
  assetNames: '[name]',
  charset: 'utf8',
};

const builds = [
  // The pages' scripts.
  { entryPoints: { graphiql: 'src/graphiql.jsx', explore: 'src/explore.js' }, format: 'iife', outdir: out, jsx: 'automatic' },
  // Monaco's web workers, served from the same origin as the page.
  {
    entryPoints: {
      'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
      'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
      'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
    },
    format: 'iife', outdir: out,
  },
];

const inputs = new Set();
for (const b of builds) {
  const r = await esbuild.build({ ...common, ...b });
  for (const f of Object.keys(r.metafile.inputs)) inputs.add(f);
}
for (const f of readdirSync('src')) {
  if (f.endsWith('.html')) copyFileSync(join('src', f), join(out, f));
}

// Licences of every package that ended up in a bundle.
const pkgs = new Map();
for (const f of inputs) {
  const m = f.match(/^(.*node_modules\/(@[^/]+\/[^/]+|[^/]+))\//);
  if (!m) continue;
  pkgs.set(m[2], m[1]);
}
const names = [...pkgs.keys()].sort();
let text = 'Third-party software bundled in the files of this folder (built by schema/web/build.mjs).\n';
for (const name of names) {
  const dir = pkgs.get(name);
  const pj = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const lic = typeof pj.license === 'string' ? pj.license : (pj.license && pj.license.type) || 'see below';
  text += `\n${'='.repeat(78)}\n${name} ${pj.version} (${lic})\n`;
  if (pj.homepage) text += `${pj.homepage}\n`;
  const files = readdirSync(dir).filter((f) => /^(licen[cs]e|copying|notice)/i.test(f)).sort();
  if (files.length === 0) text += `\n(no licence file in the package; its package.json says ${lic})\n`;
  for (const lf of files) text += `\n${readFileSync(join(dir, lf), 'utf8').trim()}\n`;
}
writeFileSync(join(out, 'THIRD_PARTY_LICENSES.txt'), text);
console.log(`built ${out}/: ${readdirSync(out).sort().join(' ')}; ${names.length} bundled packages`);
