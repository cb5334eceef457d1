// The floor's drawing (floor.html on the main thread, floor-worker.js in a worker): three
// isoquants and axes, stroked with lineTo on unrounded (f64) coordinates straight through a
// Canvas 2D path: no library, no retained scene.
import { LEVELS, isoquant } from './common.js';

const WIDTH = 800;
const HEIGHT = 500;
const PAD = { left: 56, right: 20, top: 20, bottom: 48 };
const COLOURS = ['#1f77b4', '#d62728', '#2ca02c'];
const sx = (k) => PAD.left + (k / 6) * (WIDTH - PAD.left - PAD.right);
const sy = (l) => HEIGHT - PAD.bottom - (l / 6) * (HEIGHT - PAD.top - PAD.bottom);

/** `draw(rho)` for a 2D context whose canvas is 800 × 500 CSS px at `ratio` device pixels each. */
export function isoquantChart(ctx, ratio) {
  function draw(rho) {
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    // Axes, ticks and their labels.
    ctx.strokeStyle = '#444';
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(sx(0), sy(6));
    ctx.lineTo(sx(0), sy(0));
    ctx.lineTo(sx(6), sy(0));
    for (let v = 0; v <= 6; v++) {
      ctx.moveTo(sx(v), sy(0));
      ctx.lineTo(sx(v), sy(0) + 5);
      ctx.moveTo(sx(0), sy(v));
      ctx.lineTo(sx(0) - 5, sy(v));
    }
    ctx.stroke();
    ctx.fillStyle = '#222';
    ctx.font = '12px sans-serif';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    for (let v = 0; v <= 6; v++) ctx.fillText(String(v), sx(v), sy(0) + 8);
    ctx.fillText('Capital K', sx(3), sy(0) + 26);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    for (let v = 0; v <= 6; v++) ctx.fillText(String(v), sx(0) - 8, sy(v));
    ctx.save();
    ctx.translate(16, sy(3));
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.fillText('Labor L', 0, 0);
    ctx.restore();
    // The isoquants.
    ctx.lineWidth = 2;
    LEVELS.forEach((level, i) => {
      const { x, y } = isoquant(rho, level);
      ctx.strokeStyle = COLOURS[i];
      ctx.beginPath();
      for (let j = 0; j < x.length; j++) {
        if (j === 0) ctx.moveTo(sx(x[j]), sy(y[j]));
        else ctx.lineTo(sx(x[j]), sy(y[j]));
      }
      ctx.stroke();
    });
  }
  return draw;
}
