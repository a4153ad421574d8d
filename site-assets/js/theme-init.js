/* Runs synchronously in <head>, before first paint, so a stored theme never flashes the other one. */
(function () {
  "use strict";
  try {
    var theme = window.localStorage.getItem("modelcards-theme");
    if (theme === "dark" || theme === "light") {
      document.documentElement.dataset.theme = theme;
    }
  } catch (e) {
    // localStorage can throw (file:// pages, privacy modes): fall back to prefers-color-scheme.
  }
})();
