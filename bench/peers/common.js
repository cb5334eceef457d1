// The same CES isoquant chart for every peer page: three isoquants (Y = 1, 2, 3) of
// Y = [α K^ρ + (1−α) L^ρ]^{1/ρ} on an 800×500 chart with a ρ slider, sampled exactly as the
// widget samples them (by the log factor ratio), so every library draws the same points.
const ALPHA = 0.33;
export const LEVELS = [1, 2, 3];
/** The sweep every page's slider covers (the elasticity widget's ρ range). */
export const RHO = { min: -3, max: 0.9, start: -0.5 };

/** ln Y of one unit of labor with ln(K/L) = r: the CES at (e^r, 1). */
function lnUnit(rho, r) {
  if (rho === 0) return ALPHA * r;
  return Math.log(ALPHA * Math.exp(rho * r) + (1 - ALPHA)) / rho;
}

/** Points of the isoquant Y = level inside [0, 6]², as {x: [...], y: [...]}. */
export function isoquant(rho, level) {
  const x = [];
  const y = [];
  for (let i = 0; i <= 600; i++) {
    const r = -12 + (24 * i) / 600;
    const lnL = Math.log(level) - lnUnit(rho, r);
    const L = Math.exp(lnL);
    const K = Math.exp(r + lnL);
    if (K <= 6 && L <= 6) {
      x.push(K);
      y.push(L);
    }
  }
  return { x, y };
}

/** A labelled ρ slider that calls `onInput(rho)` on each input event (what a drag fires). */
export function slider(onInput) {
  const label = document.createElement('label');
  label.textContent = 'ρ ';
  const input = document.createElement('input');
  Object.assign(input, { type: 'range', min: String(RHO.min), max: String(RHO.max), step: '0.001', value: String(RHO.start), id: 'rho' });
  input.addEventListener('input', () => onInput(input.valueAsNumber));
  label.append(input);
  document.body.append(label);
  return input;
}

/**
 * Records the first draw as the reader sees it: ms since navigation start until the frame
 * holding the first drawing has been rendered (its rAF callback, then a message from it).
 */
export function markFirstFrame() {
  if (window.firstDrawCalled !== undefined) return;
  window.firstDrawCalled = performance.now();
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      window.firstFrame = performance.now();
    };
    channel.port2.postMessage(null);
  });
}
