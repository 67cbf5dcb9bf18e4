// The GraphiQL page (/graphiql): GraphiQL 5 with its Monaco editors, the
// schema's documentation open, and kgraph's example queries as saved tabs
// and in a picker. Everything is served by the kgraph binary: the workers
// Monaco needs are separate files of this folder, loaded from the page's
// own origin.
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { DOC_EXPLORER_PLUGIN } from '@graphiql/plugin-doc-explorer';
import { useGraphiQL } from '@graphiql/react';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import './graphiql.css';

const config = JSON.parse(document.getElementById('kgraph-config').textContent);
const assets = config.assets; // URL prefix of this folder, ending in '/'

globalThis.MonacoEnvironment = {
  getWorker(_id, label) {
    switch (label) {
      case 'json':
        return new Worker(assets + 'json.worker.js');
      case 'graphql':
        return new Worker(assets + 'graphql.worker.js');
    }
    return new Worker(assets + 'editor.worker.js');
  },
};

const examples = config.examples || [];

// tabText is an example as a tab's text: anonymous queries get an
// operation name made from the title, which GraphiQL shows on the tab.
function tabText(e) {
  let q = e.query;
  if (q.trimStart().startsWith('{')) {
    const name = e.title.replace(/[^A-Za-z0-9 ]/g, '').split(/\s+/).filter(Boolean)
      .map((w) => w[0].toUpperCase() + w.slice(1)).join('');
    q = `query ${name} ${q.trimStart()}`;
  }
  return `# ${e.note}\n${q}\n`;
}

// ExamplePicker loads an example query (and its variables) into the editors
// of the active tab.
function ExamplePicker() {
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  return (
    <select
      className="kgraph-examples"
      aria-label="Load an example query"
      value=""
      onChange={(ev) => {
        const e = examples[Number(ev.target.value)];
        if (!e || !queryEditor) return;
        queryEditor.setValue(tabText(e));
        if (variableEditor) variableEditor.setValue(e.variables || '');
        queryEditor.focus();
      }}
    >
      <option value="">Examples…</option>
      {examples.map((e, i) => (
        <option key={i} value={i}>{e.title}</option>
      ))}
    </select>
  );
}

const fetcher = createGraphiQLFetcher({ url: config.endpoint });

// ?example=N opens example N (the landing page's links), ?query= and
// ?variables= open that query; either in a tab of its own unless a tab
// already holds it.
const params = new URLSearchParams(location.search);
const picked = examples[Number(params.get('example'))];
const initial = params.has('example') && picked
  ? { initialQuery: tabText(picked), initialVariables: picked.variables || undefined }
  : { initialQuery: params.get('query') ?? undefined, initialVariables: params.get('variables') ?? undefined };

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL
    fetcher={fetcher}
    defaultTabs={[
      ...(initial.initialQuery ? [{ query: initial.initialQuery, variables: initial.initialVariables }] : []),
      ...examples.map((e) => ({ query: tabText(e), variables: e.variables || undefined })),
    ]}
    defaultEditorToolsVisibility={true}
    visiblePlugin={DOC_EXPLORER_PLUGIN}
    {...initial}
  >
    <GraphiQL.Logo>
      <span className="kgraph-logo">
        <a href="./">kgraph</a> · <a href="explore">Explorer</a> <ExamplePicker />
      </span>
    </GraphiQL.Logo>
  </GraphiQL>,
);
