/** Styles of the preview page (not of the artifacts, which bring their own). */
export const PREVIEW_CSS = `
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #f6f7f9; --card: #fff; --muted: #4b5563;
  --rule: #d5d9de; --accent: #0b4f8a; --error: #a4161a; --warning: #8a5300; --ok: #1b6e3a; }
@media (prefers-color-scheme: dark) { :root { --fg: #e8eaed; --bg: #14171b; --card: #1e232a;
  --muted: #b8bfc8; --rule: #3a4048; --accent: #8cc4ff; --error: #ff8a8a; --warning: #f0b35a; --ok: #7fd69b; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
.bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: baseline; padding: 0.6rem 1rem;
  background: var(--card); border-bottom: 1px solid var(--rule); }
.bar h1 { font-size: 1rem; margin: 0; }
.state { margin: 0; font-weight: 600; }
.state.ok { color: var(--ok); } .state.warning { color: var(--warning); } .state.error { color: var(--error); }
.live { position: fixed; right: 0.75rem; top: 0.6rem; margin: 0; font-size: 0.85rem; color: var(--muted); z-index: 1; }
.report { margin: 1rem; padding: 0.75rem 1rem; background: var(--card); border: 2px solid var(--error); border-radius: 6px; }
.report h2 { margin: 0 0 0.5rem; font-size: 1.05rem; color: var(--error); }
.problems { margin: 0; padding-left: 1.25rem; }
.problems li { margin: 0.4rem 0; }
.problems li.warning code { color: var(--warning); }
.snippet { margin: 0.3rem 0 0; padding: 0.4rem 0.6rem; background: var(--bg); overflow-x: auto; font-size: 13px; }
.snippet mark { background: color-mix(in srgb, var(--error) 22%, transparent); color: inherit; }
.stale, .failure { margin: 1rem; font-weight: 600; color: var(--warning); }
.tabs { padding: 0.5rem 1rem 0; }
.tabs p { margin: 0 0 0.4rem; display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: center; }
.tabs a { padding: 0.2rem 0.7rem; border: 1px solid var(--rule); border-radius: 999px; color: var(--accent);
  background: var(--card); text-decoration: none; }
.tabs a[aria-current='true'] { background: var(--accent); color: var(--card); border-color: var(--accent); }
.lang { font-size: 0.8rem; font-weight: 700; text-transform: uppercase; color: var(--muted); min-width: 2rem; }
.missing { margin: 0.25rem 1rem; color: var(--muted); }
.view { padding: 0 1rem 1rem; }
.view h2 { font-size: 1.05rem; margin: 0.75rem 0; }
.cards { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); }
.card { background: var(--card); border: 1px solid var(--rule); border-radius: 6px; padding: 0.5rem 0.75rem 0.75rem; min-width: 0; }
.card h3 { font-size: 0.9rem; margin: 0 0 0.5rem; font-family: ui-monospace, monospace; }
.card h3 a { font-family: system-ui, sans-serif; font-weight: 400; margin-left: 0.5rem; color: var(--accent); }
.card pre { margin: 0; max-height: 75vh; overflow: auto; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px; }
iframe { width: 100%; height: 75vh; border: 1px solid var(--rule); background: #fff; }
.headers { display: grid; grid-template-columns: max-content 1fr; gap: 0.1rem 0.75rem; margin: 0 0 0.5rem; font-size: 13px; }
.headers dt { font-weight: 600; } .headers dd { margin: 0; overflow-wrap: anywhere; }
.mime-type { margin: 0.5rem 0 0.25rem; font: 600 12px ui-monospace, monospace; color: var(--muted); }
.mime-leaf iframe { height: 40vh; } .mime-leaf pre { max-height: 40vh; }
`;
