// Starts reveal.js for the deck with the speaker view (reveal's notes plugin, key S) and the
// GrowthWidgets plugin (www/src/reveal-plugin.js): widgets are drawn when their slide is shown
// and paused when it is not, redrawn crisply when reveal rescales, drawn before printing
// (?print-pdf; the page then gets the class widgets-ready), and kept in sync between the
// audience window and the speaker view.
/* global Reveal, RevealNotes, GrowthWidgets */
Reveal.initialize({ hash: true, width: 960, height: 700, margin: 0.04, center: true, transition: 'none', plugins: [RevealNotes, GrowthWidgets] });
