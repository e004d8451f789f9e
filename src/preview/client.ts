/**
 * The preview page's script, served as preview.js below the page's secret prefix (every URL it
 * uses is relative to the page): shows one view at a time (chosen by the URL
 * hash), loading its frames when it is first shown, and swaps in the new page when the server announces a new version over server-sent events.
 */
export const PREVIEW_CLIENT = String.raw`
(() => {
  const live = document.getElementById('live');
  function select() {
    const views = [...document.querySelectorAll('.view')];
    const key = decodeURIComponent(location.hash.slice(1));
    const shown = views.find((v) => v.dataset.key === key) || views[0];
    for (const v of views) v.hidden = v !== shown;
    // Its frames load once shown (page.ts): the hidden views' documents are not made.
    if (shown)
      for (const frame of shown.querySelectorAll('iframe[data-srcdoc]')) {
        frame.srcdoc = frame.dataset.srcdoc;
        frame.removeAttribute('data-srcdoc');
      }
    for (const a of document.querySelectorAll('.tabs a'))
      a.setAttribute('aria-current', String(Boolean(shown) && a.dataset.key === shown.dataset.key));
  }
  async function refresh(version) {
    const app = document.getElementById('app');
    if (app && app.dataset.version === version) return;
    const response = await fetch(location.pathname, { cache: 'no-store' });
    const next = new DOMParser().parseFromString(await response.text(), 'text/html');
    const fresh = next.getElementById('app');
    if (!fresh) return;
    document.getElementById('app').replaceWith(document.adoptNode(fresh));
    document.title = next.title;
    select();
    window.dispatchEvent(new CustomEvent('faq-preview-updated', { detail: fresh.dataset.version }));
  }
  window.addEventListener('hashchange', () => {
    select();
    // Stay at the tabs instead of jumping to the section's anchor.
    const tabs = document.querySelector('.tabs');
    if (tabs) tabs.scrollIntoView({ block: 'start' });
  });
  select();
  const events = new EventSource('events');
  events.addEventListener('version', (e) => {
    live.textContent = 'live';
    refresh(e.data).catch((error) => { live.textContent = 'update failed: ' + error.message; });
  });
  events.addEventListener('error', () => { live.textContent = 'disconnected \u2013 retrying\u2026'; });
})();
`;
