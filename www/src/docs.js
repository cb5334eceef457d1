// What the element exposes beyond the diagrams' declarations, for the authors' guide and the
// element manifest: its shadow parts and its events. (Attributes, parameters and theme
// properties come from the widgets' declarations, kinds.json and element.json.)

/** Shadow parts, for ::part() styling. */
export const PARTS = [
  ['figure', 'The whole widget box'],
  ['caption', 'Title row with the actions'],
  ['title', 'The figure’s title'],
  ['actions', 'The Play / PNG / SVG / Copy tag buttons'],
  ['action', 'Each action button'],
  ['plot', 'The box that holds the canvas (its height is reserved before loading)'],
  ['canvas', 'The drawing (a role="slider" for the draggable point where there is one)'],
  ['status', 'Loading and failure messages over the plot'],
  ['fallback', 'Slotted fallback content, shown when the engine cannot load'],
  ['errors', 'The list of messages about refused attributes'],
  ['error', 'One message'],
  ['toast', 'The copied tag'],
  ['table', 'The scroll box around a table'],
  ['data-table', 'The table itself'],
  ['table-row', 'One table row'],
  ['readouts', 'The labelled numbers under the figure'],
  ['readout', 'One labelled number'],
  ['presets', 'The preset buttons'],
  ['preset', 'One preset button'],
  ['controls', 'The grid of controls'],
  ['control', 'One control: label, slider and number field'],
  ['slider', 'A range input'],
  ['number', 'A number input'],
  ['unit', 'The unit shown after a number input'],
  ['toggle', 'A checkbox'],
  ['marks', 'Labelled marks under a slider'],
  ['description', 'The visually hidden live description (the figure’s accessible description), announced once a change is committed or pauses'],
];

/** Events the element dispatches (all bubble and cross the shadow boundary). */
export const EVENTS = [
  ['growth-input', '{ kind, values }', 'While a control or the point moves'],
  ['growth-change', '{ kind, values }', 'When a change is committed (slider released, preset, row chosen)'],
  ['growth-error', '{ attribute, value, expected, message }', 'An attribute or value was refused, or the engine failed'],
  ['growth-render', 'null', 'A frame was drawn'],
];
