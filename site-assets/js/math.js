/* modelcards math: typesets the page's formulas with KaTeX (MIT, vendor/katex/, unpacked from the
   org.webjars.npm:katex jar at build time). Only pages with math load this file and KaTeX.
   The page holds each formula as its TeX source, delimiters included, in <code class="math math-inline">
   or <pre class="math math-display">: without JavaScript, or when KaTeX cannot read a formula, that
   source stays as it is. katex.render builds DOM nodes (no HTML strings, no inline style attributes
   in markup), so the page's Content-Security-Policy (style-src 'self') holds. */
(function () {
  "use strict";
  if (!window.katex) return;

  // The delimiters the generator recognises, as written in the card: $$…$$, \\[…\\], \\(…\\), $…$.
  var DELIMITERS = [["$$", "$$"], ["\\\\[", "\\\\]"], ["\\\\(", "\\\\)"], ["$", "$"]];

  function tex(source) {
    var s = source.trim();
    for (var i = 0; i < DELIMITERS.length; i++) {
      var open = DELIMITERS[i][0], close = DELIMITERS[i][1];
      if (s.length >= open.length + close.length && s.indexOf(open) === 0
          && s.lastIndexOf(close) === s.length - close.length) {
        return s.substring(open.length, s.length - close.length);
      }
    }
    return s;
  }

  var formulas = document.querySelectorAll("code.math, pre.math");
  for (var i = 0; i < formulas.length; i++) {
    var source = formulas[i];
    var display = source.classList.contains("math-display");
    var out = document.createElement(display ? "div" : "span");
    out.className = display ? "math-typeset math-typeset-display" : "math-typeset";
    try {
      // trust: false (KaTeX's default, said here): no \href, \url, \includegraphics or \htmlId from a card;
      // maxSize and maxExpand bound what a formula may cost; strict "ignore" keeps the console quiet
      window.katex.render(tex(source.textContent), out, { displayMode: display, throwOnError: true, trust: false,
        maxSize: 100, maxExpand: 1000, strict: "ignore" });
    } catch (e) {
      continue; // not TeX that KaTeX knows: the source stays readable
    }
    out.setAttribute("title", source.textContent.trim());
    source.replaceWith(out);
  }
})();
