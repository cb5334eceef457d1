// Typesets the page's formulas with the local copy of KaTeX; without scripts the plain-text
// version inside each element stays readable.
for (const node of document.querySelectorAll('[data-tex]')) {
  if (!window.katex) break;
  window.katex.render(node.dataset.tex, node, { displayMode: node.classList.contains('display'), throwOnError: false });
}
