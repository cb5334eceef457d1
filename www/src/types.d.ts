// The package's type entry (copied to www/dist/types.d.ts by scripts/integrations.mjs): the
// element's generated declarations (growth-widgets.d.ts), plus <growth-widget> declared for
// React 19's JSX/TSX (IntrinsicElements) and Vue 3 templates (GlobalComponents). The props are
// derived from the generated class, so a new parameter needs no change here. Without React or
// Vue installed, the augmentations need skipLibCheck (the default of Vite's templates).
import type { GrowthChangeDetail, GrowthErrorDetail, GrowthWidgetElement } from './growth-widgets.js';
// Vue re-exports DefineComponent from @vue/runtime-core, so it is not in scope inside the augmentation.
import type { DefineComponent } from 'vue';

export * from './growth-widgets.js';

type ReadOnlyKeys = 'values' | 'errors' | 'tag';
type OwnKeys = Exclude<keyof GrowthWidgetElement, keyof HTMLElement | ReadOnlyKeys>;
type SettableKeys = { [K in OwnKeys]: GrowthWidgetElement[K] extends (...args: never[]) => unknown ? never : K }[OwnKeys];

/** What a framework may set on <growth-widget>: every attribute/property (numbers also as strings). */
export type GrowthWidgetProps = {
  [K in SettableKeys]?: NonNullable<GrowthWidgetElement[K]> | (NonNullable<GrowthWidgetElement[K]> extends number ? string : never);
};

/** React 19 listens to custom-element events named by the prop after `on`. */
export interface GrowthWidgetEventProps {
  'ongrowth-input'?: (event: CustomEvent<GrowthChangeDetail>) => void;
  'ongrowth-change'?: (event: CustomEvent<GrowthChangeDetail>) => void;
  'ongrowth-error'?: (event: CustomEvent<GrowthErrorDetail>) => void;
  'ongrowth-render'?: (event: CustomEvent<null>) => void;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'growth-widget': DetailedHTMLProps<HTMLAttributes<GrowthWidgetElement>, GrowthWidgetElement> & GrowthWidgetProps & GrowthWidgetEventProps;
    }
  }
}

declare module 'vue' {
  interface GlobalComponents {
    'growth-widget': DefineComponent<
      GrowthWidgetProps & {
        onGrowthInput?: (event: CustomEvent<GrowthChangeDetail>) => void;
        onGrowthChange?: (event: CustomEvent<GrowthChangeDetail>) => void;
        onGrowthError?: (event: CustomEvent<GrowthErrorDetail>) => void;
      }
    >;
  }
}
