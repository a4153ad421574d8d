/* modelcards leaderboards: setting filters (shots, split, language...) on benchmark pages.
   Each leaderboard's table has one tbody per setting, carrying its values (data-shots="0",
   "none" when not stated); a chip shows only the settings with its value. The choice lives
   in the page's address (?shots=0), so it survives a reload and can be shared; it is read
   back on load over http(s) and from file:// alike. Loaded with defer from the benchmark
   page itself; a page without leaderboards is left alone. */
(function () {
  "use strict";

  var boards = document.querySelectorAll("section.leaderboard");
  if (!boards.length) return;

  /** The chosen value of each parameter, from the address ("" or absent: all). */
  function chosen() {
    var params = new URLSearchParams(window.location.search);
    var out = {};
    params.forEach(function (value, key) { if (value !== "") out[key] = value; });
    return out;
  }

  function label(board, param, value) {
    var chip = board.querySelector('button.chip[data-param="' + param + '"][data-value="' + cssEscape(value) + '"]');
    var group = board.querySelector('button.chip[data-param="' + param + '"]');
    var name = group ? group.parentNode.querySelector(".lb-filter-label").textContent : param;
    return name.toLowerCase() + " " + (chip ? chip.textContent : value);
  }

  function cssEscape(value) {
    return window.CSS && CSS.escape ? CSS.escape(value) : value.replace(/["\\]/g, "\\$&");
  }

  /** Shows the tbody elements matching every chosen value this board filters on; updates chips and status. */
  function apply(board, state) {
    var table = board.querySelector("table.lb-table");
    if (!table) return;
    var params = {};
    board.querySelectorAll("button.chip").forEach(function (chip) { params[chip.getAttribute("data-param")] = true; });
    var active = Object.keys(state).filter(function (p) {
      // a value no chip offers (an old link) filters nothing rather than hiding every row
      return params[p] && board.querySelector('button.chip[data-param="' + p + '"][data-value="' + cssEscape(state[p]) + '"]');
    });
    var shown = 0, total = 0;
    Array.prototype.forEach.call(table.tBodies, function (tbody) {
      var visible = active.every(function (p) { return tbody.getAttribute("data-" + p) === state[p]; });
      tbody.hidden = !visible;
      total += tbody.rows.length;
      if (visible) shown += tbody.rows.length;
    });
    board.querySelectorAll("button.chip").forEach(function (chip) {
      var p = chip.getAttribute("data-param");
      var on = active.indexOf(p) >= 0 ? (chip.getAttribute("data-value") || "") === state[p] : !chip.getAttribute("data-value");
      chip.setAttribute("aria-pressed", on ? "true" : "false");
    });
    var status = board.querySelector(".lb-status");
    if (status) {
      status.textContent = active.length === 0 ? "Showing all " + total + " rows."
        : "Showing " + shown + " of " + total + " rows: " + active.map(function (p) { return label(board, p, state[p]); }).join(", ") + ".";
    }
  }

  /** Writes the choice into the address without reloading; where the browser refuses, the filter still applies. */
  function remember(state) {
    var params = new URLSearchParams();
    Object.keys(state).sort().forEach(function (p) { params.set(p, state[p]); });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    try {
      window.history.replaceState(null, "", url);
    } catch (e) {
      // a file:// page in a browser that forbids it: the choice is not kept in the address
    }
  }

  // the choice: read from the address once, then kept here (the address follows it where the browser lets it)
  var state = chosen();
  boards.forEach(function (board) {
    var filters = board.querySelector(".lb-filters");
    if (!filters) return;
    filters.hidden = false;
    filters.addEventListener("click", function (event) {
      var chip = event.target.closest("button.chip");
      if (!chip) return;
      var p = chip.getAttribute("data-param");
      var v = chip.getAttribute("data-value") || "";
      if (v === "") delete state[p]; else state[p] = v;
      remember(state);
      boards.forEach(function (b) { apply(b, state); });
    });
  });
  boards.forEach(function (board) { apply(board, state); });
})();
