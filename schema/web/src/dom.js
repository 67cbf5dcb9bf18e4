// Small DOM helpers: no framework, no innerHTML with data.

// el creates an element with attributes (on* functions become listeners)
// and children (strings become text nodes; null is skipped).
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'checked' || k === 'value') e[k] = v;
    else e.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false || c === '') continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

export function clear(e) {
  while (e.firstChild) e.firstChild.remove();
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

// highlightBytes splits text at UTF-8 byte offsets (the offsets kgraph's
// mentions and evidence use) and returns nodes with the spans [start, end)
// wrapped in <mark class=cls>. Overlapping spans keep the first.
export function highlightBytes(text, spans) {
  const bytes = encoder.encode(text);
  const sorted = spans
    .filter((s) => s.start >= 0 && s.end <= bytes.length && s.start < s.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    if (s.start > at) out.push(decoder.decode(bytes.subarray(at, s.start)));
    out.push(el('mark', { class: s.cls }, decoder.decode(bytes.subarray(s.start, s.end))));
    at = s.end;
  }
  if (at < bytes.length) out.push(decoder.decode(bytes.subarray(at)));
  return out;
}
