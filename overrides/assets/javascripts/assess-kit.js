/* What the self-assessment pages and the cohort summary share (loaded before assess.js and cohort.js, and only
   with them): the answers file's rules, as handbook/assess.py defines the format (schemas/self-assessment.md), and
   the charts. Charts are inline SVG, labelled in the page's language, readable in black and white (each series its
   own marker and dash, each part of a bar its own fill), each `role="img"` beside a table with the same numbers. */
window.HandbookAssess = (function () {
  "use strict";
  var FIELDS = ["evidence", "next", "note"];

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, key) { return key in values ? values[key] : whole; });
  }

  function isObject(value) {
    return value !== null && typeof value === "object" && !Array.isArray(value);
  }

  /* One answer as the file format has it, or null when nothing of it is usable; `skip` collects what is not. */
  function cleanAnswer(answer, definition, where, skip) {
    if (!isObject(answer)) { skip.push(where); return null; }
    var clean = {};
    if (answer.level != null) {
      if (definition.levels && Number.isInteger(answer.level) && answer.level >= 1 && answer.level <= definition.levels) clean.level = answer.level;
      else skip.push(where + ": level " + answer.level);
    }
    if (answer.status != null) {
      if (definition.statuses.indexOf(answer.status) >= 0) clean.status = answer.status;
      else skip.push(where + ": " + answer.status);
    }
    FIELDS.forEach(function (field) {
      if (typeof answer[field] === "string" && answer[field].trim()) clean[field] = answer[field].slice(0, 5000);
    });
    if (Array.isArray(answer.types)) {
      var types = answer.types.filter(function (type) {
        var known = definition.evidence.indexOf(type) >= 0;
        if (!known) skip.push(where + "/" + type);
        return known;
      });
      if (types.length) clean.types = types;
    }
    return Object.keys(clean).length ? clean : null;
  }

  /* An answer to a criterion the handbook no longer has is kept aside, as the file format allows any answer. */
  var ASIDE = { levels: 9, statuses: ["not-started", "in-progress", "collected"] };

  function cleanAnswers(answers, definition, where, skip) {
    var clean = {};
    if (!isObject(answers)) return clean;
    Object.keys(answers).forEach(function (criterion) {
      var known = definition.criteria.indexOf(criterion) >= 0, answer = answers[criterion];
      var rules = known ? definition : { levels: ASIDE.levels, statuses: ASIDE.statuses, evidence: isObject(answer) && Array.isArray(answer.types) ? answer.types.filter(function (t) { return typeof t === "string"; }) : [] };
      answer = cleanAnswer(answer, rules, where + "/" + criterion, skip);
      if (answer) clean[criterion] = answer;
    });
    return clean;
  }

  /* Answers stored under an earlier release's ids, carried over to today's (each definition's `movedFrom` for the
     assessment, `renamed` for its criteria and evidence types); whether anything moved. An answer already given
     under the new id wins; the old one then stays, kept aside. */
  function migrate(assessments, config) {
    var moved = false;
    Object.keys(config.definitions).forEach(function (id) {
      var definition = config.definitions[id], renamed = definition.renamed || {};
      (definition.movedFrom || []).forEach(function (old) {
        if (isObject(assessments[old]) && !assessments[id]) { assessments[id] = assessments[old]; delete assessments[old]; moved = true; }
      });
      var record = assessments[id];
      if (!isObject(record)) return;
      [record].concat(Array.isArray(record.snapshots) ? record.snapshots : []).forEach(function (holder) {
        if (!isObject(holder) || !isObject(holder.answers)) return;
        Object.keys(holder.answers).forEach(function (old) {
          var answer = holder.answers[old];
          if (isObject(answer) && Array.isArray(answer.types) && answer.types.some(function (type) { return renamed[type]; })) {
            answer.types = answer.types.map(function (type) { return renamed[type] || type; });
            moved = true;
          }
          var now = renamed[old];
          if (now && !holder.answers[now]) { holder.answers[now] = answer; delete holder.answers[old]; moved = true; }
        });
      });
    });
    return moved;
  }

  /* The actions of a file's record that are usable: an id, a criterion, a text, a date (YYYY-MM-DD) or none. */
  function cleanActions(actions, where, skip) {
    return (Array.isArray(actions) ? actions : []).filter(function (action, index) {
      var fine = isObject(action) && typeof action.id === "string" && action.id && typeof action.criterion === "string" &&
        typeof action.text === "string" && action.text.trim() && (!action.date || /^\d{4}-\d{2}-\d{2}$/.test(action.date));
      if (!fine) skip.push(where + "/actions/" + index);
      return fine;
    }).map(function (action) {
      return { id: action.id.slice(0, 40), criterion: action.criterion, text: action.text.slice(0, 2000), date: action.date || "", done: action.done === true };
    });
  }

  /* A file's assessments that this site knows, cleaned; throws the key of the message when the file is unusable. */
  function readFile(text, config, skip) {
    var data;
    try { data = JSON.parse(text); } catch (error) { throw { key: "import-not-json" }; }
    if (!isObject(data) || data.format !== config.format || !isObject(data.assessments)) throw { key: "import-not-ours" };
    if (data.version !== config.version) throw { key: "import-version", version: String(data.version) };
    migrate(data.assessments, config);
    var records = {};
    Object.keys(data.assessments).forEach(function (id) {
      var definition = config.definitions[id], record = data.assessments[id];
      if (!definition || !isObject(record)) { skip.push(id); return; }
      var snapshots = (Array.isArray(record.snapshots) ? record.snapshots : []).filter(function (snapshot, index) {
        var fine = isObject(snapshot) && typeof snapshot.name === "string" && snapshot.name.trim() && !isNaN(Date.parse(snapshot.date));
        if (!fine) skip.push(id + "/snapshots/" + index);
        return fine;
      }).map(function (snapshot) {
        return { name: snapshot.name.slice(0, 80), date: new Date(snapshot.date).toISOString(), answers: cleanAnswers(snapshot.answers, definition, id + "/" + snapshot.name, skip) };
      });
      records[id] = { answers: cleanAnswers(record.answers, definition, id, skip), snapshots: snapshots, actions: cleanActions(record.actions, id, skip) };
    });
    return records;
  }

  var SVG = "http://www.w3.org/2000/svg";
  var MARKERS = ["M-4,-4h8v8h-8z", "M0,-5L5,4H-5z", "M0,-5L5,0L0,5L-5,0z", "M-4,-4L4,4M4,-4L-4,4"];  // square, triangle, diamond, cross
  var DASHES = ["6 3", "2 3", "8 3 2 3", "1 2"];

  function draw(tag, attributes, parent) {
    var element = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) { element.setAttribute(name, attributes[name]); });
    if (parent) parent.appendChild(element);
    return element;
  }

  function text(content, attributes, parent) {
    var element = draw("text", attributes, parent);
    element.textContent = content;
    return element;
  }

  /* A label broken into lines of about `size` characters, at most three. */
  function lines(label, size) {
    var found = [], line = "";
    label.split(/\s+/).forEach(function (word) {
      if (line && (line + " " + word).length > size) { found.push(line); line = word; } else line = line ? line + " " + word : word;
    });
    found.push(line);
    return found.length > 3 ? found.slice(0, 2).concat([found.slice(2).join(" ").slice(0, size - 1) + "…"]) : found;
  }

  /* A chart's frame: its size in pixels (it shrinks on a narrow screen), its title for screen readers. */
  function frame(title, width, height) {
    var svg = draw("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height, role: "img", class: "hb-chart" });
    var id = "chart-" + Math.random().toString(36).slice(2);
    draw("title", { id: id }, svg).textContent = title;
    svg.setAttribute("aria-labelledby", id);
    return svg;
  }

  /* A profile: each criterion across, its level up, one line per snapshot (each its dash and marker) and now
     (solid, dots). */
  function profile(title, criteria, labels, series, levels) {
    var step = Math.max(60, Math.min(150, 560 / criteria.length)), left = 30, top = 12, plot = 150;
    var wrapped = labels.map(function (label) { return lines(label, Math.floor(step / 7)); });
    var under = 16 * Math.max.apply(null, wrapped.map(function (l) { return l.length; })) + 10;
    var width = left + step * criteria.length + 10, height = top + plot + under;
    var rise = plot / levels;
    var svg = frame(title, Math.max(width, 260), height + 18 * series.length + 4);
    for (var n = 1; n <= levels; n++) {
      var y = top + plot - n * rise + rise / 2;
      draw("line", { x1: left, x2: width - 10, y1: y, y2: y, class: "hb-chart__grid" }, svg);
      text(String(n), { x: left - 8, y: y + 4, "text-anchor": "end" }, svg);
    }
    wrapped.forEach(function (label, i) {
      label.forEach(function (line, k) {
        text(line, { x: left + step * (i + 0.5), y: top + plot + 14 + 16 * k, "text-anchor": "middle" }, svg);
      });
    });
    series.forEach(function (one, k) {
      var now = k === series.length - 1, points = [];
      var group = draw("g", { class: now ? "hb-chart__series hb-chart__series--now" : "hb-chart__series", "data-series": one.name }, svg);
      criteria.forEach(function (criterion, i) {
        var value = one.values[criterion];
        if (!value) return;
        var x = left + step * (i + 0.5), y = top + plot - value * rise + rise / 2;
        points.push(x + "," + y);
        var mark = now ? draw("circle", { cx: x, cy: y, r: 5 }, group) : draw("path", { d: MARKERS[k % MARKERS.length], transform: "translate(" + x + " " + y + ")" }, group);
        mark.setAttribute("data-criterion", criterion);
        mark.setAttribute("data-value", value);
        draw("title", {}, mark).textContent = labels[i] + ": " + value + " (" + one.name + ")";
      });
      if (points.length > 1) group.insertBefore(draw("polyline", { points: points.join(" "), "stroke-dasharray": now ? "none" : DASHES[k % DASHES.length] }), group.firstChild);
      var key = height + 18 * k + 8;
      draw("line", { x1: left, x2: left + 28, y1: key, y2: key, "stroke-dasharray": now ? "none" : DASHES[k % DASHES.length], class: "hb-chart__key" }, group);
      text(one.name, { x: left + 36, y: key + 4 }, group);
    });
    return svg;
  }

  /* The fills of a bar's parts, lightest first: blank, hatched, cross-hatched, solid (the last part is solid);
     a part named "none" (no answer) is only outlined, dashed. */
  function fills(svg, parts) {
    var id = svg.getAttribute("aria-labelledby"), defs = draw("defs", {}, svg), graded = parts.filter(function (p) { return p !== "none"; });
    [["hatch", [[0, 0, 0, 6]]], ["cross", [[0, 0, 0, 6], [0, 0, 6, 0]]]].forEach(function (kind) {
      var pattern = draw("pattern", { id: id + "-" + kind[0], width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, defs);
      kind[1].forEach(function (l) { draw("line", { x1: l[0], y1: l[1], x2: l[2], y2: l[3], class: "hb-chart__hatch" }, pattern); });
    });
    return parts.map(function (part) {
      var k = graded.indexOf(part), last = graded.length - 1;
      if (part === "none") return { class: "hb-chart__part hb-chart__part--none" };
      if (k === 0) return { class: "hb-chart__part hb-chart__part--blank" };
      if (k === last) return { class: "hb-chart__part hb-chart__part--solid" };
      return { class: "hb-chart__part", fill: "url(#" + id + "-" + (k === 1 ? "hatch" : "cross") + ")" };
    });
  }

  /* Bars, one per row (labelled at its left), each split into its parts' counts (each part its fill, its count
     written on it), against `most`; each part carries its row and part under the names `marks` gives
     ({row: "group", part: "status"}) and its count as data-value. */
  function bars(title, rows, parts, counts, labels, most, marks) {
    var wide = rows.some(function (row) { return labels[row].length > 8; }), left = wide ? 200 : 70, width = wide ? 580 : 520;
    var wrapped = rows.map(function (row) { return wide ? lines(labels[row], 30) : [labels[row]]; });
    var tops = [], y = 10;
    wrapped.forEach(function (label) { tops.push(y); y += Math.max(26, 15 * label.length + 8); });
    var svg = frame(title, width, y + 10 + 20 * parts.length), look = fills(svg, parts);
    var scale = (width - left - 20) / Math.max(1, most);
    rows.forEach(function (row, i) {
      var x = left, top = tops[i], size = Math.max(26, 15 * wrapped[i].length + 8) - 8;
      wrapped[i].forEach(function (line, k) { text(line, { x: left - 8, y: top + size / 2 + 4 + 15 * (k - (wrapped[i].length - 1) / 2), "text-anchor": "end" }, svg); });
      parts.forEach(function (part, k) {
        var value = counts[row][part] || 0, bar = draw("rect", { x: x, y: top, width: value * scale, height: size, class: look[k].class }, svg);
        if (look[k].fill) bar.setAttribute("fill", look[k].fill);
        bar.setAttribute("data-" + marks.row, row);
        bar.setAttribute("data-" + marks.part, part);
        bar.setAttribute("data-value", value);
        draw("title", {}, bar).textContent = labels[row] + ": " + value + " (" + labels[part] + ")";
        if (value && value * scale >= 14) text(String(value), { x: x + value * scale / 2, y: top + size / 2 + 4, "text-anchor": "middle", class: "hb-chart__count" + (/solid/.test(look[k].class) ? " hb-chart__count--solid" : "") }, svg);
        x += value * scale;
      });
    });
    parts.forEach(function (part, k) {
      var key = draw("rect", { x: left, y: y + 20 * k, width: 12, height: 12, class: look[k].class }, svg);
      if (look[k].fill) key.setAttribute("fill", look[k].fill);
      text(labels[part], { x: left + 18, y: y + 20 * k + 10 }, svg);
    });
    return svg;
  }

  /* The portfolio now: each group of standards a bar, split by status. */
  function statusBars(title, groups, counts, statuses, labels) {
    var names = Object.keys(groups), most = Math.max.apply(null, names.map(function (g) { return groups[g].length; }));
    return bars(title, names, statuses, counts, labels, most, { row: "group", part: "status" });
  }

  return { FIELDS: FIELDS, fill: fill, isObject: isObject, migrate: migrate, cleanAnswers: cleanAnswers, cleanActions: cleanActions, readFile: readFile, frame: frame, profile: profile, bars: bars, statusBars: statusBars };
})();
