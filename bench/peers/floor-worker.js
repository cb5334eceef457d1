// The floor's drawing (floor-draw.js, the same calls as floor.html), run in a worker on the
// canvas the floor-worker page transferred to it (OffscreenCanvas).
import { isoquantChart } from './floor-draw.js';

let draw = null;
// The first message brings the canvas; every message a ρ to draw. The reply marks a drawing done.
onmessage = ({ data }) => {
  if (data.canvas) draw = isoquantChart(data.canvas.getContext('2d'), data.ratio);
  draw(data.rho);
  postMessage(null);
};
