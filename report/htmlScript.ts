/**
 * The report page's only script, inlined with a nonce. It is plain ES2017 in a string (not
 * compiled TypeScript turned back into text) so that no bundler helper can leak into it. Outside
 * VS Code it does nothing: the report reads, links and prints without script, as a mail client may
 * block it. In a webview it turns clicks on cells, excerpts and findings into messages for the
 * extension (see `webviewMessages.ts`) and takes updated bodies from it.
 */
export const REPORT_SCRIPT = `(function () {
  'use strict';
  if (typeof acquireVsCodeApi !== 'function') return;
  var vscode = acquireVsCodeApi();
  function num(el, name) { return Number(el.getAttribute('data-' + name)); }
  function scrollToHash(href) {
    if (!href || href.charAt(0) !== '#') return;
    var target = document.getElementById(href.slice(1));
    if (target) target.scrollIntoView({ block: 'start' });
  }

  document.addEventListener('click', function (event) {
    var el = event.target instanceof Element ? event.target.closest('[data-action]') : null;
    if (!el) {
      // Anchors inside the page: scroll here rather than let the webview host treat them as links.
      var a = event.target instanceof Element ? event.target.closest('a[href^="#"]') : null;
      if (a) { event.preventDefault(); scrollToHash(a.getAttribute('href')); }
      return;
    }
    event.preventDefault();
    var action = el.getAttribute('data-action');
    var file = num(el, 'file');
    if (action === 'reveal') {
      vscode.postMessage({ type: 'reveal', file: file, line: num(el, 'line'), column: num(el, 'column'), endLine: num(el, 'end-line'), endColumn: num(el, 'end-column') });
    } else if (action === 'element' || action === 'insertTemplate') {
      scrollToHash(el.getAttribute('href'));
      vscode.postMessage({ type: action, file: file, element: el.getAttribute('data-element') });
    }
  });

  window.addEventListener('message', function (event) {
    var message = event.data;
    if (!message || message.type !== 'update' || typeof message.body !== 'string') return;
    var main = document.getElementById('report');
    // The body comes from the same renderer as the first page, with everything escaped.
    if (main) main.innerHTML = message.body;
  });

  // Keep the reader's place when VS Code reloads a hidden view.
  var state = vscode.getState() || {};
  if (typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  var pending = 0;
  window.addEventListener('scroll', function () {
    if (pending) return;
    pending = setTimeout(function () { pending = 0; vscode.setState({ scrollY: window.scrollY }); }, 200);
  });
})();`;
