/** remark plugin: `:::growth-widget{…}` directives (with remark-directive) and ```growth-widget fences become <growth-widget> elements. */
export default function remarkGrowthWidget(options?: { fence?: boolean }): (tree: unknown) => void;
