// A widget's shadow DOM and the parts that work on it, built when the widget first comes near
// the viewport (or is asked for its figure, or the page prints): a page of hundreds of widgets
// builds the few a reader reaches. Until then the shadow root holds the reserved box: a figure
// with the kind's title as its name and the plot's height (and the loading status), as tall as
// a built widget of the same tag once one is measured (measure.js), so a screen reader meets a
// named figure and the page keeps its length as widgets build. A built widget stays built: the reader's state in it
// (focus, a table's scroll, a typed value) is kept, and scrolling back costs nothing.
import { download, Player } from './actions.js';
import { el, skeleton } from './dom.js';
import { Drawing } from './drawing.js';
import { ErrorList, say } from './errors.js';
import { Frame } from './frame.js';
import { reserveBox } from './measure.js';
import { Painter } from './painter.js';
import { attachPointer } from './pointer.js';
import { DataTable } from './table.js';

/**
 * The reserved box for `spec` (the kind's declaration, or null) into `root`, as tall as a built
 * widget with the same layout `key` (measure.js); returns the box to watch and the function that
 * ends the reservation.
 */
export function reserve(root, spec, messages, { key, element, whenReady }) {
  const plot = el('div', { class: 'plot', part: 'plot' });
  plot.style.setProperty('--gw-kind-height', spec ? `${spec.height}px` : '');
  plot.append(el('div', { class: 'status', part: 'status', 'aria-hidden': 'true' }, say(messages, 'loading-diagram')));
  const figure = el('figure', { part: 'figure', 'aria-label': spec?.title ?? say(messages, 'label') });
  // The parts a page may look for are there, empty (no message before the widget starts).
  figure.append(plot, el('div', { class: 'errors', part: 'errors' }));
  root.replaceChildren(figure);
  return [plot, spec ? reserveBox(key, figure, element, whenReady) : () => {}];
}

/**
 * Builds the widget's shadow DOM into `host.root` and the parts that work on it, added to
 * `host` (what drawing.js and frame.js read): `els`, `errors`, `painter`, `table`, `player`,
 * `drawing`, `frame`. `host` brings the element, `widget()`, `uid`, `declared` and the
 * element's handlers: `fail`, `route(name, value)`, `input`, `commit`, `moved()`, `released()`.
 */
export function build(host) {
  const { root, element, declared } = host;
  root.replaceChildren();
  const els = skeleton(root, declared.messages);
  Object.assign(host, {
    els,
    errors: new ErrorList(els, element, declared.messages),
    painter: new Painter(element, els.plot, els.canvas, els.probe, declared.theme),
    table: new DataTable(els.table, host.route),
    player: new Player(() => els.actions.querySelector('[data-action="play"]')),
    play: () => togglePlay(host),
  });
  host.drawing = new Drawing(host);
  host.frame = new Frame(host);
  attachPointer(els.canvas, els.figure, {
    engine: host.widget,
    onMove: host.moved,
    onCommit: host.released,
    onError: host.fail,
    onDrag: (on) => (host.drawing.dragging = on),
  });
  return host;
}

/** Play: sweeps the kind's declared parameter from its value to its maximum (actions.js's Player). */
export function togglePlay(host) {
  const { frame, player, widget, input, released } = host;
  const name = frame.spec?.play;
  const param = frame.spec?.params.find((p) => p.name === name);
  player.toggle(param, widget()?.values()[name], (value) => input(name, value, false), released);
}

/** The figure as an SVG document (string), drawn by plotters' SVG backend, or null before the widget starts. */
export function figureSVG(host) {
  const widget = host.widget();
  if (!widget) return null;
  const { colours, font } = host.painter.look;
  return widget.to_svg(host.els.canvas, ...host.painter.cssSize, colours, font);
}

const fileName = (element, extension) => `growth-widget-${element.getAttribute('kind')}.${extension}`;

/** Downloads the figure as PNG (the canvas at device resolution) or SVG. */
export function downloadFigure(host, type) {
  const { element, root, els } = host;
  if (type === 'svg') {
    const svg = figureSVG(host);
    if (svg) download(root, new Blob([svg], { type: 'image/svg+xml' }), fileName(element, 'svg'));
    return;
  }
  if (!host.widget()) return;
  host.drawing.draw(true);
  els.canvas.toBlob((blob) => blob && download(root, blob, fileName(element, 'png')), 'image/png');
}
