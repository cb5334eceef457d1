// What a connected widget watches: whether it is near the viewport (only then is it built, and
// does it start and draw), its plot's size and on-screen scale, and the colour scheme.

let dark = null;
let nearby = null;
const callbacks = new Map();

/** How far from the viewport (px, above and below) a widget counts as near. */
const MARGIN = 300;

/** Within MARGIN of the viewport, now (the reserved or the built plot). */
export function near(box) {
  const r = box.getBoundingClientRect();
  return r.bottom > -MARGIN && r.top < innerHeight + MARGIN && r.width > 0;
}

/** Calls `report(on)` when `box` comes within MARGIN of the viewport or leaves (one observer for every widget's box); returns the function that stops. */
export function watchNear(box, report) {
  nearby ??= new IntersectionObserver((entries) => entries.forEach((entry) => callbacks.get(entry.target)?.(entry.isIntersecting)), { rootMargin: `${MARGIN}px 0px` });
  callbacks.set(box, report);
  nearby.observe(box);
  return () => {
    callbacks.delete(box);
    nearby.unobserve(box);
  };
}

/**
 * Watches `plot` (not the host: a host with `display: contents` has no box of its own).
 * `near(on)` when it comes within MARGIN of the viewport or leaves; `layout(size)` when its size
 * (a ResizeObserver's box) or, with no size, its scale may have changed (reveal.js scales
 * slides on window resize, a transform that resizes nothing); `scheme()` when the colour
 * scheme changes. Returns the function that stops watching.
 */
export function watch(plot, { near, layout, scheme }) {
  const unseen = watchNear(plot, near);
  const resize = new ResizeObserver((entries) => layout(entries[entries.length - 1]?.contentRect));
  resize.observe(plot);
  const rescaled = () => layout();
  addEventListener('resize', rescaled);
  dark ??= matchMedia('(prefers-color-scheme: dark)');
  dark.addEventListener('change', scheme);
  return () => {
    unseen();
    resize.disconnect();
    removeEventListener('resize', rescaled);
    dark.removeEventListener('change', scheme);
  };
}
