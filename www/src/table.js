// A diagram's table as a grid of selectable rows: caption, sortable columns, one row per entry.
// Every cell says what it holds (`{text, kind}` from the engine), so nothing here knows a
// column. The table is one tab stop (a roving tabindex over its rows: ↑/↓, Home/End), the
// chosen row is exposed (`aria-selected` in `role="grid"`), and rows are updated in place,
// so focus stays where it was (on a row, or on the sort button just pressed).
import { el, put } from './dom.js';

const CELL_CLASS = { text: '', symbols: 'symbols', mismatch: 'symbols mismatch' };

export class DataTable {
  #wrap;
  #sort = null;
  #key = '';
  #onSelect;
  #data = null;
  #live = true;
  #table = null;
  #caption = null;
  #headers = [];
  #body = null;
  #columns = '';
  #rows = new Map();
  /** The row that holds the table's one tab stop (its id). */
  #stop = null;

  /** `onSelect(option, id)` when a row is chosen. */
  constructor(wrap, onSelect) {
    this.#wrap = wrap;
    this.#onSelect = onSelect;
  }

  /**
   * Shows `data` (or nothing for null). `live` rows can be chosen; `embedded` is the value of
   * the table's `embed` option on the element, which narrows it to one row.
   */
  render(data, { live = true, embedded = null } = {}) {
    if (data && embedded !== null && data.embed) data = { ...data, rows: data.rows.filter((r) => r.id === embedded) };
    const key = data ? `${live}|${JSON.stringify(data)}|${JSON.stringify(this.#sort)}` : '';
    if (key === this.#key) return;
    this.#key = key;
    this.#data = data;
    this.#live = live;
    if (!data) {
      this.#wrap.replaceChildren();
      this.#table = null;
      this.#rows.clear();
      return;
    }
    const columns = JSON.stringify(data.columns);
    if (!this.#table || columns !== this.#columns) this.#build(data, columns);
    put(this.#caption, 'textContent', data.caption);
    this.#updateHead();
    this.#updateRows();
  }

  #build(data, columns) {
    this.#columns = columns;
    this.#rows.clear();
    const table = el('table', { part: 'data-table', role: 'grid' });
    this.#caption = el('caption');
    const head = el('tr');
    this.#headers = data.columns.map((name, index) => {
      const th = el('th', { scope: 'col' });
      const button = el('button', { type: 'button' }, name);
      const arrow = el('span', { 'aria-hidden': 'true' });
      button.append(arrow);
      button.addEventListener('click', () => {
        const sorted = this.#sort?.column === index;
        this.#sort = { column: index, ascending: sorted ? !this.#sort.ascending : true };
        // In place: the button keeps focus, the rows move.
        this.#key = '';
        this.render(this.#data, { live: this.#live });
      });
      th.append(button);
      head.append(th);
      return { th, arrow };
    });
    const thead = el('thead');
    thead.append(head);
    this.#body = el('tbody');
    this.#body.addEventListener('keydown', (ev) => this.#onKey(ev));
    table.append(this.#caption, thead, this.#body);
    this.#table = table;
    this.#wrap.replaceChildren(table);
  }

  #updateHead() {
    this.#headers.forEach(({ th, arrow }, index) => {
      const sorted = this.#sort?.column === index;
      th.setAttribute('aria-sort', sorted ? (this.#sort.ascending ? 'ascending' : 'descending') : 'none');
      put(arrow, 'textContent', sorted ? (this.#sort.ascending ? ' ▲' : ' ▼') : '');
    });
  }

  #updateRows() {
    const rows = this.#sorted(this.#data.rows);
    const root = this.#wrap.getRootNode();
    const focused = root.activeElement;
    const ids = new Set(rows.map((r) => r.id));
    for (const [id, tr] of this.#rows) {
      if (!ids.has(id)) {
        tr.remove();
        this.#rows.delete(id);
      }
    }
    rows.forEach((row, i) => {
      let tr = this.#rows.get(row.id);
      if (!tr) {
        tr = this.#newRow(row.id);
        this.#rows.set(row.id, tr);
      }
      this.#fill(tr, row);
      if (this.#body.children[i] !== tr) this.#body.insertBefore(tr, this.#body.children[i] ?? null);
    });
    if (!this.#stop || !ids.has(this.#stop)) this.#stop = (rows.find((r) => r.selected) ?? rows[0])?.id ?? null;
    for (const [id, tr] of this.#rows) put(tr, 'tabIndex', id === this.#stop ? 0 : -1);
    // A row that moved (sorting) lost focus on the way: give it back.
    if (focused && focused !== root.activeElement && focused.isConnected) focused.focus({ preventScroll: true });
  }

  #newRow(id) {
    const tr = el('tr', { 'data-id': id, part: 'table-row', tabindex: '-1' });
    tr.addEventListener('click', () => {
      this.#moveStop(tr, false);
      this.#choose(id);
    });
    return tr;
  }

  #fill(tr, row) {
    const cells = row.cells;
    if (tr.children.length !== cells.length) tr.replaceChildren(...cells.map(() => el('td')));
    cells.forEach((cell, i) => {
      const td = tr.children[i];
      put(td, 'textContent', cell.text);
      put(td, 'className', CELL_CLASS[cell.kind] ?? 'symbols');
    });
    const selected = String(!!row.selected);
    if (tr.getAttribute('aria-selected') !== selected) tr.setAttribute('aria-selected', selected);
  }

  #choose(id) {
    const row = this.#data?.rows.find((r) => r.id === id);
    if (row && !row.selected && this.#live) this.#onSelect(this.#data.select, id);
  }

  #moveStop(tr, focus = true) {
    this.#stop = tr.dataset.id;
    for (const [id, other] of this.#rows) put(other, 'tabIndex', id === this.#stop ? 0 : -1);
    if (focus) tr.focus();
  }

  #onKey(ev) {
    const tr = ev.target.closest?.('tr');
    if (!tr) return;
    const rows = [...this.#body.children];
    const at = rows.indexOf(tr);
    const target = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: rows.length - 1, PageDown: at + 10, PageUp: at - 10 }[ev.key];
    if (target !== undefined) {
      ev.preventDefault();
      this.#moveStop(rows[Math.max(0, Math.min(rows.length - 1, target))]);
    } else if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      this.#choose(tr.dataset.id);
    }
  }

  #sorted(rows) {
    if (!this.#sort) return rows;
    const { column, ascending } = this.#sort;
    return rows
      .map((row, i) => [row, i])
      .sort((a, b) => a[0].cells[column].text.localeCompare(b[0].cells[column].text) * (ascending ? 1 : -1) || a[1] - b[1])
      .map(([row]) => row);
  }
}
