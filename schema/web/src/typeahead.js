// Typeahead is a combobox (WAI-ARIA pattern) over the search query: type,
// move with the arrow keys, choose with Enter or a click.
import { el } from './dom.js';

let counter = 0;

export class Typeahead {
  constructor({ label, placeholder, id }) {
    this.id = id || `typeahead-${++counter}`;
    this.value = null; // the chosen {id, name, type}
    this.items = [];
    this.active = -1;
    this.fetch = async () => [];
    this.onChoose = () => {};
    this.input = el('input', {
      id: this.id, type: 'search', placeholder, autocomplete: 'off', spellcheck: 'false',
      role: 'combobox', 'aria-label': label, 'aria-expanded': 'false', 'aria-autocomplete': 'list',
      'aria-controls': `${this.id}-list`,
    });
    this.list = el('ul', { id: `${this.id}-list`, role: 'listbox', class: 'typeahead-list', hidden: true, 'aria-label': label });
    this.root = el('div', { class: 'typeahead' }, this.input, this.list);
    let timer = 0;
    let seq = 0;
    this.input.addEventListener('input', () => {
      this.value = null;
      clearTimeout(timer);
      const text = this.input.value.trim();
      if (!text) { this.close(); return; }
      timer = setTimeout(async () => {
        const mine = ++seq;
        try {
          const items = await this.fetch(text);
          if (mine === seq && this.input.value.trim() === text) this.open(items);
        } catch (err) {
          if (mine === seq) this.open([], err.message);
        }
      }, 120);
    });
    this.input.addEventListener('keydown', (ev) => {
      const n = this.items.length;
      switch (ev.key) {
        case 'ArrowDown': if (n) this.highlight((this.active + 1) % n); else return; break;
        case 'ArrowUp': if (n) this.highlight((this.active - 1 + n) % n); else return; break;
        case 'Enter': if (n) this.choose(this.active >= 0 ? this.active : 0); else return; break;
        case 'Escape': if (!this.list.hidden) this.close(); else return; break;
        default: return;
      }
      ev.preventDefault();
      ev.stopPropagation();
    });
    this.input.addEventListener('blur', () => setTimeout(() => this.close(), 150));
  }

  open(items, error) {
    this.items = items;
    this.active = -1;
    this.list.replaceChildren(...items.map((it, i) => {
      const li = el('li', { id: `${this.id}-opt-${i}`, role: 'option', 'aria-selected': 'false', 'data-id': it.id },
        el('span', { class: 'name' }, it.name),
        el('span', { class: 'type' }, it.type.toLowerCase()),
        it.aliases && it.aliases.length ? el('span', { class: 'aliases' }, it.aliases.slice(0, 3).join('; ')) : null);
      li.addEventListener('mousedown', (ev) => { ev.preventDefault(); this.choose(i); });
      return li;
    }));
    if (!items.length) this.list.append(el('li', { class: 'empty', role: 'option', 'aria-disabled': 'true' }, error || 'no match'));
    this.list.hidden = false;
    this.input.setAttribute('aria-expanded', 'true');
  }

  highlight(i) {
    this.active = i;
    [...this.list.children].forEach((li, k) => li.setAttribute('aria-selected', String(k === i)));
    const li = this.list.children[i];
    if (li) { this.input.setAttribute('aria-activedescendant', li.id); li.scrollIntoView({ block: 'nearest' }); }
  }

  choose(i) {
    const it = this.items[i];
    if (!it) return;
    this.set(it);
    this.close();
    this.onChoose(it);
  }

  set(it) {
    this.value = it;
    this.input.value = it.name;
  }

  close() {
    this.list.hidden = true;
    this.input.setAttribute('aria-expanded', 'false');
    this.input.removeAttribute('aria-activedescendant');
  }

  focus() {
    this.input.focus();
    this.input.select();
  }
}
