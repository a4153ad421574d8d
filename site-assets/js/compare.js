/* modelcards compare page: two to four models side by side, from each model's results.js and the catalogue's
   data file (scripts, not fetch(), so the page works from file://). The choice lives in the address:
   compare.html?m=idefics&m=llama-v2. Loaded only by compare.html. */
(function () {
  "use strict";

  var MAX = 4;
  var form = document.getElementById("compare-form");
  if (!form) return;
  var root = form.getAttribute("data-root") || "";
  var input = document.getElementById("compare-add");
  var options = document.getElementById("compare-models");
  var chosenList = document.getElementById("compare-chosen");
  var status = document.getElementById("compare-status");
  var onlyWrap = document.getElementById("compare-only-wrap");
  var only = document.getElementById("compare-only");
  var tableBox = document.getElementById("compare-table");
  var byName = {};   // lower-cased model name -> slug, from the catalogue's data file
  var names = {};    // slug -> name

  function chosen() {
    var seen = {}, out = [];
    new URLSearchParams(window.location.search).getAll("m").forEach(function (s) {
      s = s.trim();
      if (/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(s) && !seen[s] && out.length < MAX) { seen[s] = true; out.push(s); }
    });
    return out;
  }

  function setChosen(slugs) {
    var params = new URLSearchParams();
    slugs.forEach(function (s) { params.append("m", s); });
    if (only.checked) params.set("only", "1");
    var query = params.toString();
    history.replaceState(null, "", window.location.pathname + (query ? "?" + query : ""));
    render();
  }

  function load(src, callback) {
    var script = document.createElement("script");
    script.src = src;
    script.async = true;
    script.onload = function () { callback(true); };
    script.onerror = function () { callback(false); };
    document.head.appendChild(script);
  }

  /** The slug the catalogue's data leaves out (CatalogueData.plainSlug; the same rule as catalogue.js). */
  function plainSlug(name) {
    return name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }

  /* The catalogue's further data files, appended in order (as catalogue.js does; CatalogueData.files). */
  function loadParts(raw, parts, done) {
    if (parts.length === 0) { done(true); return; }
    load(root + String(parts.shift()), function (ok) {
      var part = window.MODELCARDS_CATALOGUE_PART;
      window.MODELCARDS_CATALOGUE_PART = undefined;
      if (!ok || !Array.isArray(part)) { done(false); return; }
      for (var i = 0; i < part.length; i++) raw.models.push(part[i]);
      loadParts(raw, parts, done);
    });
  }

  function loadCatalogue() {
    load(root + "catalogue-data.js", function (loaded) {
      var raw = window.MODELCARDS_CATALOGUE;
      if (!loaded || !raw || !Array.isArray(raw.models)) return;
      loadParts(raw, Array.isArray(raw.parts) ? raw.parts.slice() : [], function (ok) {
        if (ok) fillNames(raw);
      });
    });
  }

  /** The catalogue's names, as the choices of the model fields. */
  function fillNames(raw) {
    var f = {};
    raw.fields.forEach(function (n, i) { f[n] = i; });
    var frag = document.createDocumentFragment();
    raw.models.forEach(function (m) {
      var name = String(m[f.name]), slug = m[f.slug] || plainSlug(name);
      byName[name.toLowerCase()] = slug;
      names[slug] = name;
      var option = document.createElement("option");
      option.value = name;
      frag.appendChild(option);
    });
    options.appendChild(frag);
    render();
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function render() {
    var slugs = chosen();
    chosenList.textContent = "";
    slugs.forEach(function (slug) {
      var li = el("li", "chip");
      var a = el("a", "", names[slug] || slug);
      a.href = root + "models/" + slug + "/index.html";
      li.appendChild(a);
      var remove = el("button", "chip-remove", "×");
      remove.type = "button";
      remove.setAttribute("aria-label", "Remove " + (names[slug] || slug));
      remove.addEventListener("click", function () {
        setChosen(chosen().filter(function (s) { return s !== slug; }));
      });
      li.appendChild(remove);
      chosenList.appendChild(li);
    });
    input.disabled = slugs.length >= MAX;
    var results = window.MODELCARDS_RESULTS || {};
    var missing = slugs.filter(function (s) { return !results[s] && !failed[s]; });
    if (missing.length) {
      status.textContent = "Loading…";
      missing.forEach(function (s) {
        loading[s] = loading[s] || (load(root + "models/" + s + "/results.js", function (ok) {
          if (!ok) failed[s] = true;
          render();
        }), true);
      });
      return;
    }
    var usable = slugs.filter(function (s) { return results[s]; });
    var unknown = slugs.filter(function (s) { return failed[s]; });
    onlyWrap.hidden = usable.length < 2;
    tableBox.textContent = "";
    if (usable.length < 2) {
      status.textContent = (unknown.length ? "No model " + unknown.join(", ") + ". " : "")
          + "Choose " + (usable.length ? "at least one more model" : "two to four models") + " to compare.";
      return;
    }
    table(usable.map(function (s) { return { slug: s, data: results[s] }; }), unknown);
  }

  var loading = {}, failed = {};

  /** Rows: benchmark, metric and setting; a cell per model: its best own value there (and which variant). */
  function table(models, unknown) {
    var rows = {}, order = [];
    models.forEach(function (m, col) {
      // runs of [variant, row, result…], each result [benchmark, metric, setting, printed(, value)], the first
      // three in terms; lower: the [benchmark, metric] pairs better when lower (see CompareData)
      var terms = m.data.terms || [];
      var lower = {};
      (m.data.lower || []).forEach(function (p) { lower[p[0] + " " + p[1]] = true; });
      (m.data.results || []).forEach(function (run) {
        for (var k = 2; k < run.length; k++) {
          var r = run[k];
          var benchmark = String(terms[r[0]]), metric = String(terms[r[1]]), setting = String(terms[r[2]]);
          var key = benchmark + "\u0000" + metric + "\u0000" + setting;
          var row = rows[key];
          if (!row) {
            row = rows[key] = { benchmark: benchmark, metric: metric, setting: setting, lower: !!lower[r[0] + " " + r[1]],
              cells: [] };
            order.push(key);
          }
          var best = row.cells[col];
          var value = Number(r.length > 4 ? r[4] : r[3]);
          if (!best || (row.lower ? value < best.value : value > best.value)) {
            row.cells[col] = { value: value, printed: r[3], variant: m.data.variants[run[0]],
              row: run[1] >= 0 ? m.data.rows[run[1]] : "" };
          }
        }
      });
    });
    var list = order.map(function (k) { return rows[k]; }).filter(function (row) {
      var n = 0;
      for (var i = 0; i < models.length; i++) if (row.cells[i]) n++;
      row.count = n;
      return only.checked ? n === models.length : n >= 1;
    });
    list.sort(function (a, b) {
      return (b.count - a.count) || a.benchmark.localeCompare(b.benchmark) || a.metric.localeCompare(b.metric)
          || a.setting.localeCompare(b.setting, undefined, { numeric: true });
    });
    var shared = list.filter(function (r) { return r.count >= 2; }).length;
    status.textContent = (unknown.length ? "No model " + unknown.join(", ") + ". " : "") + list.length
        + (list.length === 1 ? " benchmark setting, " : " benchmark settings, ") + shared + " reported by more than one of them.";
    var wrap = el("div", "table-wrap");
    wrap.setAttribute("role", "region");
    wrap.setAttribute("tabindex", "0");
    wrap.setAttribute("aria-labelledby", "compare-caption");
    var t = el("table", "data-table compare-table");
    var caption = el("caption", "", "Best own value of each model; ★ marks the better one where several report it.");
    caption.id = "compare-caption";
    t.appendChild(caption);
    var head = el("tr");
    ["Benchmark", "Metric", "Setting"].forEach(function (h) {
      var th = el("th", "", h);
      th.scope = "col";
      head.appendChild(th);
    });
    models.forEach(function (m) {
      var th = el("th", "", m.data.name);
      th.scope = "col";
      head.appendChild(th);
    });
    var thead = el("thead");
    thead.appendChild(head);
    t.appendChild(thead);
    var tbody = el("tbody");
    list.forEach(function (row) {
      var tr = el("tr");
      var th = el("th", "", row.benchmark);
      th.scope = "row";
      tr.appendChild(th);
      tr.appendChild(el("td", "", row.metric + (row.lower ? " (lower is better)" : "")));
      tr.appendChild(el("td", "", row.setting));
      var best = null;
      if (row.count >= 2) {
        row.cells.forEach(function (c) {
          if (c && (best === null || (row.lower ? c.value < best : c.value > best))) best = c.value;
        });
      }
      for (var i = 0; i < models.length; i++) {
        var c = row.cells[i], td = el("td");
        if (!c) {
          td.setAttribute("data-type", "missing");
          td.textContent = "–";
        } else {
          td.setAttribute("data-type", "number");
          var a = el("a", "", c.printed);
          a.href = root + "models/" + models[i].slug + "/index.html" + (c.row ? "#" + c.row : "");
          td.appendChild(a);
          if (c.variant && c.variant !== models[i].data.name) td.appendChild(el("span", "compare-variant", " " + c.variant));
          if (best !== null && c.value === best) {
            td.className = "best";
            td.appendChild(el("span", "best-mark", " ★"));
            td.appendChild(el("span", "visually-hidden", " (best)"));
          }
        }
        tr.appendChild(td);
      }
      tbody.appendChild(tr);
    });
    t.appendChild(tbody);
    wrap.appendChild(t);
    tableBox.appendChild(wrap);
  }

  form.hidden = false;
  only.checked = new URLSearchParams(window.location.search).get("only") === "1";
  only.addEventListener("change", function () { setChosen(chosen()); });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var slug = byName[input.value.trim().toLowerCase()];
    if (!slug) {
      status.textContent = "No model named \u201c" + input.value.trim() + "\u201d in the catalogue.";
      return;
    }
    input.value = "";
    var slugs = chosen();
    if (slugs.indexOf(slug) < 0) slugs.push(slug);
    setChosen(slugs.slice(0, MAX));
  });
  loadCatalogue();
  render();
})();
