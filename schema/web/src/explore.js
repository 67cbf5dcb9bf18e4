// The graph explorer (/explore): search an entity, place it, expand its
// neighbourhood, read the evidence of every relation, find paths. It talks
// only to the kgraph GraphQL endpoint of its own origin.
//
// State that makes a view is kept small so it fits the URL: the entities
// placed by search or path (roots), the entities expanded, in order, the
// ones removed, pinned, selected, the filters and the path. Opening a
// shared URL replays it against the same store.
import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
import { gql } from './api.js';
import { Typeahead } from './typeahead.js';
import { toGraphML, toJSON } from './exports.js';
import { showDocument } from './document.js';
import { el, clear, highlightBytes } from './dom.js';
import './explore.css';

cytoscape.use(fcose);

const config = JSON.parse(document.getElementById('kgraph-config').textContent);

export const ENTITY_TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION', 'EVENT', 'INITIATIVE', 'NORP', 'MISC'];
export const RELATION_TYPES = ['WORKS_FOR', 'LEADS', 'MEMBER_OF', 'PART_OF', 'BASED_IN', 'LOCATED_IN', 'LIVES_IN',
  'MET_WITH', 'PARTICIPATES_IN', 'ORGANIZED_BY', 'ANNOUNCED', 'PROPOSED', 'LAUNCHED', 'COOPERATES_WITH',
  'ACQUIRED', 'KILLED', 'RELATED_TO'];

// Colour and shape per entity type (colours distinguishable in grey too
// thanks to the shapes).
const TYPE_STYLE = {
  PERSON: ['#1f77b4', 'ellipse'],
  ORGANIZATION: ['#d62728', 'round-rectangle'],
  LOCATION: ['#2ca02c', 'diamond'],
  EVENT: ['#9467bd', 'star'],
  INITIATIVE: ['#ff7f0e', 'hexagon'],
  NORP: ['#8c564b', 'triangle'],
  MISC: ['#7f7f7f', 'rectangle'],
};

const EXPAND_LIMIT = 250; // nodes per expansion (subgraph's limit)
const BIG = 400; // above this many nodes: no animation, cheaper drawing
const HUGE = 1000; // above this many nodes: spectral layout only

const NODE_FIELDS = 'id name type degree mentionCount';
const EDGE_FIELDS = 'id type symmetric sourceId targetId confidence count';

if (location.pathname.endsWith('/document')) {
  showDocument(document.getElementById('app'), config);
} else {
  main();
}

function main() {
  const app = document.getElementById('app');
  clear(app);

  // ---- layout of the page ----
  const search = new Typeahead({ label: 'Search an entity', placeholder: 'Search an entity (/)', id: 'search' });
  const pathFrom = new Typeahead({ label: 'Path from', placeholder: 'From…', id: 'path-from' });
  const pathTo = new Typeahead({ label: 'Path to', placeholder: 'To…', id: 'path-to' });
  const status = el('div', { id: 'status', role: 'status', 'aria-live': 'polite' });
  const btn = (id, text, title, onclick) => el('button', { id, type: 'button', title, onclick }, text);

  const toolbar = el('header', { id: 'toolbar' },
    el('a', { href: './', class: 'brand', title: 'kgraph home' }, 'kgraph'),
    search.root,
    el('div', { class: 'path', role: 'group', 'aria-label': 'Path finder' },
      pathFrom.root, pathTo.root, btn('path-go', 'Path', 'Draw the shortest path between the two entities', () => findPath())),
    el('div', { class: 'actions' },
      btn('fit', 'Fit', 'Fit the view (F)', () => cy.fit(undefined, 30)),
      btn('relayout', 'Layout', 'Lay the graph out again (L)', () => runLayout(true)),
      btn('export-png', 'PNG', 'Export the view as PNG', () => exportPNG()),
      btn('export-graphml', 'GraphML', 'Export the view as GraphML', () => download('kgraph.graphml', 'application/graphml+xml', toGraphML(cy))),
      btn('export-json', 'JSON', 'Export the view as JSON', () => download('kgraph.json', 'application/json', toJSON(cy))),
      btn('clear', 'Clear', 'Remove everything', () => { resetState(); sources.clear(); syncFilterInputs(); cy.elements().remove(); commit(); showHelp(); }),
      el('a', { href: 'graphiql', class: 'link' }, 'GraphiQL')),
  );

  const filters = el('aside', { id: 'filters', 'aria-label': 'Filters' });
  const panel = el('aside', { id: 'panel', 'aria-label': 'Details', tabindex: '-1' });
  const graphBox = el('div', { id: 'graph', tabindex: '0', role: 'application',
    'aria-label': 'Graph. Keys: N next node, Shift+N previous, E or Enter expand, C collapse, P pin, Delete remove, F fit, L layout, / search' });
  app.append(toolbar, el('div', { id: 'main' }, filters, el('div', { id: 'graph-wrap' }, graphBox, status), panel));

  // ---- state ----
  let state;
  function resetState() {
    state = { roots: [], exp: [], rm: [], pin: [], sel: '', types: [...ENTITY_TYPES], rels: [...RELATION_TYPES], conf: 0, path: null };
  }
  resetState();
  const sources = new Map(); // node id -> Set of expanded ids that brought it

  const cy = cytoscape({
    container: graphBox,
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
    style: graphStyle(),
  });
  window.kgraphExplorer = { cy, state: () => state, layouts: [], busy: 0 };
  const api = window.kgraphExplorer;

  // ---- filters ----
  const typeBoxes = ENTITY_TYPES.map((t) => checkbox('type', t, t.toLowerCase(), TYPE_STYLE[t][0]));
  const relBoxes = RELATION_TYPES.map((t) => checkbox('rel', t, t.toLowerCase().replace(/_/g, ' ')));
  const confInput = el('input', { id: 'min-confidence', type: 'range', min: '0', max: '1', step: '0.05', value: '0' });
  const confOut = el('output', { for: 'min-confidence' }, '0.00');
  confInput.addEventListener('input', () => { state.conf = Number(confInput.value); confOut.textContent = state.conf.toFixed(2); applyFilters(); commit(); });
  filters.append(
    el('h2', {}, 'Entity types'), el('div', { class: 'checks' }, ...typeBoxes.map((b) => b.label)),
    el('h2', {}, 'Relation types'), el('div', { class: 'checks' }, ...relBoxes.map((b) => b.label)),
    el('h2', {}, el('label', { for: 'min-confidence' }, 'Minimum confidence')), el('div', { class: 'conf' }, confInput, confOut),
    el('p', { class: 'legend' }, 'Node colour and shape: entity type. Edge: relation type, width: evidence sentences. Double-click a node to expand it.'),
  );
  function checkbox(kind, value, text, colour) {
    const input = el('input', { type: 'checkbox', checked: true, value, id: `${kind}-${value}` });
    input.addEventListener('change', () => {
      const list = [...(kind === 'type' ? typeBoxes : relBoxes)].filter((b) => b.input.checked).map((b) => b.input.value);
      if (kind === 'type') state.types = list; else state.rels = list;
      applyFilters();
      commit();
    });
    const label = el('label', { for: input.id }, input,
      colour ? el('span', { class: 'swatch', style: `background:${colour}` }) : null, text);
    return { input, label };
  }
  function syncFilterInputs() {
    typeBoxes.forEach((b) => { b.input.checked = state.types.includes(b.input.value); });
    relBoxes.forEach((b) => { b.input.checked = state.rels.includes(b.input.value); });
    confInput.value = String(state.conf);
    confOut.textContent = state.conf.toFixed(2);
  }
  function applyFilters() {
    const types = new Set(state.types);
    const rels = new Set(state.rels);
    cy.batch(() => {
      cy.nodes().forEach((n) => n.toggleClass('filtered', !types.has(n.data('type'))));
      cy.edges().forEach((e) => e.toggleClass('filtered',
        !rels.has(e.data('type')) || e.data('confidence') < state.conf ||
        e.source().hasClass('filtered') || e.target().hasClass('filtered')));
    });
  }

  // ---- graph changes ----
  function addNodes(nodes, near) {
    const added = [];
    const centre = near && cy.getElementById(near).nonempty() ? cy.getElementById(near).position() : null;
    cy.batch(() => {
      for (const n of nodes) {
        if (state.rm.includes(n.id)) continue;
        if (cy.getElementById(n.id).nonempty()) continue;
        const [colour, shape] = TYPE_STYLE[n.type] || TYPE_STYLE.MISC;
        const size = 18 + Math.min(30, Math.sqrt(n.degree || 1) * 4);
        const pos = centre
          ? { x: centre.x + (Math.random() - 0.5) * 160, y: centre.y + (Math.random() - 0.5) * 160 }
          : { x: (Math.random() - 0.5) * 300, y: (Math.random() - 0.5) * 300 };
        added.push(cy.add({ group: 'nodes', data: { ...n, label: n.name, colour, shape, size }, position: pos }));
      }
    });
    return added;
  }
  function addEdges(edges) {
    cy.batch(() => {
      for (const e of edges) {
        if (cy.getElementById(e.id).nonempty()) continue;
        if (cy.getElementById(e.sourceId).empty() || cy.getElementById(e.targetId).empty()) continue;
        cy.add({ group: 'edges', data: { ...e, source: e.sourceId, target: e.targetId, label: e.type.toLowerCase().replace(/_/g, ' ') } });
      }
    });
  }
  // connect draws the relations between the given (newly drawn) entities
  // and every other drawn entity: each entity's relations, 25 entities per
  // request (the server's alias limit is 30), keeping those whose other end
  // is drawn.
  async function connect(ids) {
    for (let i = 0; i < ids.length; i += 25) {
      const chunk = ids.slice(i, i + 25);
      const fields = chunk.map((id, k) => `e${k}: entity(id: ${JSON.stringify(id)}) { relations(first: 300) { nodes { ${EDGE_FIELDS} } } }`);
      const d = await gql(config, `{ ${fields.join(' ')} }`);
      const edges = [];
      for (const k of Object.keys(d)) if (d[k]) edges.push(...d[k].relations.nodes);
      addEdges(edges);
    }
  }

  async function place(id, { root = true, select = true } = {}) {
    if (root && !state.roots.includes(id)) state.roots.push(id);
    state.rm = state.rm.filter((x) => x !== id);
    if (cy.getElementById(id).empty()) {
      const d = await gql(config, `query($ids:[ID!]!){subgraph(ids:$ids,hops:0,limit:1){nodes{${NODE_FIELDS}}}}`, { ids: [id] });
      if (!d.subgraph.nodes.length) throw new Error(`no entity with id ${id}`);
      addNodes(d.subgraph.nodes);
      await connect([id]);
      applyFilters();
      await runLayout(false);
    }
    if (select) selectNode(id, true);
  }

  async function expand(ids, { layout = true } = {}) {
    ids = ids.filter((id) => cy.getElementById(id).nonempty());
    if (!ids.length) return 0;
    let total = 0;
    let truncated = false;
    for (const id of ids) if (!state.exp.includes(id)) state.exp.push(id);
    for (let i = 0; i < ids.length; i += 100) {
      const batch = ids.slice(i, i + 100);
      const limit = Math.min(1000, batch.length === 1 ? EXPAND_LIMIT + 1 : 1000);
      const d = await gql(config, `query($ids:[ID!]!,$limit:Int){subgraph(ids:$ids,hops:1,limit:$limit){truncated nodes{${NODE_FIELDS}} edges{${EDGE_FIELDS}}}}`, { ids: batch, limit });
      truncated ||= d.subgraph.truncated;
      const touching = new Map(); // neighbour -> expanded ids it is adjacent to
      for (const e of d.subgraph.edges) {
        for (const [a, b] of [[e.sourceId, e.targetId], [e.targetId, e.sourceId]]) {
          if (batch.includes(a) && a !== b) {
            if (!touching.has(b)) touching.set(b, new Set());
            touching.get(b).add(a);
          }
        }
      }
      const added = addNodes(d.subgraph.nodes, batch.length === 1 ? batch[0] : null);
      total += added.length;
      for (const n of d.subgraph.nodes) {
        if (batch.includes(n.id)) continue;
        if (!sources.has(n.id)) sources.set(n.id, new Set());
        for (const a of touching.get(n.id) || batch) sources.get(n.id).add(a);
      }
      addEdges(d.subgraph.edges);
      await connect(added.map((n) => n.id()));
    }
    cy.batch(() => ids.forEach((id) => cy.getElementById(id).addClass('expanded')));
    applyFilters();
    setStatus(`${cy.nodes().length} entities, ${cy.edges().length} relations drawn` + (truncated ? ` (expansion cut at the node limit)` : ''));
    if (layout) await runLayout(false);
    return total;
  }

  function collapse(id) {
    state.exp = state.exp.filter((x) => x !== id);
    cy.getElementById(id).removeClass('expanded');
    const keep = new Set([...state.roots, ...state.exp, ...state.pin]);
    const gone = [];
    for (const [n, src] of sources) {
      src.delete(id);
      if (src.size === 0) {
        sources.delete(n);
        if (!keep.has(n)) gone.push(n);
      }
    }
    cy.batch(() => gone.forEach((n) => cy.getElementById(n).remove()));
    if (gone.includes(state.sel)) state.sel = '';
    setStatus(`collapsed: ${gone.length} entities removed`);
  }

  function removeNode(id) {
    cy.getElementById(id).remove();
    state.roots = state.roots.filter((x) => x !== id);
    state.exp = state.exp.filter((x) => x !== id);
    state.pin = state.pin.filter((x) => x !== id);
    if (!state.rm.includes(id)) state.rm.push(id);
    sources.delete(id);
    if (state.sel === id) { state.sel = ''; showHelp(); }
  }

  function togglePin(id) {
    const n = cy.getElementById(id);
    if (n.empty()) return;
    if (state.pin.includes(id)) {
      state.pin = state.pin.filter((x) => x !== id);
      n.unlock(); n.removeClass('pinned');
    } else {
      state.pin.push(id);
      n.lock(); n.addClass('pinned');
    }
  }

  // ---- layout ----
  let layoutRun = null;
  let layoutGen = 0;
  function runLayout(randomize) {
    if (layoutRun) layoutRun.stop();
    const visible = cy.elements().not('.filtered');
    const n = visible.nodes().length;
    if (n === 0) return Promise.resolve();
    const big = n > BIG;
    // Dense views draw small nodes sized by degree, straight edges, and
    // labels only when zoomed in, so that thousands of nodes stay legible.
    cy.batch(() => cy.elements().toggleClass('dense', big));
    const t0 = performance.now();
    api.busy++;
    const base = {
      name: 'fcose',
      quality: big ? 'default' : 'proof',
      randomize: randomize || visible.nodes('.placed').length < n / 2,
      animate: !big,
      animationDuration: 400,
      fit: true,
      padding: 30,
      nodeDimensionsIncludeLabels: !big,
      packComponents: true,
      nodeRepulsion: () => 6000,
      idealEdgeLength: () => (big ? 50 : 90),
      edgeElasticity: () => 0.45,
      numIter: big ? 1200 : 2500,
      samplingType: true,
      sampleSize: 25,
    };
    // Above HUGE nodes: the spectral layout ('draft'), then a short
    // force-directed pass from those positions, which separates the nodes
    // the spectral step puts on top of each other; a full force-directed
    // run takes several seconds there.
    const passes = n > HUGE && base.randomize
      ? [{ ...base, quality: 'draft' }, { ...base, randomize: false, numIter: 250, initialEnergyOnIncremental: 0.3 }]
      : [base];
    const run = (opts) => new Promise((resolve) => {
      const layout = visible.layout(opts);
      layoutRun = layout;
      layout.one('layoutstop', resolve);
      layout.run();
    });
    const gen = ++layoutGen;
    return (async () => {
      const passMs = [];
      for (const opts of passes) {
        if (gen !== layoutGen) break; // a newer layout took over
        const p0 = performance.now();
        await run(opts);
        passMs.push(Math.round(performance.now() - p0));
      }
      const ms = performance.now() - t0;
      api.layouts.push({ nodes: n, edges: visible.edges().length, ms, passMs });
      api.busy--;
      cy.nodes().addClass('placed');
      if (gen === layoutGen) layoutRun = null;
    })();
  }

  // ---- selection and the side panel ----
  function selectNode(id, centre) {
    const n = cy.getElementById(id);
    if (n.empty()) return;
    cy.elements().unselect();
    n.select();
    state.sel = id;
    if (centre) cy.animate({ center: { eles: n }, duration: cy.nodes().length > BIG ? 0 : 200 });
    showEntity(id);
    commit();
  }

  let panelToken = 0;
  async function showEntity(id) {
    const token = ++panelToken;
    clear(panel);
    panel.append(el('p', { class: 'muted' }, 'Loading…'));
    const d = await gql(config, `query($id:ID!){entity(id:$id){id name type aliases mentionCount degree attributes{key value}
      mentions(first:1000){nodes{documentId start end}}
      relations(first:200){totalCount nodes{id type symmetric confidence count attributes{key value}
        source{id name type} target{id name type}
        evidence(first:3){documentId sentence start end document{id title date}}}}}}`, { id });
    if (token !== panelToken) return;
    clear(panel);
    const e = d.entity;
    if (!e) { panel.append(el('p', {}, `No entity ${id}.`)); return; }
    const attrs = Object.fromEntries(e.attributes.map((a) => [a.key, a.value]));
    const n = cy.getElementById(id);
    panel.append(
      el('h2', { id: 'panel-title' }, el('span', { class: 'swatch', style: `background:${TYPE_STYLE[e.type][0]}` }), e.name),
      el('p', { class: 'meta' }, `${e.type.toLowerCase()} · ${e.mentionCount} mentions · ${e.degree} relations · id ${e.id}`),
      el('div', { class: 'node-actions' },
        btn('act-expand', n.hasClass('expanded') ? 'Collapse' : 'Expand', 'Expand or collapse (E / C)', () => (n.hasClass('expanded') ? doCollapse(id) : doExpand(id))),
        btn('act-pin', state.pin.includes(id) ? 'Unpin' : 'Pin', 'Pin in place (P)', () => { togglePin(id); commit(); showEntity(id); }),
        btn('act-remove', 'Remove', 'Remove from the view (Delete)', () => { removeNode(id); commit(); }),
        btn('act-from', 'Path from', 'Use as the start of a path', () => pathFrom.set({ id: e.id, name: e.name, type: e.type })),
        btn('act-to', 'Path to', 'Use as the end of a path', () => pathTo.set({ id: e.id, name: e.name, type: e.type }))),
    );
    if (e.aliases.length) panel.append(el('p', {}, el('b', {}, 'Also called: '), e.aliases.join('; ')));
    if (attrs.matchedBy || attrs.resolution) {
      panel.append(el('p', { class: 'resolution' }, el('b', {}, 'Resolved: '),
        attrs.matchedBy ? `matched by ${attrs.matchedBy}` : '', attrs.matchedBy && attrs.resolution ? '; ' : '', attrs.resolution || ''));
    }
    const other = e.attributes.filter((a) => a.key !== 'matchedBy' && a.key !== 'resolution');
    if (other.length) {
      panel.append(el('dl', { class: 'attrs' }, ...other.flatMap((a) => [el('dt', {}, a.key), el('dd', {}, a.value)])));
    }
    const byType = new Map();
    for (const r of e.relations.nodes) {
      if (!byType.has(r.type)) byType.set(r.type, []);
      byType.get(r.type).push(r);
    }
    panel.append(el('h3', {}, `Relations (${e.relations.totalCount}${e.relations.totalCount > e.relations.nodes.length ? `, first ${e.relations.nodes.length}` : ''})`));
    for (const [type, rels] of [...byType].sort((a, b) => a[0].localeCompare(b[0]))) {
      const list = el('ul', { class: 'rels' });
      for (const r of rels) {
        const out = r.source.id === e.id;
        const far = out ? r.target : r.source;
        const arrow = r.symmetric ? '—' : out ? '→' : '←';
        const title = r.attributes.find((a) => a.key === 'title' || a.key === 'predicate');
        list.append(el('li', {},
          el('div', {}, `${arrow} `,
            el('button', { type: 'button', class: 'linkish', title: 'Show and select this entity', onclick: () => place(far.id, { root: true }).then(commit) }, far.name),
            el('span', { class: 'muted' }, ` ${far.type.toLowerCase()}${title ? ` · ${title.value}` : ''} · confidence ${r.confidence.toFixed(2)} · ${r.count} sentence${r.count === 1 ? '' : 's'}`)),
          ...r.evidence.map((ev) => evidenceBlock(ev, [e.mentions.nodes]))));
      }
      panel.append(el('details', { open: byType.size <= 4 }, el('summary', {}, `${type.toLowerCase().replace(/_/g, ' ')} (${rels.length})`), list));
    }
  }

  async function showRelation(id) {
    const token = ++panelToken;
    clear(panel);
    panel.append(el('p', { class: 'muted' }, 'Loading…'));
    const d = await gql(config, `query($id:ID!){relation(id:$id){id type symmetric confidence count attributes{key value}
      source{id name type mentions(first:1000){nodes{documentId start end}}}
      target{id name type mentions(first:1000){nodes{documentId start end}}}
      evidence(first:20){documentId sentence start end document{id title date}}}}`, { id });
    if (token !== panelToken) return;
    clear(panel);
    const r = d.relation;
    if (!r) { panel.append(el('p', {}, `No relation ${id}.`)); return; }
    panel.append(
      el('h2', { id: 'panel-title' }, `${r.source.name} ${r.symmetric ? '—' : '→'} ${r.target.name}`),
      el('p', { class: 'meta' }, `${r.type.toLowerCase().replace(/_/g, ' ')} · confidence ${r.confidence.toFixed(2)} · ${r.count} evidence sentence${r.count === 1 ? '' : 's'}`),
      el('div', { class: 'node-actions' },
        btn('act-source', r.source.name, 'Select the source', () => selectNode(r.source.id, true)),
        btn('act-target', r.target.name, 'Select the target', () => selectNode(r.target.id, true))),
    );
    if (r.attributes.length) panel.append(el('dl', { class: 'attrs' }, ...r.attributes.flatMap((a) => [el('dt', {}, a.key), el('dd', {}, a.value)])));
    panel.append(el('h3', {}, 'Evidence'));
    const list = el('ul', { class: 'rels evidence-list' });
    for (const ev of r.evidence) list.append(el('li', {}, evidenceBlock(ev, [r.source.mentions.nodes, r.target.mentions.nodes])));
    panel.append(list);
  }

  // evidenceBlock renders a sentence with the mentions of the given lists
  // (byte offsets in the document) that fall inside it highlighted.
  function evidenceBlock(ev, mentionLists) {
    const spans = [];
    mentionLists.forEach((list, k) => {
      for (const m of list) {
        if (m.documentId === ev.documentId && m.start >= ev.start && m.end <= ev.end) {
          spans.push({ start: m.start - ev.start, end: m.end - ev.start, cls: `mention m${k}` });
        }
      }
    });
    const doc = ev.document || {};
    const href = `explore/document?id=${encodeURIComponent(ev.documentId)}&start=${ev.start}&end=${ev.end}`;
    return el('blockquote', { class: 'evidence' },
      el('p', { class: 'sentence' }, ...highlightBytes(ev.sentence, spans)),
      el('footer', {}, el('a', { href, target: '_blank', rel: 'noopener', title: 'The whole document, this sentence highlighted' },
        doc.title || ev.documentId), doc.date ? ` · ${doc.date}` : ''));
  }

  function showHelp() {
    panelToken++;
    clear(panel);
    panel.append(
      el('h2', {}, 'Explore the graph'),
      el('p', {}, 'Search an entity above and choose it to place it. Double-click a node (or select it and press E) to draw its neighbours; click a node or an edge to read its facts and the sentences that state them.'),
      el('ul', {},
        el('li', {}, '/ search · N next node, Shift+N previous (with the graph focused)'),
        el('li', {}, 'E or Enter expand · C collapse · P pin · Delete remove'),
        el('li', {}, 'F fit · L lay out again · Esc clear the selection')),
      el('p', {}, 'The address of this page keeps the view: copy it to share it.'),
    );
  }

  // ---- path finder ----
  async function findPath() {
    const a = pathFrom.value;
    const b = pathTo.value;
    if (!a || !b) { setStatus('choose both ends of the path first'); return; }
    state.path = [a.id, b.id];
    await drawPath();
    commit();
  }
  async function drawPath() {
    const [a, b] = state.path;
    cy.elements().removeClass('path');
    const d = await gql(config, `query($a:ID!,$b:ID!){shortestPath(from:$a,to:$b,maxHops:6){length nodes{${NODE_FIELDS}} edges{${EDGE_FIELDS}}}}`, { a, b });
    const p = d.shortestPath;
    if (!p) { setStatus('no path of at most 6 relations between them'); return; }
    for (const n of p.nodes) {
      if (!state.roots.includes(n.id)) state.roots.push(n.id);
      state.rm = state.rm.filter((x) => x !== n.id);
    }
    const added = addNodes(p.nodes);
    addEdges(p.edges);
    await connect(added.map((n) => n.id()));
    cy.batch(() => {
      p.nodes.forEach((n) => cy.getElementById(n.id).addClass('path'));
      p.edges.forEach((e) => cy.getElementById(e.id).addClass('path'));
    });
    applyFilters();
    await runLayout(false);
    setStatus(`path of ${p.length} relation${p.length === 1 ? '' : 's'}: ${p.nodes.map((n) => n.name).join(' – ')}`);
  }

  // ---- URL state ----
  function encodeState() {
    const q = new URLSearchParams();
    if (state.roots.length) q.set('n', state.roots.join(','));
    if (state.exp.length) q.set('x', state.exp.join(','));
    if (state.rm.length) q.set('rm', state.rm.join(','));
    if (state.pin.length) q.set('pin', state.pin.map((id) => {
      const p = cy.getElementById(id).position();
      return `${id}:${Math.round(p.x)}:${Math.round(p.y)}`;
    }).join(','));
    if (state.sel) q.set('sel', state.sel);
    if (state.types.length !== ENTITY_TYPES.length) q.set('types', state.types.join(','));
    if (state.rels.length !== RELATION_TYPES.length) q.set('rels', state.rels.join(','));
    if (state.conf > 0) q.set('conf', String(state.conf));
    if (state.path) q.set('path', state.path.join(','));
    return q.toString();
  }
  let restoring = false;
  function commit() {
    if (restoring) return;
    const s = encodeState();
    if (s !== location.hash.slice(1)) history.replaceState(null, '', s ? `#${s}` : location.pathname);
  }
  async function restore() {
    const q = new URLSearchParams(location.hash.slice(1));
    const list = (k) => (q.get(k) ? q.get(k).split(',').filter(Boolean) : []);
    resetState();
    sources.clear();
    cy.elements().remove();
    state.types = q.has('types') ? list('types').filter((t) => ENTITY_TYPES.includes(t)) : [...ENTITY_TYPES];
    state.rels = q.has('rels') ? list('rels').filter((t) => RELATION_TYPES.includes(t)) : [...RELATION_TYPES];
    state.conf = Math.min(1, Math.max(0, Number(q.get('conf')) || 0));
    syncFilterInputs();
    const roots = list('n');
    const exp = list('x');
    const rm = list('rm');
    const pins = list('pin').map((s) => s.split(':'));
    const path = list('path');
    if (!roots.length && !exp.length) { showHelp(); return; }
    restoring = true;
    try {
      if (roots.length) {
        for (let i = 0; i < roots.length; i += 100) {
          const d = await gql(config, `query($ids:[ID!]!){subgraph(ids:$ids,hops:0,limit:1000){nodes{${NODE_FIELDS}} edges{${EDGE_FIELDS}}}}`, { ids: roots.slice(i, i + 100) });
          addNodes(d.subgraph.nodes);
          addEdges(d.subgraph.edges);
        }
        state.roots = roots.filter((id) => cy.getElementById(id).nonempty());
      }
      await expand(exp, { layout: false });
      for (const id of rm) removeNode(id);
      for (const [id, x, y] of pins) {
        const n = cy.getElementById(id);
        if (n.empty()) continue;
        n.position({ x: Number(x) || 0, y: Number(y) || 0 });
        togglePin(id);
      }
      if (path.length === 2) {
        state.path = path;
        pathFrom.setId(path[0]);
        pathTo.setId(path[1]);
        await drawPath();
      }
      applyFilters();
      await runLayout(true);
      const sel = q.get('sel');
      if (sel && cy.getElementById(sel).nonempty()) selectNode(sel, false);
      else showHelp();
    } finally {
      restoring = false;
    }
    commit();
  }

  // ---- actions with feedback ----
  async function doExpand(id) {
    setStatus('expanding…');
    try {
      const n = await expand([id]);
      setStatus(`${n} entities added; ${cy.nodes().length} entities, ${cy.edges().length} relations drawn`);
      commit();
      if (state.sel === id) showEntity(id);
    } catch (err) { setStatus(err.message, true); }
  }
  function doCollapse(id) {
    collapse(id);
    commit();
    if (state.sel === id) showEntity(id);
  }
  function setStatus(text, error) {
    status.textContent = text;
    status.classList.toggle('error', !!error);
  }
  function exportPNG() {
    const data = cy.png({ full: true, scale: 2, bg: '#ffffff', maxWidth: 4000, maxHeight: 4000 });
    const a = el('a', { href: data, download: 'kgraph.png' });
    document.body.append(a); a.click(); a.remove();
  }
  function download(name, type, text) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const a = el('a', { href: url, download: name });
    document.body.append(a); a.click(); a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  // ---- events ----
  search.onChoose = (item) => place(item.id).then(() => { commit(); graphBox.focus(); }).catch((err) => setStatus(err.message, true));
  for (const t of [search, pathFrom, pathTo]) {
    t.fetch = async (text) => (await gql(config, `query($q:String!){search(query:$q,first:8){nodes{id name type aliases}}}`, { q: text })).search.nodes;
  }
  pathFrom.setId = pathTo.setId = null;
  for (const t of [pathFrom, pathTo]) {
    t.setId = async (id) => {
      const d = await gql(config, 'query($id:ID!){entity(id:$id){id name type}}', { id });
      if (d.entity) t.set(d.entity);
    };
  }
  pathTo.onChoose = () => findPath();

  cy.on('tap', 'node', (ev) => selectNode(ev.target.id(), false));
  cy.on('dbltap', 'node', (ev) => {
    const id = ev.target.id();
    if (ev.target.hasClass('expanded')) doCollapse(id); else doExpand(id);
  });
  cy.on('tap', 'edge', (ev) => {
    cy.elements().unselect();
    ev.target.select();
    state.sel = '';
    commit();
    showRelation(ev.target.id()).catch((err) => setStatus(err.message, true));
  });
  cy.on('tap', (ev) => { if (ev.target === cy) { state.sel = ''; commit(); showHelp(); } });
  cy.on('dragfree', 'node', () => commit());

  const visibleNodes = () => cy.nodes().not('.filtered').sort((a, b) => a.data('name').localeCompare(b.data('name')));
  function step(delta) {
    const nodes = visibleNodes();
    if (!nodes.length) return;
    const i = nodes.toArray().findIndex((n) => n.id() === state.sel);
    const next = nodes[(i + delta + nodes.length) % nodes.length];
    selectNode(next.id(), true);
  }
  graphBox.addEventListener('keydown', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const id = state.sel;
    const has = id && cy.getElementById(id).nonempty();
    let handled = true;
    switch (ev.key) {
      case 'n': step(1); break;
      case 'N': step(-1); break;
      case 'e': case 'Enter': if (has) doExpand(id); break;
      case 'c': if (has) doCollapse(id); break;
      case 'p': if (has) { togglePin(id); commit(); showEntity(id); } break;
      case 'Delete': case 'Backspace': if (has) { removeNode(id); commit(); } break;
      case 'f': cy.fit(undefined, 30); break;
      case 'l': runLayout(true); break;
      case 'Escape': cy.elements().unselect(); state.sel = ''; commit(); showHelp(); break;
      default: handled = false;
    }
    if (handled) ev.preventDefault();
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === '/' && !(ev.target instanceof HTMLInputElement)) { ev.preventDefault(); search.focus(); }
  });
  window.addEventListener('hashchange', () => {
    if (location.hash.slice(1) !== encodeState()) restore().catch((err) => setStatus(err.message, true));
  });

  // Programmatic access for scripted measurements and tests.
  Object.assign(api, {
    place: (id) => place(id).then(commit),
    expand: (ids, opts) => expand(ids, opts).then((n) => { commit(); return n; }),
    layout: () => runLayout(true),
    restore,
    ready: false,
  });

  restore().catch((err) => setStatus(err.message, true)).finally(() => { api.ready = true; graphBox.dataset.ready = 'true'; });
}

function graphStyle() {
  return [
    { selector: 'node', style: {
      'background-color': 'data(colour)', shape: 'data(shape)', width: 'data(size)', height: 'data(size)',
      label: 'data(label)', 'font-size': 11, 'min-zoomed-font-size': 7, 'text-valign': 'bottom', 'text-margin-y': 3,
      'text-wrap': 'ellipsis', 'text-max-width': 140, color: '#1d232a',
      'text-outline-color': '#ffffff', 'text-outline-width': 2, 'border-width': 1, 'border-color': '#ffffff',
    } },
    { selector: 'node.expanded', style: { 'border-width': 3, 'border-color': '#1d232a' } },
    { selector: 'node.pinned', style: { 'border-width': 3, 'border-style': 'double', 'border-color': '#f0b400' } },
    { selector: 'node:selected', style: { 'overlay-color': '#f0b400', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
    { selector: 'edge', style: {
      width: 'mapData(count, 1, 12, 1, 7)', 'line-color': '#9aa5b1', 'target-arrow-color': '#9aa5b1',
      'target-arrow-shape': 'triangle', 'arrow-scale': 0.7, 'curve-style': 'bezier',
      label: 'data(label)', 'font-size': 9, 'min-zoomed-font-size': 9, color: '#52606d',
      'text-rotation': 'autorotate', 'text-outline-color': '#ffffff', 'text-outline-width': 2,
    } },
    { selector: 'edge[?symmetric]', style: { 'target-arrow-shape': 'none' } },
    { selector: 'edge:selected', style: { 'line-color': '#f0b400', 'target-arrow-color': '#f0b400' } },
    { selector: 'node.dense', style: {
      width: 'mapData(degree, 1, 150, 7, 28)', height: 'mapData(degree, 1, 150, 7, 28)',
      'font-size': 9, 'min-zoomed-font-size': 11, 'border-width': 0,
    } },
    { selector: 'node.dense.expanded', style: { 'border-width': 1 } },
    { selector: 'edge.dense', style: { 'curve-style': 'haystack', 'haystack-radius': 0, 'min-zoomed-font-size': 14, opacity: 0.6 } },
    { selector: '.path', style: { 'line-color': '#e4572e', 'target-arrow-color': '#e4572e', 'border-color': '#e4572e', 'border-width': 4 } },
    { selector: '.filtered', style: { display: 'none' } },
  ];
}
