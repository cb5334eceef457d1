// Starts reveal.js for the deck; widgets on a newly shown slide are drawn at once (sized to
// the slide), and when printing (?print-pdf) every widget is drawn before the PDF is made.
/* global Reveal */
const drawAll = (root) => Promise.all([...root.querySelectorAll('growth-widget')].map((w) => w.renderNow()));

Reveal.initialize({ hash: true, width: 960, height: 700, margin: 0.04, center: true, transition: 'none' });
Reveal.on('ready', (event) => drawAll(event.currentSlide));
Reveal.on('slidechanged', (event) => drawAll(event.currentSlide));
Reveal.on('pdf-ready', () => {
  drawAll(document).then(() => document.documentElement.classList.add('widgets-ready'));
});
