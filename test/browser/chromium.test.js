// Every test that needs Chromium, in one file so that one Chromium serves them all (a launch
// costs seconds of CPU): the rendered pages (axe, Nu Html Checker, structure), the hostile corpus
// in a live page, and the open preview page. Run one part with --test-name-pattern.
import './pages.js';
import './injection.js';
import './preview.js';
