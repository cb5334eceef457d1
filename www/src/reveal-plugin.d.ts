// Types for growth-widgets/reveal (www/src/reveal-plugin.js).
export interface GrowthWidgetsPlugin {
  id: 'growth-widgets';
  init(deck: unknown): void;
  /** Every <growth-widget> in the deck's slides. */
  widgets(): HTMLElement[];
  /** A widget's name shared by the audience window and the speaker view: `h/v/index`. */
  keyOf(el: HTMLElement): string;
  /** How the windows talk: 'BroadcastChannel' or 'postMessage' (null before reveal is ready). */
  readonly transport: 'BroadcastChannel' | 'postMessage' | null;
  /** reveal's scale at the last resize. */
  readonly scale: number;
}
/** `Reveal.initialize({ plugins: [RevealNotes, GrowthWidgets] })`. */
declare function GrowthWidgets(): GrowthWidgetsPlugin;
export default GrowthWidgets;
