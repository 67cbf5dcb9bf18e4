// Runs the graphql-http server audit (GraphQL over HTTP conformance) against
// a running endpoint and fails when any MUST is broken.
//
//   node .ci/audit.mjs http://127.0.0.1:8080/graphql
//
// graphql-http and graphql must be resolvable from the working directory or
// NODE_PATH (CI installs pinned versions into a temporary folder). Prints
// one line per audit and a summary; exits 1 when a result has status
// "error" (a failed MUST), 2 on usage or fatal errors. Warnings (failed
// SHOULDs) and notices (failed MAYs) are printed but do not fail.
import { createRequire } from 'node:module';
import path from 'node:path';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL');
  process.exit(2);
}

// Resolve graphql-http from the current directory (or NODE_PATH), not from
// this file's folder, so the packages can live in a temporary install.
const require = createRequire(path.join(process.cwd(), 'noop.js'));
let auditServer;
try {
  ({ auditServer } = require('graphql-http'));
} catch (err) {
  console.error(`audit: cannot load graphql-http (${err.message}); run from the folder where it is installed or set NODE_PATH`);
  process.exit(2);
}

let results;
try {
  results = await auditServer({ url });
} catch (err) {
  console.error(`audit: fatal error while auditing ${url}: ${err && err.stack ? err.stack : err}`);
  process.exit(2);
}

const counts = { ok: 0, warn: 0, notice: 0, error: 0 };
for (const r of results) {
  counts[r.status] = (counts[r.status] || 0) + 1;
  let line = `${r.status.padEnd(6)} ${r.id} ${r.name}`;
  if (r.status !== 'ok' && r.reason) {
    line += ` -- ${r.reason}`;
  }
  console.log(line);
}
console.log(`audit: ${results.length} audits: ${counts.ok} ok, ${counts.warn} warn, ${counts.notice} notice, ${counts.error} error`);
process.exit(counts.error > 0 ? 1 : 0);
