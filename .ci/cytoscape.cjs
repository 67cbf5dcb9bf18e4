// Loads kgraph's Cytoscape.js export into cytoscape (headless) and checks
// node and edge counts and one node's name against the expectations.
//   node cytoscape.cjs graph.cyjs expect.json
const fs = require("fs");
const cytoscape = require("cytoscape");
const doc = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const want = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
const cy = cytoscape({ headless: true, elements: doc.elements });
let failed = 0;
const check = (what, got, exp) => {
  const ok = got === exp;
  console.log(`${ok ? "PASS" : "FAIL"} cyjs ${what} got ${JSON.stringify(got)} want ${JSON.stringify(exp)}`);
  if (!ok) failed++;
};
check("nodes", cy.nodes().length, want.entities);
check("edges", cy.edges().length, want.relations);
check(`name of ${want.entity.id}`, cy.getElementById(want.entity.id).data("name"), want.entity.name);
const e = cy.getElementById(want.relation.id);
check(`confidence of ${want.relation.id}`, e.data("confidence"), want.relation.confidence);
check(`source of ${want.relation.id}`, e.source().id(), want.relation.source);
process.exit(failed ? 1 : 0);
