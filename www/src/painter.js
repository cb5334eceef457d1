// Drawing one frame: the plot's size and on-screen scale (measured only when layout may have
// changed, never per frame), the page's theme colours (read once, again when the scheme or
// the element's class or style change), and the canvas sized in device pixels.

/** A colour as the computed style writes it (#rgb, #rrggbb, rgb(), rgba()) as 0xRRGGBB; −1 if unreadable. */
function rgbNumber(text) {
  let [r, g, b] = text.match(/[\d.]+/g) ?? [];
  if (text[0] === '#') [r, g, b] = (text.length < 5 ? text.slice(1).replace(/./g, '$&$&') : text.slice(1)).match(/../g)?.map((h) => parseInt(h, 16)) ?? [];
  return [r, g, b].every((c) => c >= 0 && c <= 255) ? (r << 16) | (g << 8) | b : -1;
}

/**
 * The theme's canvas values (`--gw-X`) as the host's computed style has them: the colours as
 * numbers, in the declared order, and the font. Colours are resolved through `probe` (an
 * element with `forced-color-adjust: none`), so a named colour or a system colour (CanvasText
 * under forced-colors) reaches the canvas as rgb().
 */
function readTheme(host, probe, theme) {
  const style = getComputedStyle(host);
  let probed = null;
  const colours = theme.map(({ name, light }) => {
    if (!light.startsWith('#')) return -1;
    const text = style.getPropertyValue(`--gw-${name}`).trim();
    // Hex and rgb() are read as they are; anything else (a name, a system colour) is resolved
    // by the probe, each costing a style recalculation.
    if (/^(#|rgba?\()/.test(text)) return rgbNumber(text);
    // Not a colour at all: the default stays (the probe would inherit some other colour).
    if (!CSS.supports('color', text)) return -1;
    probed ??= getComputedStyle(probe);
    probe.style.color = `var(--gw-${name})`;
    return rgbNumber(probed.color);
  });
  return { colours, font: style.getPropertyValue('--gw-font').trim() };
}

export class Painter {
  #host;
  #plot;
  #canvas;
  #theme;
  #probe;
  #box = null;
  #look = null;

  constructor(host, plot, canvas, probe, theme) {
    this.#host = host;
    this.#probe = probe;
    this.#plot = plot;
    this.#canvas = canvas;
    this.#theme = theme;
  }

  /** The layout may have changed: measure again at the next frame. */
  invalidateLayout() {
    this.#box = null;
  }

  /** The colours may have changed: read them again at the next frame. */
  invalidateTheme() {
    this.#look = null;
  }

  /** True when the plot's new size equals the measured one (a ResizeObserver's first report). */
  sameSize(width, height) {
    const box = this.#box;
    return !!box && Math.abs(width - box.cssWidth) < 0.5 && Math.abs(height - box.cssHeight) < 0.5;
  }

  /** The theme as the engine takes it: `{colours, font}` (read once, again after `invalidateTheme`). */
  get look() {
    return (this.#look ??= readTheme(this.#host, this.#probe, this.#theme));
  }

  get cssSize() {
    return [Math.max(1, this.#plot.clientWidth), Math.max(1, this.#plot.clientHeight)];
  }

  #measure() {
    const plot = this.#plot;
    // Crisp under CSS transforms too (reveal.js scales slides): count the on-screen scale.
    const box = plot.getBoundingClientRect();
    return {
      cssWidth: plot.clientWidth,
      cssHeight: plot.clientHeight,
      transformScale: box.width > 0 && plot.offsetWidth > 0 ? box.width / plot.offsetWidth : 1,
    };
  }

  /** While the engine loads: measure, read the theme and resolve the canvas font once. */
  prepare() {
    this.#box = this.#measure();
    const context = this.#canvas.getContext('2d');
    if (context) {
      context.font = `${12 * (window.devicePixelRatio || 1)}px ${this.look.font || 'sans-serif'}`;
      context.measureText('0.5');
    }
  }

  /** Sizes the canvas and calls `render(canvas, ratio, look)`; false when the plot has no size yet. */
  paint(render) {
    const canvas = this.#canvas;
    this.#box ??= this.#measure();
    const { cssWidth, cssHeight, transformScale } = this.#box;
    if (cssWidth < 1 || cssHeight < 1) {
      this.#box = null;
      return false;
    }
    const ratio = Math.min(4, Math.max(1, (window.devicePixelRatio || 1) * transformScale));
    const width = Math.round(cssWidth * ratio);
    const height = Math.round(cssHeight * ratio);
    if (canvas.width !== width) canvas.width = width;
    if (canvas.height !== height) canvas.height = height;
    render(canvas, width / cssWidth, this.look);
    return true;
  }
}
