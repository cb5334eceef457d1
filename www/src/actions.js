// The figure's actions: Play (for kinds that declare a parameter to sweep), PNG, SVG and
// Copy tag / Copy link, and the download and clipboard plumbing behind them.
import { el } from './dom.js';
import { say } from './errors.js';

/**
 * Buttons into `box`; `handlers` maps an action name to its click handler (Play only if
 * present). Each button's visible text is the declared message of its name, its accessible
 * name (beginning with the visible text, WCAG 2.5.3) the message `name-name`; Play keeps one
 * name, its state in aria-pressed and its glyph.
 */
export function buildActions(box, handlers, messages) {
  box.replaceChildren(
    ...Object.entries(handlers).map(([name, action]) => {
      const label = say(messages, name);
      const button = el('button', { type: 'button', part: `action ${name}-button`, 'data-action': name });
      if (name === 'play') {
        button.append(el('span', { class: 'glyph', 'aria-hidden': 'true' }, '▶'), ` ${label}`);
        button.setAttribute('aria-pressed', 'false');
      } else {
        button.textContent = label;
        button.setAttribute('aria-label', say(messages, `${name}-name`));
      }
      button.disabled = true;
      button.addEventListener('click', action);
      return button;
    }),
  );
}

/** Puts `text` on the clipboard and says so in `toast` (or shows it to copy by hand); `what` names the messages (`copied-what`, `manual-what`). */
export async function copy(toast, text, messages, what) {
  const show = (key) => toast.replaceChildren(say(messages, `${key}-${what}`), el('code', {}, text));
  try {
    await navigator.clipboard.writeText(text);
    show('copied');
  } catch {
    show('manual');
  }
}

/** Saves `blob` as a file named after the kind. */
export function download(root, blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name });
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

/**
 * Sweeps one declared parameter from its value to its maximum in about eight seconds (at once
 * under prefers-reduced-motion). `set(value, eventName)` moves it; `commit()` at the end.
 */
export class Player {
  #frame = 0;
  #button = () => null;
  playing = false;

  constructor(button) {
    this.#button = button;
  }

  toggle(param, current, set, commit) {
    if (this.playing) return this.stop();
    if (!param) return;
    let value = current >= param.max ? param.min : current;
    if (matchMedia('(prefers-reduced-motion: reduce)').matches) {
      set(param.max);
      commit();
      return;
    }
    this.playing = true;
    this.#label(true);
    const perSecond = (param.max - param.min) / 8;
    let last = performance.now();
    const tick = (now) => {
      if (!this.playing) return;
      value = Math.min(param.max, value + ((now - last) / 1000) * perSecond);
      last = now;
      set(Math.round(value / param.step) * param.step);
      if (value >= param.max) {
        this.stop();
        commit();
        return;
      }
      this.#frame = requestAnimationFrame(tick);
    };
    this.#frame = requestAnimationFrame(tick);
  }

  stop() {
    this.playing = false;
    cancelAnimationFrame(this.#frame);
    this.#label(false);
  }

  /** Pressed while playing: the glyph shows pause, the name stays "Play". */
  #label(pressed) {
    const button = this.#button();
    if (!button) return;
    button.setAttribute('aria-pressed', String(pressed));
    const glyph = button.querySelector('.glyph');
    if (glyph) glyph.textContent = pressed ? '❚❚' : '▶';
  }
}
