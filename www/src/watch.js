// What a connected widget watches: whether it is near the viewport (only then does it start
// and draw), its plot's size and on-screen scale, and the colour scheme.

let dark = null;

/**
 * Watches `plot` (not the host: a host with `display: contents` has no box of its own).
 * `near(on)` when it comes within 300px of the viewport or leaves; `layout(size)` when its size
 * (a ResizeObserver's box) or, with no size, its scale may have changed (reveal.js scales
 * slides on window resize, a transform that resizes nothing); `scheme()` when the colour
 * scheme changes. Returns the function that stops watching.
 */
export function watch(plot, { near, layout, scheme }) {
  const seen = new IntersectionObserver((entries) => near(entries[entries.length - 1].isIntersecting), { rootMargin: '300px 0px' });
  seen.observe(plot);
  const resize = new ResizeObserver((entries) => layout(entries[entries.length - 1]?.contentRect));
  resize.observe(plot);
  const rescaled = () => layout();
  addEventListener('resize', rescaled);
  dark ??= matchMedia('(prefers-color-scheme: dark)');
  dark.addEventListener('change', scheme);
  return () => {
    seen.disconnect();
    resize.disconnect();
    removeEventListener('resize', rescaled);
    dark.removeEventListener('change', scheme);
  };
}
