// Exports of the drawn graph: GraphML (for Gephi, yEd, Cytoscape desktop)
// and JSON (kgraph's subgraph shape).

const xml = (s) => String(s).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' }[c]));

export function toGraphML(cy) {
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="name" for="node" attr.name="name" attr.type="string"/>',
    '  <key id="type" for="node" attr.name="type" attr.type="string"/>',
    '  <key id="x" for="node" attr.name="x" attr.type="double"/>',
    '  <key id="y" for="node" attr.name="y" attr.type="double"/>',
    '  <key id="rtype" for="edge" attr.name="type" attr.type="string"/>',
    '  <key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>',
    '  <key id="count" for="edge" attr.name="count" attr.type="int"/>',
    '  <graph id="kgraph" edgedefault="directed">',
  ];
  cy.nodes().not('.filtered').forEach((n) => {
    const p = n.position();
    lines.push(`    <node id="${xml(n.id())}"><data key="name">${xml(n.data('name'))}</data><data key="type">${xml(n.data('type'))}</data>` +
      `<data key="x">${p.x.toFixed(1)}</data><data key="y">${p.y.toFixed(1)}</data></node>`);
  });
  cy.edges().not('.filtered').forEach((e) => {
    lines.push(`    <edge id="${xml(e.id())}" source="${xml(e.data('source'))}" target="${xml(e.data('target'))}">` +
      `<data key="rtype">${xml(e.data('type'))}</data><data key="confidence">${e.data('confidence')}</data><data key="count">${e.data('count')}</data></edge>`);
  });
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

export function toJSON(cy) {
  const nodes = cy.nodes().not('.filtered').map((n) => ({
    id: n.id(), name: n.data('name'), type: n.data('type'), degree: n.data('degree'),
    mentionCount: n.data('mentionCount'), position: n.position(),
  }));
  const edges = cy.edges().not('.filtered').map((e) => ({
    id: e.id(), type: e.data('type'), sourceId: e.data('source'), targetId: e.data('target'),
    confidence: e.data('confidence'), count: e.data('count'),
  }));
  return JSON.stringify({ nodes, edges }, null, 2) + '\n';
}
