// React 19 passes props to a custom element as properties when the element has them
// (el.rho = -1) and `ongrowth-change` as a listener for the element's growth-change event.
import { useState } from 'react';

export function App() {
  const [rho, setRho] = useState(-1);
  const [committed, setCommitted] = useState(null);
  return (
    <main>
      <h1>Growth Widgets with React 19</h1>
      <p>
        <button type="button" onClick={() => setRho(-1)}>Gross complements (ρ = −1)</button>{' '}
        <button type="button" onClick={() => setRho(0.5)}>Substitutes (ρ = 0.5)</button>
      </p>
      <growth-widget
        kind="elasticity"
        controls="rho,alpha"
        rho={rho}
        ongrowth-change={(event) => {
          setCommitted(event.detail.values.rho);
          setRho(event.detail.values.rho);
        }}
      ></growth-widget>
      <p id="react-state">React state: ρ = {rho}{committed === null ? '' : ` (last change from the widget: ${committed})`}</p>
    </main>
  );
}
