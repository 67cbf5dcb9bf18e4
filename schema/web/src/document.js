// The document view (/explore/document?id=…&start=…&end=…): a document's
// whole text with the byte range [start, end) highlighted and scrolled to.
import { gql } from './api.js';
import { el, clear, highlightBytes } from './dom.js';

export async function showDocument(app, config) {
  clear(app);
  const q = new URLSearchParams(location.search);
  const id = q.get('id') || '';
  const start = Number(q.get('start'));
  const end = Number(q.get('end'));
  const box = el('main', { id: 'document', class: 'document' });
  app.append(el('header', { id: 'toolbar' }, el('a', { href: '../explore', class: 'brand' }, 'kgraph explorer')), box);
  try {
    const d = await gql(config, 'query($id:ID!){document(id:$id){id title date source url length text}}', { id });
    const doc = d.document;
    if (!doc) { box.append(el('p', {}, `No document with id ${id}.`)); return; }
    document.title = `${doc.title || doc.id} — kgraph`;
    const spans = Number.isInteger(start) && Number.isInteger(end) && end > start ? [{ start, end, cls: 'sentence-mark' }] : [];
    box.append(
      el('h1', {}, doc.title || doc.id),
      el('p', { class: 'meta' }, [doc.date, doc.source, `${doc.length} bytes`, `id ${doc.id}`].filter(Boolean).join(' · '),
        doc.url ? ' · ' : null, doc.url ? el('span', {}, doc.url) : null),
      el('div', { class: 'doc-text' }, ...highlightBytes(doc.text, spans)),
    );
    const mark = box.querySelector('mark');
    if (mark) { mark.setAttribute('tabindex', '-1'); mark.scrollIntoView({ block: 'center' }); mark.focus(); }
  } catch (err) {
    box.append(el('p', { class: 'error' }, err.message));
  }
}
