// The widget's structure, from what the declarations say (present before the engine loads)
// and then from the engine's layout: title, label, reserved height, actions, presets and
// controls, the readouts' and table's room, and the canvas's role.
import { buildActions } from './actions.js';
import { buildControls, buildPresets, syncControls } from './controls.js';
import { put, renderReadouts } from './dom.js';
import { say } from './errors.js';

const POINT = ['aria-valuemin', 'aria-valuemax', 'aria-valuenow', 'aria-valuetext'];

export class Frame {
  /** The kind's declaration, or null for a missing or unknown kind. */
  spec = null;
  /** Parameter name → its inputs. */
  inputs = new Map();
  #host;

  /**
   * `host`: the element, its shadow root, engine object (`widget()`), boxes (`els`), table,
   * number (`uid`) and declaration (`declared`), and what the controls do: `play()`,
   * `route(name, value)` for a preset, `input(name, value, committed)`, `commit(keyed)`.
   */
  constructor(host) {
    this.#host = host;
  }

  /** Builds the frame for the kind the `kind` attribute names (`specs`: kind → declaration). */
  build(specs) {
    const { element, els: e, table, widget, declared } = this.#host;
    const spec = (this.spec = specs.get(element.getAttribute('kind') ?? '') ?? null);
    e.title.textContent = spec?.title ?? '';
    e.canvas.setAttribute('aria-label', spec?.initial.label ?? say(declared.messages, 'label'));
    // No kind: the stylesheet's height.
    e.plot.style.setProperty('--gw-kind-height', spec ? `${spec.height}px` : '');
    this.actions();
    buildPresets(e.presets, spec?.presets ?? [], (name) => this.#host.route('preset', name));
    this.controls();
    if (!spec || widget()) return;
    // The kind's readouts and table as the build computed them, so the box has its final
    // size; the numbers are held back (they are the defaults', not these attributes') until
    // the engine computes them.
    renderReadouts(e.readouts, spec.initial.readouts, true);
    e.description.textContent = '';
    table.render(spec.initial.table, { live: false, embedded: this.embedded(spec.initial.table) });
  }

  /**
   * The actions: Play for a kind that sweeps a parameter; Copy link for a widget with an id
   * (the link names it) whose `history` the engine did not validate as none.
   */
  actions(history = this.#host.widget()?.layout().history) {
    const { spec } = this;
    const { element, play } = this.#host;
    const actions = {};
    if (spec?.play) actions.play = play;
    if (spec) Object.assign(actions, { png: () => element.downloadPNG(), svg: () => element.downloadSVG(), 'copy-tag': () => element.copyTag() });
    if (spec && element.id && history !== 'none') actions['copy-link'] = () => element.copyLink();
    buildActions(this.#host.els.actions, actions, this.#host.declared.messages);
  }

  /** Controls for the engine's list; before it loads, a hint from the attribute's names. */
  controls() {
    const { element, widget, els, input, commit } = this.#host;
    const params = this.spec?.params ?? [];
    let names;
    if (widget()) names = widget().layout().controls;
    else {
      const list = element.getAttribute('controls');
      const words = list === null ? null : list.toLowerCase().split(/[\s,]+/);
      names = params.map((p) => p.name).filter((n) => !words || words.includes(n.toLowerCase()));
    }
    this.inputs = buildControls(els.controls, params.filter((p) => names.includes(p.name)), this.#host.uid, { onInput: input, onCommit: commit });
    this.sync();
  }

  /** The engine's list of controls: the ones built before it answered are kept when it agrees. */
  controlsFor(shown) {
    if (shown.length !== this.inputs.size || shown.some((name) => !this.inputs.has(name))) this.controls();
    else this.sync();
  }

  /** The controls, buttons and drag point show the engine's values (disabled before it starts). */
  sync() {
    const { widget, els, root } = this.#host;
    const engine = widget();
    syncControls(this.inputs, {
      values: engine ? engine.values() : {},
      texts: engine ? engine.value_texts() : {},
      live: !!engine,
      active: engine ? engine.active_params() : this.spec?.initial.active,
      focused: root.activeElement,
    });
    for (const button of els.figure.querySelectorAll('.presets button, .actions button')) put(button, 'disabled', !engine);
    // The drag point's value as a slider's (the x parameter's range, both values spoken).
    const canvas = els.canvas;
    const point = engine && canvas.getAttribute('role') === 'slider' ? engine.point() : null;
    if (!point) return;
    const set = (name, value) => canvas.getAttribute(name) !== value && canvas.setAttribute(name, value);
    set(POINT[0], String(point.min));
    set(POINT[1], String(point.max));
    set(POINT[2], String(point.now));
    set(POINT[3], point.text);
  }

  /** The canvas as the engine's layout says: a point to move is a control (a two-dimensional slider), not a picture. */
  canvas(layout) {
    const canvas = this.#host.els.canvas;
    canvas.hidden = false;
    canvas.tabIndex = layout.focusable ? 0 : -1;
    // The declarations' label (the wasm carries no title text): the title and how to move the point.
    canvas.setAttribute('aria-label', this.spec?.initial.label || layout.label);
    canvas.setAttribute('role', layout.focusable ? 'slider' : 'img');
    if (layout.focusable) canvas.setAttribute('aria-roledescription', layout.role_description);
    else for (const name of ['aria-roledescription', ...POINT, 'tabindex']) canvas.removeAttribute(name);
  }

  /** The attribute a table embeds (the table's `embed` names it), or null. */
  embedded(table) {
    return table?.embed ? this.#host.element.getAttribute(table.embed) : null;
  }
}
