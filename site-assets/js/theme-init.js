/* Runs synchronously in <head>, before first paint, so a stored theme never flashes the other one. */
(function () {
  "use strict";
  try {
    var theme = window.localStorage.getItem("modelcards-theme");
    if (theme === "dark" || theme === "light") {
      document.documentElement.dataset.theme = theme;
      // The highlight.js dark style follows prefers-color-scheme through its media attribute; an
      // explicit choice overrides it (site.js does the same when the toggle is pressed).
      var dark = document.getElementById("hljs-dark");
      if (dark) dark.media = theme === "dark" ? "all" : "not all";
    }
  } catch (e) {
    // localStorage can throw (file:// pages, privacy modes): fall back to prefers-color-scheme.
  }
})();
