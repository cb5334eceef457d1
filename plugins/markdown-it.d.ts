import type MarkdownIt from 'markdown-it';

export interface GrowthWidgetPluginOptions {
  /** The directive's fence character (default `:`, i.e. `::: growth-widget …`). */
  marker?: string;
  /** Also turn ```growth-widget fenced blocks into the tag (default true). */
  fence?: boolean;
}

/** `md.use(growthWidget)`: `::: growth-widget kind=elasticity rho=-1` → `<growth-widget kind="elasticity" rho="-1">`. */
export default function growthWidget(md: MarkdownIt, options?: GrowthWidgetPluginOptions): void;
/** Parses `kind=elasticity rho="-1"` into name/value pairs (names that are not attribute names are dropped). */
export function parseAttributes(text: string): [string, string][];
/** The opening tag for parsed attributes, values HTML-escaped. */
export function openTag(attributes: [string, string][]): string;
