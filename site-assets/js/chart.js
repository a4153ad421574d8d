/* modelcards charts: draws a model page's line charts as SVG, each in a <figure class="chart-figure"> with its
   title as caption, in the section's <div class="charts">, from the data the page carries, one
   <script type="application/json" class="chart-data"> for all of them (written by the generator's ChartSvg.data:
   per chart its figure's id, title, axis labels, log x, and per series its name and points as the card writes
   them). The chart is a role="img" with a title and a description that repeats every value; its look is
   site.css' (classes only, no style attributes, so the page's Content-Security-Policy holds). Without JavaScript
   the section still points at the tables that hold the values. Every text of the card is escaped. */
(function () {
  "use strict";
  var WIDTH = 340, PLOT_HEIGHT = 150, LEFT = 44, RIGHT = 12, TOP = 10;
  var BOTTOM = 56;       // under the plot: tick labels, the axis label, then the legend a line per series
  var LEGEND_LINE = 17;

  function esc(s) {
    return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  // d to one decimal, without a trailing ".0"
  function fmt(d) {
    var s = (Math.round(d * 10) / 10).toFixed(1);
    if (s === "-0.0") s = "0.0";
    return s.slice(-2) === ".0" ? s.slice(0, -2) : s;
  }

  // a tick value: whole numbers as they are, others to three significant digits
  function num(d) {
    if (d === Math.round(d)) return String(d);
    return String(Number(d.toPrecision(3)));
  }

  // 1550000000 → "1.55B"
  function human(v) {
    var units = ["", "K", "M", "B", "T"], u = 0, d = v;
    while (Math.abs(d) >= 1000 && u < units.length - 1) { d /= 1000; u++; }
    return num(d) + units[u];
  }

  // "16.0" → "16", as BigDecimal.stripTrailingZeros().toPlainString() writes it
  function plain(x) {
    var s = String(x);
    if (s.indexOf(".") >= 0 && s.indexOf("e") < 0) s = s.replace(/0+$/, "").replace(/\.$/, "");
    return s;
  }

  function niceTicks(min, max) {
    if (max <= min) max = min + 1;
    var range = max - min;
    var step = Math.pow(10, Math.floor(Math.log10(range / 5)));
    var ms = [1, 2, 5, 10];
    for (var i = 0; i < ms.length; i++) {
      if (range / (step * ms[i]) <= 6) { step *= ms[i]; break; }
    }
    var start = Math.floor(min / step) * step;
    var end = Math.ceil(max / step) * step;
    var n = Math.max(2, Math.round((end - start) / step) + 1);
    var ticks = [];
    for (var k = 0; k < n; k++) ticks.push(start + k * step);
    return ticks;
  }

  function xValue(x, log) {
    return log ? Math.log10(Math.max(1e-12, x)) : x;
  }

  // at most eight x ticks, spread over the values the series have
  function xTicks(series) {
    var seen = {}, xs = [];
    series.forEach(function (s) {
      s.points.forEach(function (p) {
        var v = Number(p[0]);
        if (!seen.hasOwnProperty(v)) { seen[v] = true; xs.push(v); }
      });
    });
    xs.sort(function (a, b) { return a - b; });
    if (xs.length <= 8) return xs;
    var picked = [];
    for (var i = 0; i < 8; i++) picked.push(xs[Math.floor(i * (xs.length - 1) / 7)]);
    return picked;
  }

  function shorten(s, max) {
    return s.length <= max ? s : s.substring(0, max - 1) + "\u2026";
  }

  function describe(chart, series) {
    var sb = chart.title + ". ";
    series.forEach(function (s) {
      sb += s.name + ": " + s.points.map(function (p) {
        return p[1] + " at " + (chart.log ? human(Number(p[0])) : plain(p[0]));
      }).join(", ") + ". ";
    });
    return sb.trim();
  }

  /** The SVG markup of one chart, "" when no series has a point. */
  function svg(chart, id) {
    var series = (chart.series || []).filter(function (s) { return s.points && s.points.length; });
    if (!series.length) return "";
    var log = !!chart.log;
    var minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    series.forEach(function (s) {
      s.points.forEach(function (p) {
        var x = xValue(Number(p[0]), log), y = Number(p[1]);
        minX = Math.min(minX, x); maxX = Math.max(maxX, x);
        minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      });
    });
    if (maxX === minX) { minX -= 1; maxX += 1; }
    var yTicks = niceTicks(minY >= 0 && minY < maxY * 0.5 ? 0 : minY, maxY);
    var y0 = yTicks[0], y1 = yTicks[yTicks.length - 1];
    var plotW = WIDTH - LEFT - RIGHT, plotH = PLOT_HEIGHT;
    var height = TOP + plotH + BOTTOM + LEGEND_LINE * series.length;
    function sx(x) { return LEFT + (x - minX) / (maxX - minX) * plotW; }
    function sy(y) { return TOP + plotH - (y - y0) / (y1 - y0) * plotH; }

    var titleId = id + "-title", descId = id + "-desc";
    var out = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + WIDTH + " " + height
      + "\" role=\"img\" aria-labelledby=\"" + esc(titleId) + " " + esc(descId) + "\">";
    out += "<title id=\"" + esc(titleId) + "\">" + esc(chart.title) + "</title>";
    out += "<desc id=\"" + esc(descId) + "\">" + esc(describe(chart, series)) + "</desc>";
    var grid = "", labels = "";
    yTicks.forEach(function (t) {
      var y = sy(t);
      grid += "M" + LEFT + " " + fmt(y) + "h" + fmt(plotW);
      labels += "<text y=\"" + fmt(y + 4) + "\">" + esc(num(t)) + "</text>";
    });
    var axis = "", xLabels = "";
    xTicks(series).forEach(function (x) {
      var px = sx(xValue(x, log));
      axis += "M" + fmt(px) + " " + fmt(TOP + plotH) + "v4";
      xLabels += "<text x=\"" + fmt(px) + "\">" + esc(log ? human(x) : plain(x)) + "</text>";
    });
    axis += "M" + LEFT + " " + TOP + "V" + fmt(TOP + plotH) + "h" + fmt(plotW);
    out += "<g class=\"chart-grid\"><path class=\"grid\" d=\"" + grid + "\"/><path class=\"axis\" d=\"" + axis
      + "\"/><g class=\"tick end\" transform=\"translate(" + (LEFT - 4) + " 0)\">" + labels + "</g>";
    if (xLabels) out += "<g class=\"tick\" transform=\"translate(0 " + fmt(TOP + plotH + 17) + ")\">" + xLabels + "</g>";
    out += "</g>";
    out += "<text class=\"axis-label\" x=\"" + fmt(LEFT + plotW / 2) + "\" y=\"" + fmt(TOP + plotH + 34) + "\">"
      + esc(chart.x) + "</text>";
    out += "<text class=\"axis-label\" transform=\"rotate(-90)\" x=\"" + fmt(-(TOP + plotH / 2)) + "\" y=\"12\">"
      + esc(chart.y) + "</text>";
    series.forEach(function (s, i) {
      var pts = s.points.slice().sort(function (a, b) { return Number(a[0]) - Number(b[0]); });
      var line = [], marks = "";
      pts.forEach(function (p) {
        var x = fmt(sx(xValue(Number(p[0]), log))), y = fmt(sy(Number(p[1])));
        line.push(x + "," + y);
        marks += "M" + x + " " + y + "h0";
      });
      var ly = TOP + plotH + BOTTOM + LEGEND_LINE * i - 4;
      marks += "M" + LEFT + " " + fmt(ly - 4) + "h0";
      out += "<g class=\"series series-" + (i % 8) + "\">";
      if (pts.length > 1) out += "<polyline points=\"" + line.join(" ") + "\"/>";
      out += "<path class=\"marker\" d=\"" + marks + "\"/><text class=\"legend\" x=\"" + (LEFT + 10) + "\" y=\""
        + fmt(ly) + "\">" + esc(shorten(s.name, 40)) + "</text></g>";
    });
    return out + "</svg>";
  }

  // the page's one data block: series names once, then per chart its figure's id, axes and points "x y x y"
  function charts(data) {
    var names = data.names || [];
    return (data.charts || []).map(function (c) {
      return {
        id: c.id, title: c.t, x: c.x, y: c.y, log: !!c.log,
        series: (c.s || []).map(function (s) {
          var flat = String(s[1]).split(" "), points = [];
          for (var k = 0; k + 1 < flat.length; k += 2) points.push([flat[k], flat[k + 1]]);
          return { name: String(names[s[0]]), points: points };
        })
      };
    });
  }

  var sources = document.querySelectorAll("script.chart-data");
  for (var n = 0; n < sources.length; n++) {
    var list;
    try {
      list = charts(JSON.parse(sources[n].textContent));
    } catch (e) {
      continue; // the captions still say where the values are
    }
    // the figures go where the page keeps them: the charts box of the data's section
    var section = sources[n].closest("section");
    var box = section && section.querySelector(".charts");
    if (!box) continue;
    list.forEach(function (chart) {
      if (document.getElementById(chart.id)) return; // ids are the page's; never two alike
      var markup = svg(chart, chart.id);
      if (!markup) return;
      // parsed as SVG, not HTML: the markup is ours and every text in it is escaped
      var doc = new DOMParser().parseFromString(markup, "image/svg+xml");
      if (doc.getElementsByTagName("parsererror").length) return;
      var figure = document.createElement("figure");
      figure.className = "chart-figure";
      figure.id = chart.id;
      figure.appendChild(document.importNode(doc.documentElement, true));
      var caption = document.createElement("figcaption");
      caption.textContent = chart.title || "";
      figure.appendChild(caption);
      box.appendChild(figure);
    });
  }
})();
