// modelcards serve: reloads the page when the site is rebuilt and shows build errors over it.
// Served at /__modelcards/reload.js and injected by `serve` only; never part of the built site.
(function () {
  'use strict';
  var BASE = '/__modelcards/';
  var OVERLAY_ID = 'modelcards-error-overlay';

  function removeOverlay() {
    var old = document.getElementById(OVERLAY_ID);
    if (old) old.remove();
  }

  function showOverlay(errors) {
    removeOverlay();
    var box = document.createElement('div');
    box.id = OVERLAY_ID;
    box.setAttribute('role', 'alert');
    // element.style (CSSOM) is allowed by the site's style-src 'self'; a style attribute would not be
    Object.assign(box.style, {
      position: 'fixed', left: '0', right: '0', bottom: '0', maxHeight: '60vh', overflow: 'auto',
      zIndex: '2147483647', margin: '0', padding: '1em 1.25em', background: '#1e1e1e', color: '#f5f5f5',
      borderTop: '4px solid #e5484d', font: '14px/1.45 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      boxShadow: '0 -4px 16px rgba(0,0,0,.4)'
    });
    var title = document.createElement('strong');
    title.textContent = 'Build failed: the last good version of the site is shown. Fix the content and save.';
    title.style.color = '#ff8a8d';
    var close = document.createElement('button');
    close.type = 'button';
    close.textContent = 'Hide';
    close.style.float = 'right';
    close.addEventListener('click', removeOverlay);
    var list = document.createElement('pre');
    list.style.whiteSpace = 'pre-wrap';
    list.style.margin = '.75em 0 0';
    list.textContent = errors.map(function (e) { return e.text; }).join('\n');
    box.appendChild(close);
    box.appendChild(title);
    box.appendChild(list);
    document.body.appendChild(box);
  }

  function refreshErrors() {
    fetch(BASE + 'errors', { cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        if (data.ok) removeOverlay();
        else showOverlay(data.errors);
      })
      .catch(function () { /* the server is restarting; the event stream reconnects */ });
  }

  var events = new EventSource(BASE + 'events');
  events.addEventListener('reload', function () { location.reload(); });
  events.addEventListener('errors', refreshErrors);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', refreshErrors);
  else refreshErrors();
})();
