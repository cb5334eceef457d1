// The same CES isoquant chart for every peer library: three isoquants (Y = 1, 2, 3) of
// Y = [α K^ρ + (1−α) L^ρ]^{1/ρ} on an 800×500 chart with a ρ slider, sampled exactly as the
// widget samples them (by the log factor ratio), so every library draws the same points.
const ALPHA = 0.33;
export const LEVELS = [1, 2, 3];

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

/** A labelled ρ slider that calls `onInput(rho)`. */
export function slider(onInput) {
  const label = document.createElement('label');
  label.textContent = 'ρ ';
  const input = document.createElement('input');
  Object.assign(input, { type: 'range', min: '-5', max: '1', step: '0.01', value: '-0.5', id: 'rho' });
  input.addEventListener('input', () => onInput(input.valueAsNumber));
  label.append(input);
  document.body.append(label);
  return input;
}

/** Records the first drawn frame (ms since navigation start). */
export function markFirstFrame() {
  if (window.firstFrame === undefined) window.firstFrame = performance.now();
}
