// GrowthWidgets, a reveal.js plugin for decks with <growth-widget> diagrams. It uses only the
// element's public API (attributes/properties, renderNow(), values, growth-input/-change):
//
// - resize: reveal scales the slide (event.scale); the widgets on the shown slide are measured
//   again and redrawn at the new on-screen size, so they stay crisp;
// - print (?print-pdf): every widget is drawn before `pdf-ready` finishes, then the page gets
//   the class `widgets-ready` and a `growth-widgets-ready` event;
// - widgets on slides that are not shown are paused (the `hidden` attribute: no layout, no
//   drawing) and drawn when their slide is shown;
// - speaker view: the notes plugin opens the deck again in two iframes (current and upcoming
//   slide). A change to a widget in any of these windows is sent to the others — by
//   BroadcastChannel where it exists, else by postMessage through the audience window — so
//   what the speaker drags, the audience sees, and the reverse.
//
//   Reveal.initialize({ plugins: [RevealNotes, GrowthWidgets] });

const NS = 'growth-widgets';
const PAUSED = 'data-growth-paused';

/** @returns {{id: string, init(deck: any): void, widgets(): Element[], keyOf(el: Element): string, transport: string | null, scale: number}} */
export default function GrowthWidgets() {
  let deck = null;
  const self = Math.random().toString(36).slice(2);
  /** The last values sent or received per widget key, so an applied change is not echoed back. */
  const known = new Map();
  /** postMessage peers of the audience window (the speaker view's iframes). */
  const peers = new Set();
  let channel = null;
  let upstream = null;

  const plugin = {
    id: 'growth-widgets',
    transport: null,
    scale: 1,
    widgets: () => [...document.querySelectorAll('.reveal .slides growth-widget')],
    /** A widget's name in every window showing the deck: its slide's indices and its place on that slide. */
    keyOf(el) {
      const slide = el.closest('section');
      const { h, v } = deck.getIndices(slide);
      return `${h}/${v ?? 0}/${[...slide.querySelectorAll('growth-widget')].indexOf(el)}`;
    },
    init(revealDeck) {
      deck = revealDeck;
      // Until reveal shows a slide, no widget needs to start.
      if (!printing()) for (const widget of plugin.widgets()) pause(widget);
      deck.on('ready', () => {
        if (printing()) return;
        showSlide(deck.getCurrentSlide());
        connect();
      });
      deck.on('slidechanged', (event) => showSlide(event.currentSlide));
      deck.on('resize', (event) => {
        plugin.scale = event.scale;
        drawOn(deck.getCurrentSlide());
      });
      deck.on('pdf-ready', async () => {
        await Promise.all(
          plugin.widgets().map((w) => {
            unpause(w);
            return w.renderNow();
          }),
        );
        document.documentElement.classList.add('widgets-ready');
        document.dispatchEvent(new CustomEvent('growth-widgets-ready'));
      });
      document.addEventListener('growth-input', onLocalChange);
      document.addEventListener('growth-change', onLocalChange);
    },
  };

  function pause(widget) {
    if (widget.hidden) return;
    widget.setAttribute(PAUSED, '');
    widget.hidden = true;
  }

  function unpause(widget) {
    if (widget.hasAttribute(PAUSED)) {
      widget.removeAttribute(PAUSED);
      widget.hidden = false;
    }
  }

  // reveal 6 names it isPrintView (its typings still say isPrintingPDF, as reveal 4 did).
  const printing = () => (deck.isPrintView ?? deck.isPrintingPDF)?.call(deck) ?? /print-pdf/i.test(location.search);

  const drawOn = (slide) => Promise.all([...(slide?.querySelectorAll('growth-widget') ?? [])].map((w) => w.renderNow()));

  /** Pauses the widgets of every other slide, resumes and draws those of `slide`. */
  function showSlide(slide) {
    if (!slide || printing()) return;
    let changed = false;
    for (const widget of plugin.widgets()) {
      const shown = slide.contains(widget);
      if (shown && widget.hasAttribute(PAUSED)) {
        unpause(widget);
        changed = true;
      } else if (!shown) {
        pause(widget);
      }
    }
    // Centred slides are laid out by their content's height, which the resumed widgets change:
    // once now, and again when they have drawn (a widget builds its controls when it starts).
    if (changed) deck.layout();
    drawOn(slide).then(() => changed && deck.layout());
  }

  // ---- keeping the speaker view and the audience in sync ----

  const same = (a, b) => a && b && Object.keys(b).every((k) => a[k] === b[k]);

  function onLocalChange(event) {
    const widget = event.target;
    if (!(widget instanceof HTMLElement) || !widget.closest('.reveal .slides')) return;
    const values = event.detail?.values ?? widget.values;
    if (!values) return;
    const key = plugin.keyOf(widget);
    if (same(known.get(key), values)) return;
    known.set(key, { ...values });
    send({ ns: NS, type: 'values', from: self, key, values });
  }

  function apply(key, values) {
    known.set(key, { ...values });
    const widget = plugin.widgets().find((w) => plugin.keyOf(w) === key);
    if (!widget) return;
    const current = widget.values ?? {};
    // Properties mirror attributes; setting them fires no growth-input, so nothing is echoed.
    for (const [name, value] of Object.entries(values)) if (current[name] !== value) widget[name] = value;
  }

  function receive(message, source) {
    if (!message || message.ns !== NS || message.from === self) return;
    if (message.type === 'hello') {
      if (source) peers.add(source);
      // A window that just opened learns what has changed so far.
      if (!deck.isSpeakerNotes()) for (const [key, values] of known) send({ ns: NS, type: 'values', from: self, key, values }, source);
      return;
    }
    if (message.type === 'values') {
      apply(message.key, message.values);
      // The audience window relays between the speaker view's iframes (postMessage has no broadcast).
      if (!channel) for (const peer of peers) if (peer !== source) post(peer, message);
    }
  }

  function post(target, message) {
    try {
      target.postMessage(JSON.stringify(message), '*');
    } catch {
      peers.delete(target);
    }
  }

  function send(message, only = null) {
    if (channel) {
      channel.postMessage(message);
      return;
    }
    if (only) post(only, message);
    else if (upstream) post(upstream, message);
    else for (const peer of peers) post(peer, message);
  }

  function connect() {
    if (typeof BroadcastChannel === 'function') {
      channel = new BroadcastChannel(`${NS}:${location.pathname}`);
      channel.onmessage = (event) => receive(event.data, null);
      plugin.transport = 'BroadcastChannel';
    } else {
      plugin.transport = 'postMessage';
      window.addEventListener('message', (event) => {
        if (typeof event.data !== 'string' || !event.data.includes(NS)) return;
        let message;
        try {
          message = JSON.parse(event.data);
        } catch {
          return;
        }
        receive(message, event.source);
      });
      // A speaker-view iframe talks to the audience window, which opened its parent.
      if (deck.isSpeakerNotes()) upstream = window.parent?.opener ?? null;
    }
    if (deck.isSpeakerNotes()) send({ ns: NS, type: 'hello', from: self });
  }

  return plugin;
}
