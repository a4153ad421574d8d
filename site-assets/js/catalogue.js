/* modelcards catalogue: filters, sorts and pages the catalogue in the browser.
   Progressive enhancement: the static pages (index.html, page/2/index.html…) list every model with a pager,
   and the filter form stays hidden without this script. On the first page, the form filters in place from
   catalogue-data.js, loaded as a script (fetch() fails on file:// pages) only once a filter, a sort or a page
   of a filtered list is asked for. The state lives in the address (?task=…&license=…&org=…&size=…&sort=size&page=2),
   so a filtered list can be shared. On the other pages, the form leads to the first page with its state.
   Everything from the data file is put in the page as text, never as markup. */
(function () {
  "use strict";

  var form = document.getElementById("catalogue-filters");
  var list = document.getElementById("catalogue-cards");
  var status = document.getElementById("catalogue-status");
  if (!form || !list || !status) return;

  var KEYS = ["task", "license", "org", "size", "sort"];
  var SORTS = ["name", "size", "size-asc", "results"];
  var UNKNOWN = "unknown";
  var root = document.body.getAttribute("data-root") || "";
  var live = form.getAttribute("data-live") === "true";

  form.hidden = false;

  /** The state the form shows; page 1. */
  function readForm() {
    var state = { page: 1 };
    KEYS.forEach(function (key) {
      var field = form.elements[key];
      state[key] = field ? String(field.value).trim() : "";
    });
    if (SORTS.indexOf(state.sort) < 0) state.sort = "name";
    return state;
  }

  /** The state in the address; what it does not say is the default. */
  function readAddress() {
    var params = new URLSearchParams(location.search);
    var state = {};
    KEYS.forEach(function (key) { state[key] = (params.get(key) || "").trim(); });
    if (SORTS.indexOf(state.sort) < 0) state.sort = "name";
    var page = parseInt(params.get("page") || "1", 10);
    state.page = page >= 1 ? page : 1;
    return state;
  }

  /** "?task=…&sort=size", defaults left out; "" for the default state. */
  function queryOf(state) {
    var parts = [];
    KEYS.forEach(function (key) {
      var value = state[key];
      if (value && !(key === "sort" && value === "name")) parts.push(key + "=" + encodeURIComponent(value));
    });
    if (state.page > 1) parts.push("page=" + state.page);
    return parts.length ? "?" + parts.join("&") : "";
  }

  function isDefault(state) {
    return queryOf(state) === "";
  }

  /** Shows a state in the form; a value the list does not offer (from a shared address) is added to it. */
  function showInForm(state) {
    KEYS.forEach(function (key) {
      var field = form.elements[key];
      if (!field) return;
      if (field.tagName === "SELECT" && state[key] && !hasOption(field, state[key])) {
        var option = document.createElement("option");
        option.value = state[key];
        option.textContent = state[key];
        field.appendChild(option);
      }
      field.value = state[key];
    });
  }

  function hasOption(select, value) {
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) return true;
    return false;
  }

  if (!live) {
    // pages 2, 3…: filtering happens on the first page
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      location.href = form.getAttribute("action") + queryOf(readForm());
    });
    return;
  }

  var applyButton = form.querySelector("button.apply");
  if (applyButton) applyButton.hidden = true; // changes apply at once here
  var pageSize = parseInt(form.getAttribute("data-page-size"), 10) || 100;
  var staticTotal = status.querySelector(".total") ? status.querySelector(".total").textContent : "";
  var data = null;          // prepared catalogue once catalogue-data.js has run
  var loadState = "idle";   // idle | loading | ready | failed
  var waiting = [];
  var current = readAddress();

  /* ================= Data ================= */

  function withData(callback) {
    if (loadState === "ready") { callback(); return; }
    if (loadState === "failed") return;
    waiting.push(callback);
    if (loadState === "loading") return;
    loadState = "loading";
    list.setAttribute("aria-busy", "true");
    var script = document.createElement("script");
    script.src = form.getAttribute("data-src");
    script.async = true;
    script.onload = function () {
      var raw = window.MODELCARDS_CATALOGUE;
      if (!raw || !Array.isArray(raw.models)) { failed(); return; }
      var folder = script.getAttribute("src").replace(/[^\/]*$/, "");
      loadParts(raw, folder, Array.isArray(raw.parts) ? raw.parts.slice() : [], function () {
        list.removeAttribute("aria-busy");
        data = prepare(raw);
        loadState = "ready";
        fillOrganisations();
        var calls = waiting;
        waiting = [];
        calls.forEach(function (fn) { fn(); });
      });
    };
    script.onerror = failed;
    document.head.appendChild(script);
  }

  /*
   * A large catalogue's data is in several files (CatalogueData.files): catalogue-data.js names the others in
   * "parts" (paths from the site root, which is its folder); each is loaded after the one before and its
   * MODELCARDS_CATALOGUE_PART appended, so the records keep the catalogue's order. A file missing fails the whole.
   */
  function loadParts(raw, folder, parts, done) {
    if (parts.length === 0) { done(); return; }
    var script = document.createElement("script");
    script.src = folder + String(parts.shift());
    script.async = true;
    script.onload = function () {
      var part = window.MODELCARDS_CATALOGUE_PART;
      window.MODELCARDS_CATALOGUE_PART = undefined;
      if (!Array.isArray(part)) { failed(); return; }
      for (var i = 0; i < part.length; i++) raw.models.push(part[i]);
      loadParts(raw, folder, parts, done);
    };
    script.onerror = failed;
    document.head.appendChild(script);
  }

  function failed() {
    loadState = "failed";
    waiting = [];
    list.removeAttribute("aria-busy");
    status.textContent = "The catalogue's data file could not be loaded; the pages below list every model.";
  }

  /** Columns of the records, sort keys computed once: filtering then only compares numbers. */
  function prepare(raw) {
    var field = {};
    raw.fields.forEach(function (name, i) { field[name] = i; });
    var n = raw.models.length;
    var d = {
      raw: raw, n: n, field: field,
      task: new Int32Array(n), license: new Int32Array(n), org: new Int32Array(n), results: new Int32Array(n),
      smallest: new Float64Array(n), largest: new Float64Array(n), params: new Array(n),
      orgsLower: raw.orgs.map(function (o) { return String(o).toLowerCase(); })
    };
    for (var i = 0; i < n; i++) {
      var m = raw.models[i];
      d.task[i] = m[field.task];
      d.license[i] = m[field.license];
      d.org[i] = m[field.org];
      d.results[i] = m[field.results];
      var p = m[field.parameters] || [];
      d.params[i] = p;
      d.smallest[i] = p.length ? p[0] : NaN;
      d.largest[i] = p.length ? p[p.length - 1] : NaN;
    }
    return d;
  }

  /** The organisations as suggestions of the organisation field. */
  function fillOrganisations() {
    var datalist = document.getElementById(form.elements.org ? form.elements.org.getAttribute("list") : "");
    if (!datalist || datalist.options.length) return;
    var fragment = document.createDocumentFragment();
    data.raw.orgs.forEach(function (org) {
      if (!org) return;
      var option = document.createElement("option");
      option.value = org;
      fragment.appendChild(option);
    });
    datalist.appendChild(fragment);
  }

  /* ================= Filter and sort ================= */

  /** The dictionary index a select's value stands for: -1 any, 0 unknown, -2 a value no model has. */
  function facetIndex(dictionary, value) {
    if (!value) return -1;
    if (value === UNKNOWN) return 0;
    var at = dictionary.indexOf(value);
    return at > 0 ? at : -2;
  }

  /** The indices of the models matching the state, in the state's order. */
  function select(state) {
    var d = data, raw = d.raw;
    var task = facetIndex(raw.tasks, state.task);
    var license = facetIndex(raw.licenses, state.license);
    var orgOk = null;
    if (state.org) {
      var q = state.org.toLowerCase();
      orgOk = d.orgsLower.map(function (o, i) {
        return q === UNKNOWN ? i === 0 : i > 0 && o.indexOf(q) >= 0;
      });
    }
    var range = null, unknownSize = false;
    if (state.size === UNKNOWN) unknownSize = true;
    else if (state.size) {
      raw.sizes.forEach(function (r) { if (r[0] === state.size) range = r; });
      if (!range) range = [state.size, "", Infinity, Infinity]; // a range this catalogue does not know
    }
    var out = [];
    for (var i = 0; i < d.n; i++) {
      if (task !== -1 && d.task[i] !== task) continue;
      if (license !== -1 && d.license[i] !== license) continue;
      if (orgOk && !orgOk[d.org[i]]) continue;
      if (unknownSize && d.params[i].length) continue;
      if (range && !inRange(d.params[i], range)) continue;
      out.push(i);
    }
    if (state.sort === "size") sortBy(out, d.largest, -1);
    else if (state.sort === "size-asc") sortBy(out, d.smallest, 1);
    else if (state.sort === "results") sortBy(out, d.results, -1);
    return out; // indices ascend: that is name order
  }

  /** True when one of the variants' sizes lies in the range [min, max) (max null: no upper end). */
  function inRange(params, range) {
    var min = range[2], max = range[3] === null ? Infinity : range[3];
    for (var j = 0; j < params.length; j++) if (params[j] >= min && params[j] < max) return true;
    return false;
  }

  /** Sorts indices by key (dir 1 ascending, -1 descending); missing keys (NaN) last; ties in name order. */
  function sortBy(indices, key, dir) {
    indices.sort(function (a, b) {
      var x = key[a], y = key[b];
      var xm = x !== x, ym = y !== y;
      if (xm || ym) return xm === ym ? a - b : (xm ? 1 : -1);
      return (x - y) * dir || a - b;
    });
  }

  /* ================= Render ================= */

  function text(tag, className, value) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    el.textContent = value;
    return el;
  }

  function plural(n, word) {
    return n + " " + word + (n === 1 ? "" : "s");
  }

  /** The slug of a name the data file leaves out (CatalogueData.plainSlug): ASCII only, so case mapping agrees. */
  function plainSlug(name) {
    return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  /** A parameter count in billions as the data file means it when it leaves the sizes out (CatalogueData.sizesText). */
  function sizeText(billions) {
    return billions >= 1 ? String(billions) + "B" : String(Math.round(billions * 1000)) + "M";
  }

  /** A card as templates/pages/index.html writes it. */
  function card(i) {
    var raw = data.raw, f = data.field, m = raw.models[i];
    var li = document.createElement("li");
    li.className = "card";
    var h2 = document.createElement("h2");
    var a = text("a", "", m[f.name]);
    a.href = root + raw.href[0] + (m[f.slug] || plainSlug(m[f.name])) + raw.href[1];
    h2.appendChild(a);
    li.appendChild(h2);
    li.appendChild(text("p", "summary", m[f.summary]));
    var sizesText = m[f.sizes] === 0 ? m[f.parameters].map(sizeText).join(", ") : m[f.sizes];
    if (sizesText) {
      var sizes = document.createElement("p");
      sizes.className = "sizes";
      sizes.appendChild(text("span", "label", "Sizes:"));
      sizes.appendChild(document.createTextNode(" "));
      sizes.appendChild(text("span", "", sizesText));
      li.appendChild(sizes);
    }
    var facets = [["Task", raw.tasks[m[f.task]]], ["License", raw.licenses[m[f.license]]],
      ["Organisation", raw.orgs[m[f.org]]]].filter(function (x) { return x[1]; });
    if (facets.length) {
      var tags = document.createElement("ul");
      tags.className = "tags";
      facets.forEach(function (x) {
        var item = document.createElement("li");
        item.appendChild(text("span", "visually-hidden", x[0] + ": "));
        item.appendChild(text("span", "", x[1]));
        tags.appendChild(item);
      });
      li.appendChild(tags);
    }
    // the counts that are not zero, as the page's template writes them (Views.CardCounts)
    var stats = [[f.results, "result"], [f.tables, "table"], [f.benchmarks, "benchmark"], [f.checkpoints, "checkpoint"],
      [f.links, "link"]].filter(function (x) { return m[x[0]] > 0; })
      .map(function (x) { return plural(m[x[0]], x[1]); }).join(" · ");
    if (stats) li.appendChild(text("p", "stats", stats));
    return li;
  }

  function render(state) {
    var matches = select(state);
    var pages = Math.max(1, Math.ceil(matches.length / pageSize));
    if (state.page > pages) state.page = pages;
    var from = (state.page - 1) * pageSize, to = Math.min(matches.length, from + pageSize);
    var fragment = document.createDocumentFragment();
    for (var k = from; k < to; k++) fragment.appendChild(card(matches[k]));
    list.textContent = "";
    list.appendChild(fragment);

    var total = matches.length === data.n ? staticTotal
      : matches.length === 0 ? "No model matches these filters (" + plural(data.n, "model") + " in all)."
      : matches.length + " of " + plural(data.n, "model") + " match.";
    status.textContent = "";
    status.appendChild(text("span", "total", total));
    if (pages > 1) {
      status.appendChild(document.createTextNode(" "));
      status.appendChild(text("span", "showing", "Page " + state.page + " of " + pages + ": models " + (from + 1)
        + "–" + to + "."));
    }
    renderPager(state, pages);
  }

  function pageLink(state, page, label, rel) {
    var a = document.createElement("a");
    a.href = queryOf(copy(state, page)) || "?";
    a.setAttribute("data-page", String(page));
    if (rel) {
      a.rel = rel;
      a.textContent = label;
    } else {
      a.appendChild(text("span", "visually-hidden", "Page "));
      a.appendChild(document.createTextNode(label));
    }
    return a;
  }

  /** The pager of the static pages, for the filtered list: first, last, two around this one, gaps between. */
  function renderPager(state, pages) {
    var nav = document.getElementById("catalogue-pager");
    if (pages <= 1) {
      if (nav) nav.parentNode.removeChild(nav);
      return;
    }
    if (!nav) {
      nav = document.createElement("nav");
      nav.id = "catalogue-pager";
      nav.className = "pager";
      nav.setAttribute("aria-label", "Pages of the catalogue");
      list.parentNode.insertBefore(nav, list.nextSibling);
    }
    var ul = document.createElement("ul");
    function item(child) {
      var li = document.createElement("li");
      li.appendChild(child);
      ul.appendChild(li);
    }
    if (state.page > 1) item(pageLink(state, state.page - 1, "Previous", "prev"));
    var last = 0;
    for (var n = 1; n <= pages; n++) {
      if (n !== 1 && n !== pages && Math.abs(n - state.page) > 2) continue;
      if (n > last + 1) item(text("span", "gap", "…"));
      if (n === state.page) {
        var here = document.createElement("span");
        here.setAttribute("aria-current", "page");
        here.appendChild(text("span", "visually-hidden", "Page "));
        here.appendChild(document.createTextNode(String(n)));
        item(here);
      } else {
        item(pageLink(state, n, String(n), ""));
      }
      last = n;
    }
    if (state.page < pages) item(pageLink(state, state.page + 1, "Next", "next"));
    nav.textContent = "";
    nav.appendChild(ul);
  }

  function copy(state, page) {
    var out = { page: page };
    KEYS.forEach(function (key) { out[key] = state[key]; });
    return out;
  }

  /* ================= State ================= */

  /** Writes the state into the address: replaced for a new filter, pushed for another page (Back returns). */
  function remember(state, push) {
    var url = queryOf(state) || location.pathname;
    if (url === location.search || (url === location.pathname && !location.search)) return;
    try {
      if (push) history.pushState(null, "", url);
      else history.replaceState(null, "", url);
    } catch (e) {
      // some browsers refuse to change the address of file:// pages; the list still changes
    }
  }

  function show(state, push) {
    current = state;
    if (isDefault(state) && loadState !== "ready") {
      remember(state, push);
      return; // the static page is this state
    }
    withData(function () {
      render(state);
      remember(state, push);
    });
  }

  var typing = 0;
  form.addEventListener("change", function (event) {
    if (event.target === form.elements.org) return; // handled on input
    show(readForm(), false);
  });
  form.addEventListener("input", function (event) {
    if (event.target !== form.elements.org) return;
    clearTimeout(typing);
    typing = setTimeout(function () { show(readForm(), false); }, 150);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    clearTimeout(typing);
    show(readForm(), false);
  });
  form.addEventListener("reset", function () {
    setTimeout(function () { show(readForm(), false); }, 0);
  });
  if (form.elements.org) {
    form.elements.org.addEventListener("focus", function () { withData(function () {}); });
  }
  document.addEventListener("click", function (event) {
    var a = event.target.closest ? event.target.closest("#catalogue-pager a[data-page]") : null;
    if (!a || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    var state = copy(current, parseInt(a.getAttribute("data-page"), 10));
    show(state, true);
    status.setAttribute("tabindex", "-1");
    status.focus();
  });
  window.addEventListener("popstate", function () {
    var state = readAddress();
    showInForm(state);
    if (loadState === "ready" || !isDefault(state)) show(state, false);
  });

  showInForm(current);
  if (!isDefault(current)) show(current, false);
  else if (location.search) remember(current, false); // ?task=&sort=name from another page's form: drop the blanks
})();
