// Pointer and keyboard on the figure: a drag moves the diagram's point (the engine decides
// what a pointer at a pixel means), arrow keys nudge it, and navigation keys (and whatever is
// typed in a field) stay inside the widget so a slide deck does not turn the page.

const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', ' ']);

/**
 * Wires `canvas` and `figure`. `engine()` is the live widget or null; `onMove(eventName)` after
 * the engine accepted a move; `onCommit()` when a drag ends; `onError(error, source)`.
 */
export function attachPointer(canvas, figure, { engine, onMove, onCommit, onError, onDrag }) {
  let dragging = false;
  const backingPoint = (ev) => {
    const box = canvas.getBoundingClientRect();
    return [((ev.clientX - box.left) * canvas.width) / box.width, ((ev.clientY - box.top) * canvas.height) / box.height];
  };
  const drag = (x, y) => {
    try {
      if (engine()?.pointer(x, y)) onMove('growth-input');
    } catch (error) {
      onError(error, 'pointer');
    }
  };
  canvas.addEventListener('pointerdown', (ev) => {
    const widget = engine();
    if (!widget || ev.button > 0) return;
    const [x, y] = backingPoint(ev);
    if (!widget.hit(x, y)) return;
    ev.preventDefault();
    dragging = true;
    onDrag(true);
    canvas.setPointerCapture?.(ev.pointerId);
    canvas.focus({ preventScroll: true });
    drag(x, y);
  });
  canvas.addEventListener('pointermove', (ev) => {
    if (dragging) drag(...backingPoint(ev));
  });
  const up = (ev) => {
    if (!dragging) return;
    dragging = false;
    onDrag(false);
    canvas.releasePointerCapture?.(ev.pointerId);
    onCommit();
  };
  canvas.addEventListener('pointerup', up);
  canvas.addEventListener('pointercancel', up);
  canvas.addEventListener('keydown', (ev) => {
    const widget = engine();
    if (!widget) return;
    const steps = ev.shiftKey ? 10 : 1;
    const move = { ArrowLeft: [-steps, 0], ArrowRight: [steps, 0], ArrowUp: [0, steps], ArrowDown: [0, -steps] }[ev.key];
    if (!move) return;
    ev.preventDefault();
    try {
      if (widget.nudge(move[0], move[1])) {
        onMove('growth-input');
        onCommit();
      }
    } catch (error) {
      onError(error, 'keyboard');
    }
  });
  // Arrow keys inside the widget move its controls, not the page's slides; every key typed
  // into a number field stays there (a deck sees the widget, not the field, as focused, and
  // would take "." for pause or "f" for full screen).
  figure.addEventListener('keydown', (ev) => {
    if (NAVIGATION_KEYS.has(ev.key) || ev.composedPath()[0].type === 'number') ev.stopPropagation();
  });
}
