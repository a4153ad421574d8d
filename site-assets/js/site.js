/* modelcards browser behaviour: sortable tables, search, theme toggle.
   Loaded with defer, so the DOM is parsed when this runs. Every part first looks
   for its elements, so a page without them works and logs nothing. */
(function () {
  "use strict";

  var THEME_KEY = "modelcards-theme";
  var root = document.body ? document.body.getAttribute("data-root") || "" : "";

  /* ================= Sortable tables ================= */

  // Sort classes in ascending order. MISSING is not reversed by the direction: it always sorts last.
  var NUMBER = 0, FLAG = 1, TEXT = 2, MISSING = 3;
  var NUMERIC_TYPES = ["number", "delta", "spread", "quantity", "composite"];
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });

  /** Reads a cell's typed sort key from the attributes the generator wrote. */
  function cellKey(cell) {
    if (!cell) return { cls: MISSING };
    var type = cell.getAttribute("data-type");
    var raw = cell.getAttribute("data-sort");
    if (type === "missing") return { cls: MISSING };
    // numbers carry data-sort only when their text does not start with the number itself
    if ((raw === null || raw === "") && NUMERIC_TYPES.indexOf(type) >= 0) raw = cell.textContent.trim();
    if (raw !== null && raw !== "") {
      var num = parseFloat(raw);
      if (!isNaN(num)) return { cls: NUMBER, num: num };
    }
    var text = cell.getAttribute("data-sort-text");
    if (text === null) text = cell.textContent.trim();
    if (text === "") return { cls: MISSING };
    // Flags: "1" (check) sorts before "0" (cross) in ascending order.
    if (type === "flag") return { cls: FLAG, num: text === "1" ? 0 : 1 };
    return { cls: TEXT, text: text };
  }

  function compareKeys(a, b, dir) {
    if (a.cls === MISSING || b.cls === MISSING) {
      return (a.cls === MISSING ? 1 : 0) - (b.cls === MISSING ? 1 : 0);
    }
    var c;
    if (a.cls !== b.cls) c = a.cls - b.cls;
    else if (a.cls === TEXT) c = collator.compare(a.text, b.text);
    else c = a.num - b.num;
    return dir * c;
  }

  /** Sorts each tbody on its own (rows never move between tbody elements). dir: 1 or -1. */
  function sortTable(table, col, dir) {
    Array.prototype.forEach.call(table.tBodies, function (tbody) {
      var items = Array.prototype.map.call(tbody.rows, function (row, i) {
        // Remember source order once, so ties stay stable across repeated sorts.
        if (!row.hasAttribute("data-orig-index")) row.setAttribute("data-orig-index", String(i));
        var key = cellKey(row.cells[col]);
        key.row = row;
        key.index = Number(row.getAttribute("data-orig-index"));
        return key;
      });
      items.sort(function (a, b) { return compareKeys(a, b, dir) || a.index - b.index; });
      var frag = document.createDocumentFragment();
      items.forEach(function (item) { frag.appendChild(item.row); });
      tbody.appendChild(frag);
    });
  }

  /** Gives each column header that sorts its button. The generator marks them with aria-sort="none" and leaves
      the button to this script, since only with it does a button do anything. A link of the header (to the
      column's leaderboard) stays after the button: a link may not sit inside one. */
  function addSortButtons(table) {
    table.tHead.querySelectorAll("th[aria-sort]").forEach(function (th) {
      if (th.querySelector("button.sort")) return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      Array.prototype.slice.call(th.childNodes).forEach(function (node) {
        if (!(node.nodeType === 1 && node.matches("a.lb-link"))) button.appendChild(node);
      });
      th.insertBefore(button, th.firstChild);
    });
  }

  function initSortable(table) {
    if (!table.tHead) return;
    addSortButtons(table);
    table.tHead.addEventListener("click", function (event) {
      var button = event.target.closest("button.sort");
      var th = button && button.closest("th");
      if (!th || !table.tHead.contains(th)) return;
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      // under a header of several rows, a th's position in its row is not its column: data-column says it
      var col = th.hasAttribute("data-column") ? Number(th.getAttribute("data-column")) : th.cellIndex;
      sortTable(table, col, dir);
      table.tHead.querySelectorAll("th[aria-sort]").forEach(function (other) {
        other.setAttribute("aria-sort", "none");
      });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      table.classList.add("sorted");
    });
  }

  document.querySelectorAll("table.sortable").forEach(initSortable);

  /* ================= Heading permalinks ================= */

  // A model page's headings from the card get their "#" link here, not in the page: the same link under every
  // heading of 10,000 pages was 7 MB of the site. The Results and Charts headings bring theirs (to their section).
  document.querySelectorAll("article.model > h2[id], article.model > h3[id], article.model > h4[id],"
      + " article.model > h5[id]").forEach(function (h) {
    if (h.querySelector("a.anchor")) return;
    var a = document.createElement("a");
    a.className = "anchor";
    a.href = "#" + h.id;
    a.setAttribute("aria-label", "Link to this section");
    a.textContent = "#";
    h.appendChild(document.createTextNode(" "));
    h.appendChild(a);
  });

  /* ================= Table headers in view, label columns pinned ================= */

  // A table box that scrolls sideways (overflow-x: auto) is the scroll container of its cells in both axes,
  // so a sticky header could only stick inside the box, which never scrolls down: the page does. So, while
  // a table's top is above the viewport and its last row below the header, its thead is moved down by the
  // difference: a transform, which costs no layout. Only tables on screen are looked at
  // (IntersectionObserver), once per frame. The second pinned column starts where the first one ends.
  var wraps = Array.prototype.slice.call(document.querySelectorAll(".table-wrap"));
  var onScreen = [];
  var framed = false;

  function placeHead(wrap) {
    var table = wrap.querySelector("table");
    var head = table && table.tHead;
    if (!head || !head.rows.length) return;
    var top = head.getBoundingClientRect().top - (head.modelcardsShift || 0);   // where it is without the shift
    var room = table.getBoundingClientRect().bottom - top - head.offsetHeight;
    var lastRow = table.rows[table.rows.length - 1];
    if (lastRow && !head.contains(lastRow)) room -= lastRow.offsetHeight;   // never hides the last row
    var shift = Math.max(0, Math.min(-top, room));
    if (shift === (head.modelcardsShift || 0)) return;
    head.modelcardsShift = shift;
    head.style.transform = shift > 0 ? "translateY(" + shift + "px)" : "";
    wrap.classList.toggle("head-stuck", shift > 0);
  }

  function pinColumns(wrap) {
    var table = wrap.querySelector("table");
    var first = table && table.querySelector("tbody .pin-1:not([colspan]), thead .pin-1:not([colspan])");
    if (first && table.querySelector(".pin-2")) table.style.setProperty("--pin-2", first.offsetWidth + "px");
  }

  // (names of their own: this whole file is one function scope, and the search below has an "update")
  function placeHeads() {
    framed = false;
    onScreen.forEach(placeHead);
  }

  function scheduleHeads() {
    if (!framed) {
      framed = true;
      window.requestAnimationFrame(placeHeads);
    }
  }

  if (wraps.length) {
    wraps.forEach(pinColumns);
    if ("IntersectionObserver" in window) {
      var headObserver = new IntersectionObserver(function (entries) {
        entries.forEach(function (entry) {
          var at = onScreen.indexOf(entry.target);
          if (entry.isIntersecting && at < 0) onScreen.push(entry.target);
          if (!entry.isIntersecting && at >= 0) {
            onScreen.splice(at, 1);
            placeHead(entry.target);   // leave it where it belongs
          }
        });
        scheduleHeads();
      });
      wraps.forEach(function (wrap) { headObserver.observe(wrap); });
    } else {
      onScreen = wraps;
    }
    window.addEventListener("scroll", scheduleHeads, { passive: true });
    window.addEventListener("resize", function () {
      wraps.forEach(pinColumns);
      scheduleHeads();
    });
    scheduleHeads();
  }

  /* ================= Search ================= */

  var RESULT_LIMIT = 20;
  var PAGE_LIMIT = 200;
  var index = null;          // { items, title[], summary[], scores } once search-index.js has run
  var indexState = "idle";   // idle | loading | ready | failed
  var waiting = [];

  /**
   * Injects search-index.js once; a script, not fetch(), because fetch fails on file:// pages. A large index names
   * its further files in MODELCARDS_SEARCH_PARTS (search-index-2.js, ...): each is loaded after the one before and
   * its MODELCARDS_SEARCH_PART appended, so the entries keep the site's order.
   */
  function loadIndex(callback) {
    if (indexState === "ready") { callback(); return; }
    waiting.push(callback);
    if (indexState === "loading") return;
    indexState = "loading";
    loadScript("search-index.js", function () {
      var items = Array.isArray(window.MODELCARDS_SEARCH) ? window.MODELCARDS_SEARCH : [];
      var parts = Array.isArray(window.MODELCARDS_SEARCH_PARTS) ? window.MODELCARDS_SEARCH_PARTS.slice() : [];
      loadParts(items, parts);
    });
  }

  function loadScript(path, onload) {
    var script = document.createElement("script");
    script.src = root + path;
    script.async = true;
    script.onload = onload;
    script.onerror = function () {
      indexState = "failed";
      waiting = [];
    };
    document.head.appendChild(script);
  }

  function loadParts(items, parts) {
    if (parts.length === 0) {
      prepareIndex(items);
      indexState = "ready";
      var calls = waiting;
      waiting = [];
      calls.forEach(function (fn) { fn(); });
      return;
    }
    loadScript(String(parts.shift()), function () {
      var part = window.MODELCARDS_SEARCH_PART;
      window.MODELCARDS_SEARCH_PART = undefined;
      if (Array.isArray(part)) for (var i = 0; i < part.length; i++) items.push(part[i]);
      loadParts(items, parts);
    });
  }

  /** Lowercases every field once, so typing only scans strings and allocates the result list. */
  function prepareIndex(items) {
    var n = items.length;
    var title = new Array(n), summary = new Array(n);
    for (var i = 0; i < n; i++) {
      title[i] = String(items[i].t || "").toLowerCase();
      summary[i] = String(items[i].s || "").toLowerCase();
    }
    index = { items: items, title: title, summary: summary, scores: new Float64Array(n) };
  }

  function isWordChar(code) {
    return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || code > 127;
  }

  /** True when q starts a word in t (not at position 0: that is a prefix match). */
  function startsWord(t, q) {
    var at = t.indexOf(q, 1);
    while (at > 0) {
      if (!isWordChar(t.charCodeAt(at - 1))) return true;
      at = t.indexOf(q, at + 1);
    }
    return false;
  }

  /** Returns entry indices matching every term in title or summary, best first. */
  function search(query, limit) {
    var q = query.trim().toLowerCase().replace(/\s+/g, " ");
    if (!q || !index) return [];
    var terms = q.split(" ");
    var titles = index.title, summaries = index.summary, scores = index.scores;
    var hits = [];
    for (var i = 0; i < titles.length; i++) {
      var t = titles[i], allInTitle = true, matched = true;
      for (var j = 0; j < terms.length; j++) {
        if (t.indexOf(terms[j]) === -1) {
          allInTitle = false;
          if (summaries[i].indexOf(terms[j]) === -1) { matched = false; break; }
        }
      }
      if (!matched) continue;
      // Rank: title prefix > word start in title > all terms in title > summary; then shorter title.
      var rank = t.lastIndexOf(q, 0) === 0 ? 0 : startsWord(t, q) ? 1 : allInTitle ? 2 : 3;
      scores[i] = rank * 1e6 + Math.min(t.length, 999999);
      hits.push(i);
    }
    hits.sort(function (a, b) { return scores[a] - scores[b] || a - b; });
    if (hits.length > limit) hits.length = limit;
    return hits;
  }

  function span(className, text) {
    var el = document.createElement("span");
    el.className = className;
    el.textContent = text;
    return el;
  }

  /** Title, kind badge and summary; shared by the dropdown and the search page. */
  function fillResult(parent, entry) {
    parent.appendChild(span("result-title", entry.t || ""));
    if (entry.k) parent.appendChild(span("result-kind", entry.k));
    if (entry.s) parent.appendChild(span("result-summary", entry.s));
  }

  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var form = input && input.form;

  if (input && list && form) {
    var hits = [];
    var active = -1;

    var close = function () {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    };

    var setActive = function (n) {
      var old = list.children[active];
      if (old) old.setAttribute("aria-selected", "false");
      active = n;
      var li = list.children[n];
      if (li && hits.length) {
        li.setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", li.id);
        li.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    };

    var open = function (n) {
      var entry = index && index.items[hits[n]];
      if (entry) window.location.assign(root + entry.u);
    };

    var update = function () {
      if (!index) return;
      var query = input.value;
      if (!query.trim()) { hits = []; close(); return; }
      hits = search(query, RESULT_LIMIT);
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      hits.forEach(function (entryIndex, n) {
        var li = document.createElement("li");
        li.id = "search-result-" + n;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.setAttribute("data-index", String(n));
        fillResult(li, index.items[entryIndex]);
        list.appendChild(li);
      });
      if (!hits.length) {
        var none = document.createElement("li");
        none.className = "search-empty";
        none.setAttribute("role", "option");
        none.setAttribute("aria-disabled", "true");
        none.setAttribute("aria-selected", "false");
        none.textContent = "No matches";
        list.appendChild(none);
      }
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    };

    input.addEventListener("focus", function () { loadIndex(update); });
    input.addEventListener("input", function () { loadIndex(update); });

    input.addEventListener("keydown", function (event) {
      var count = hits.length;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!index) return;
        event.preventDefault();
        if (list.hidden) update();
        if (!count) return;
        var step = event.key === "ArrowDown" ? 1 : -1;
        setActive(active < 0 ? (step === 1 ? 0 : count - 1) : (active + step + count) % count);
      } else if (event.key === "Enter") {
        // Without results (or before the index loads) the form submits to search.html.
        if (count && !list.hidden) {
          event.preventDefault();
          open(active >= 0 ? active : 0);
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      }
    });

    // Keep focus in the input while clicking a result, then navigate.
    list.addEventListener("mousedown", function (event) { event.preventDefault(); });
    list.addEventListener("click", function (event) {
      var li = event.target.closest("li[data-index]");
      if (li) open(Number(li.getAttribute("data-index")));
    });

    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) close();
    });

    // "/" focuses search from anywhere except fields where it is real input.
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      var target = event.target;
      if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      event.preventDefault();
      input.focus();
      input.select();
    });
  }

  /* search.html: show results for ?q= in the page itself. */
  var pageList = document.getElementById("search-page-results");
  if (pageList) {
    var pageQuery = new URLSearchParams(window.location.search).get("q") || "";
    if (input) input.value = pageQuery;
    var status = document.createElement("p");
    status.className = "search-count";
    status.setAttribute("role", "status");
    pageList.parentNode.insertBefore(status, pageList);
    if (!pageQuery.trim()) {
      status.textContent = "Type a model, benchmark or dataset name in the search box.";
    } else {
      status.textContent = "Searching…";
      loadIndex(function () {
        var found = search(pageQuery, PAGE_LIMIT);
        pageList.textContent = "";
        found.forEach(function (entryIndex) {
          var entry = index.items[entryIndex];
          var li = document.createElement("li");
          var a = document.createElement("a");
          a.href = root + entry.u;
          fillResult(a, { t: entry.t });
          li.appendChild(a);
          if (entry.k) li.appendChild(span("result-kind", entry.k));
          if (entry.s) li.appendChild(span("result-summary", entry.s));
          pageList.appendChild(li);
        });
        status.textContent = found.length === 0 ? "No results for “" + pageQuery.trim() + "”."
          : found.length + (found.length === 1 ? " result" : " results") + " for “" + pageQuery.trim() + "”"
            + (found.length === PAGE_LIMIT ? " (first " + PAGE_LIMIT + " shown)." : ".");
      });
    }
  }

  /* ================= Code highlighting ================= */

  // highlight.js (BSD-3-Clause) is loaded with defer before this file, from vendor/highlightjs/ (unpacked from
  // the org.webjars:highlightjs jar at build time). Without it the code stays plain escaped text.
  if (window.hljs) {
    document.querySelectorAll("pre code[class^='language-'], pre code[class*=' language-']").forEach(function (code) {
      var match = /(?:^|\s)language-(\S+)/.exec(code.className);
      // Unknown languages stay plain rather than being guessed (and hljs would warn in the console).
      if (match && window.hljs.getLanguage(match[1])) window.hljs.highlightElement(code);
    });
  }

  /* ================= Theme toggle ================= */

  var toggle = document.getElementById("theme-toggle");
  if (toggle) {
    var html = document.documentElement;
    var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
    var currentTheme = function () {
      var chosen = html.dataset.theme;
      if (chosen === "dark" || chosen === "light") return chosen;
      return media && media.matches ? "dark" : "light";
    };
    var sync = function () { toggle.setAttribute("aria-pressed", String(currentTheme() === "dark")); };
    toggle.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      html.dataset.theme = next;
      var codeDark = document.getElementById("hljs-dark");
      if (codeDark) codeDark.media = next === "dark" ? "all" : "not all";
      try {
        window.localStorage.setItem(THEME_KEY, next);
      } catch (e) {
        // Not persisted (file:// or storage disabled); the choice still applies to this page.
      }
      sync();
    });
    if (media && media.addEventListener) media.addEventListener("change", sync);
    sync();
  }
})();
