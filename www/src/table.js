// A diagram's table as a real <table>: caption, sortable columns, one row per entry. Every
// cell says what it holds (`{text, kind}` from the engine), so nothing here knows a column.
import { el } from './dom.js';

export class DataTable {
  #wrap;
  #sort = null;
  #key = '';
  #onSelect;
  #data = null;

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
    if (!data) {
      this.#wrap.replaceChildren();
      return;
    }
    const root = this.#wrap.getRootNode();
    const hadFocus = root.activeElement?.closest?.('tr')?.dataset.id;
    const table = el('table', { part: 'data-table' });
    table.append(el('caption', {}, data.caption), this.#head(data, live));
    const body = el('tbody');
    for (const row of this.#sorted(data.rows)) body.append(this.#row(data, row, live));
    table.append(body);
    this.#wrap.replaceChildren(table);
    if (hadFocus) this.#wrap.querySelector(`tr[data-id="${CSS.escape(hadFocus)}"]`)?.focus({ preventScroll: true });
  }

  #head(data, live) {
    const head = el('tr');
    data.columns.forEach((name, index) => {
      const sorted = this.#sort?.column === index;
      const th = el('th', { scope: 'col', 'aria-sort': sorted ? (this.#sort.ascending ? 'ascending' : 'descending') : 'none' });
      const button = el('button', { type: 'button' }, `${name}${sorted ? (this.#sort.ascending ? ' ▲' : ' ▼') : ''}`);
      button.addEventListener('click', () => {
        this.#sort = { column: index, ascending: sorted ? !this.#sort.ascending : true };
        this.render(this.#data, { live });
      });
      th.append(button);
      head.append(th);
    });
    const thead = el('thead');
    thead.append(head);
    return thead;
  }

  #sorted(rows) {
    if (!this.#sort) return rows;
    const { column, ascending } = this.#sort;
    return rows
      .map((row, i) => [row, i])
      .sort((a, b) => a[0].cells[column].text.localeCompare(b[0].cells[column].text) * (ascending ? 1 : -1) || a[1] - b[1])
      .map(([row]) => row);
  }

  #row(data, row, live) {
    const tr = el('tr', { tabindex: '0', 'aria-selected': String(row.selected), 'data-id': row.id, part: 'table-row' });
    for (const cell of row.cells) tr.append(el('td', cell.kind === 'text' ? {} : { class: cell.kind === 'mismatch' ? 'symbols mismatch' : 'symbols' }, cell.text));
    const choose = () => {
      if (!row.selected && live) this.#onSelect(data.select, row.id);
    };
    tr.addEventListener('click', choose);
    tr.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        ev.preventDefault();
        choose();
      }
    });
    return tr;
  }
}
