/* Self-assessment: the reader rates each criterion of a rubric (or tracks each portfolio standard), privately.
   Answers stay in this browser's localStorage, by language-independent ids, so every language of the page shows
   the same answers; they are exported and imported as a versioned JSON file (schemas/self-assessment.md).
   Progressive enhancement: without this script the section stays hidden and the page is the plain rubric. */
(function () {
  "use strict";
  var KEY = "cpm-handbook:self-assessment";
  var OPEN = KEY + ":open"; // which assessments the reader has open (not part of the answers)
  var FIELDS = ["evidence", "next", "note"];

  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (whole, key) { return key in values ? values[key] : whole; });
  }

  function empty(config) {
    return { format: config.format, version: config.version, assessments: {} };
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

  function Assessment(section) {
    this.section = section;
    this.config = JSON.parse(section.querySelector(".hb-assess__config").textContent);
    this.id = this.config.id;
    this.definition = this.config.definitions[this.id];
    this.strings = this.config.strings;
    this.form = section.querySelector(".hb-assess__form");
    this.body = section.querySelector(".hb-assess__body");
    this.toggle = section.querySelector(".hb-assess__toggle");
    this.toggleText = this.toggle.textContent;
    this.reading = document.querySelector('[data-id="' + this.id + '"]:not(.hb-assess *)');
    this.store = this.load();
  }

  Assessment.prototype.say = function (text, alert) {
    this.section.querySelector(alert ? ".hb-assess__alert" : ".hb-assess__status").textContent = text;
  };

  Assessment.prototype.load = function () {
    try {
      var text = localStorage.getItem(KEY), data = text ? JSON.parse(text) : null;
      if (isObject(data) && isObject(data.assessments) && data.version === this.config.version) {
        if (migrate(data.assessments, this.config)) localStorage.setItem(KEY, JSON.stringify(data)); // ids renamed since
        return data;
      }
      if (text) localStorage.setItem(KEY + ":unreadable", text); // keep what cannot be read, never overwrite it silently
    } catch (error) {
      this.say(this.strings["storage-error"], true);
    }
    return empty(this.config);
  };

  /* Write the given assessments (this one by default) over what is stored now, so that another tab's answers to
     other assessments are never overwritten with the copy this page loaded. */
  Assessment.prototype.save = function (ids) {
    var mine = this.store.assessments;
    try {
      var latest = this.load();
      (ids || [this.id]).forEach(function (id) {
        if (mine[id]) latest.assessments[id] = mine[id];
        else delete latest.assessments[id];
      });
      localStorage.setItem(KEY, JSON.stringify(latest));
      this.store = latest;
      this.persist();
      this.say(this.strings.saved + " · " + new Date().toLocaleTimeString(this.config.lang, { hour: "2-digit", minute: "2-digit" }));
      this.say("", true);
      return true;
    } catch (error) {
      this.say(this.strings["storage-error"], true);
      return false;
    }
  };

  /* Ask, at the first save in this browser, that it keep the answers however short of space it runs; if it will
     not, say so beside the answers from then on and remind the reader to export (asked once: asking again does not
     change the browser's answer). */
  Assessment.prototype.persist = function () {
    var self = this, asked = KEY + ":persist";
    this.section.querySelector(".hb-assess__keep").hidden = localStorage.getItem(asked) !== "refused";
    if (!navigator.storage || !navigator.storage.persist || localStorage.getItem(asked)) return;
    localStorage.setItem(asked, "asked");
    navigator.storage.persisted().then(function (kept) { return kept || navigator.storage.persist(); }).then(function (kept) {
      localStorage.setItem(asked, kept ? "kept" : "refused");
      self.section.querySelector(".hb-assess__keep").hidden = kept;
    });
  };

  Assessment.prototype.record = function () {
    var records = this.store.assessments;
    return records[this.id] || (records[this.id] = { answers: {}, snapshots: [] });
  };

  Assessment.prototype.fieldsets = function () {
    return Array.prototype.slice.call(this.form.querySelectorAll("fieldset[data-criterion]"));
  };

  /* The answer the controls of one criterion hold now. */
  Assessment.prototype.read = function (fieldset) {
    var answer = {};
    fieldset.querySelectorAll("[data-field]").forEach(function (control) {
      var field = control.dataset.field;
      if (control.type === "radio") {
        if (control.checked) answer[field] = field === "level" ? Number(control.value) : control.value;
      } else if (control.type === "checkbox") {
        if (control.checked) (answer.types = answer.types || []).push(control.value);
      } else if (control.value.trim()) {
        answer[field] = control.value;
      }
    });
    return answer;
  };

  /* Every control, printed copy and count from the stored answers. */
  Assessment.prototype.show = function () {
    var answers = this.record().answers;
    this.fieldsets().forEach(function (fieldset) {
      var answer = answers[fieldset.dataset.criterion] || {};
      fieldset.querySelectorAll("[data-field]").forEach(function (control) {
        var field = control.dataset.field;
        if (control.type === "radio") control.checked = String(answer[field]) === control.value;
        else if (control.type === "checkbox") control.checked = (answer.types || []).indexOf(control.value) >= 0;
        else if (control.value !== (answer[field] || "")) control.value = answer[field] || ""; // keep the caret while typing
      });
      fieldset.querySelectorAll("[data-print]").forEach(function (copy) { copy.textContent = answer[copy.dataset.print] || ""; });
      var count = fieldset.querySelector(".hb-assess__types-count");
      if (count) count.textContent = "(" + (answer.types || []).length + ")";
    });
    var done = this.definition.criteria.filter(function (id) { var a = answers[id]; return a && (a.level || a.status); }).length;
    this.section.querySelector(".hb-assess__count").textContent = fill(this.strings.answered, { n: done, total: this.definition.criteria.length });
    this.summarise(answers);
    this.progress();
    this.charts();
    this.aside(answers);
    this.plan();
  };

  /* The action plan: every assessment's actions (the whole site's, as stored here), soonest first, undated last. */
  Assessment.prototype.plan = function () {
    var self = this, records = this.store.assessments, found = [];
    Object.keys(records).forEach(function (id) {
      (records[id].actions || []).forEach(function (action) { found.push({ assessment: id, action: action }); });
    });
    found.sort(function (a, b) { return (a.action.date || "9999") < (b.action.date || "9999") ? -1 : (a.action.date || "9999") > (b.action.date || "9999") ? 1 : 0; });
    var list = this.section.querySelector(".hb-assess__plan-list"), template = this.section.querySelector(".hb-assess__plan-item");
    list.textContent = "";
    found.forEach(function (entry) {
      var item = template.content.firstElementChild.cloneNode(true), action = entry.action;
      var row = self.section.querySelector('.hb-assess__progress tr[data-criterion="' + action.criterion + '"] th');
      item.dataset.assessment = entry.assessment;
      item.dataset.actionId = action.id;
      item.querySelector(".hb-assess__plan-text").textContent = action.text;
      item.querySelector(".hb-assess__plan-where").textContent = row ? "(" + row.textContent + ")" : "";
      var done = item.querySelector("[data-plan=done]");
      done.checked = action.done;
      done.setAttribute("aria-label", self.strings["plan-done"] + ": " + action.text);
      item.querySelector("[data-plan=date]").value = action.date;
      item.querySelector("[data-plan=remove]").setAttribute("aria-label", self.strings["plan-remove"] + ": " + action.text);
      item.classList.toggle("hb-assess__plan-done", action.done);
      list.append(item);
    });
    this.section.querySelector(".hb-assess__plan-empty").hidden = found.length > 0;
  };

  /* A next step (a portfolio standard's note) made an action of this assessment's plan. */
  Assessment.prototype.act = function (button) {
    var fieldset = button.closest("fieldset[data-criterion]"), box = fieldset.querySelector('textarea[data-field="' + button.dataset.act + '"]');
    if (!box.value.trim()) { box.focus(); return; }
    var record = this.record();
    (record.actions = record.actions || []).push({ id: Date.now().toString(36) + Math.random().toString(36).slice(2, 6), criterion: fieldset.dataset.criterion, text: box.value.trim(), date: "", done: false });
    this.save();
    this.show();
  };

  /* A change to an action in the plan: done, its date, or its removal (saved in its own assessment's record). */
  Assessment.prototype.changeAction = function (control) {
    var item = control.closest("li[data-action-id]"), id = item.dataset.assessment, record = this.store.assessments[id];
    var actions = record.actions || [], index = actions.findIndex(function (a) { return a.id === item.dataset.actionId; });
    if (index < 0) return;
    if (control.dataset.plan === "remove") actions.splice(index, 1);
    else if (control.dataset.plan === "done") actions[index].done = control.checked;
    else if (/^(\d{4}-\d{2}-\d{2})?$/.test(control.value)) actions[index].date = control.value;
    this.save([id]);
    this.show();
  };

  /* Answers to criteria the handbook no longer has: listed, never dropped (they are exported with the rest). */
  Assessment.prototype.aside = function (answers) {
    var self = this, criteria = this.definition.criteria;
    var gone = Object.keys(answers).filter(function (id) { return criteria.indexOf(id) < 0; });
    var list = this.section.querySelector(".hb-assess__aside-list");
    list.textContent = "";
    gone.forEach(function (id) {
      var item = document.createElement("li"), answer = answers[id];
      item.dataset.criterion = id;
      item.textContent = [id + ": " + self.value(answer)].concat(FIELDS.map(function (field) { return answer[field]; }).filter(Boolean)).join(" · ");
      list.append(item);
    });
    this.section.querySelector(".hb-assess__aside").hidden = !gone.length;
  };

  /* The portfolio's counts per group of standards and status. */
  Assessment.prototype.summarise = function (answers) {
    var groups = this.definition.groups || {};
    this.section.querySelectorAll(".hb-assess__summary tr[data-group]").forEach(function (row) {
      var members = groups[row.dataset.group] || [];
      row.querySelectorAll("td[data-status]").forEach(function (cell) {
        var n = members.filter(function (id) {
          var status = (answers[id] || {}).status || "not-started";
          return status === cell.dataset.status;
        }).length;
        cell.textContent = n + " / " + members.length;
      });
    });
  };

  Assessment.prototype.value = function (answer) {
    if (!answer) return "—";
    if (answer.status) return this.strings["status-" + answer.status];
    return answer.level ? String(answer.level) : "—";
  };

  /* ---- Charts: inline SVG, labelled in the page's language, readable in black and white (each series has its
     own marker and dash, each status its own fill), each `role="img"` beside the table with the same numbers. ---- */
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

  /* The portfolio now: each group of standards a bar, split by status (blank, hatched, solid). */
  function statusBars(title, groups, counts, statuses, labels) {
    var names = Object.keys(groups), width = 520, row = 26, left = 70, height = row * names.length + 20 + 20 * statuses.length;
    var svg = frame(title, width, height);
    var id = svg.getAttribute("aria-labelledby");
    var hatch = draw("pattern", { id: id + "-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" }, draw("defs", {}, svg));
    draw("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "hb-chart__hatch" }, hatch);
    var scale = (width - left - 20) / Math.max(1, Math.max.apply(null, names.map(function (g) { return groups[g].length; })));
    names.forEach(function (group, i) {
      var x = left, y = 10 + i * row;
      text(labels[group], { x: left - 8, y: y + 15, "text-anchor": "end" }, svg);
      statuses.forEach(function (status, k) {
        var value = counts[group][status], bar = draw("rect", { x: x, y: y, width: value * scale, height: row - 8, class: "hb-chart__status hb-chart__status--" + k }, svg);
        if (k === 1) bar.setAttribute("fill", "url(#" + id + "-hatch)");
        bar.setAttribute("data-group", group);
        bar.setAttribute("data-status", status);
        bar.setAttribute("data-value", value);
        draw("title", {}, bar).textContent = labels[group] + ": " + value + " " + status;
        x += value * scale;
      });
    });
    statuses.forEach(function (status, k) {
      var x = left, y = row * names.length + 24 + 20 * k;
      var key = draw("rect", { x: x, y: y - 9, width: 12, height: 12, class: "hb-chart__status hb-chart__status--" + k }, svg);
      if (k === 1) key.setAttribute("fill", "url(#" + id + "-hatch)");
      text(labels[status], { x: x + 18, y: y + 1 }, svg);
    });
    return svg;
  }

  Assessment.prototype.charts = function () {
    var self = this, box = this.section.querySelector(".hb-assess__charts"), record = this.record();
    var definition = this.definition, strings = this.strings;
    box.textContent = "";
    var series = record.snapshots.map(function (snapshot) { return { name: snapshot.name, answers: snapshot.answers }; });
    series.push({ name: strings.now, answers: record.answers });
    var answered = series.some(function (one) { return Object.keys(one.answers).length; });
    box.hidden = !answered;
    if (!answered) return;
    function levels(answers) {
      var values = {};
      Object.keys(answers).forEach(function (id) { if (answers[id].level) values[id] = answers[id].level; });
      return values;
    }
    var labelled = series.map(function (one) { return { name: one.name, values: levels(one.answers) }; });
    if (definition.kind === "rubric") {
      var names = definition.criteria.map(function (id) { return self.form.querySelector('fieldset[data-criterion="' + id + '"] legend').textContent.trim(); });
      box.appendChild(profile(strings["chart-levels"], definition.criteria, names, labelled, definition.levels));
    } else if (definition.kind === "statements") {
      this.section.querySelectorAll(".hb-assess__group").forEach(function (heading) {
        var ids = [], node = heading.nextElementSibling;
        while (node && node.matches("fieldset[data-criterion]")) { ids.push(node.dataset.criterion); node = node.nextElementSibling; }
        var figure = document.createElement("div"), caption = document.createElement("p");
        figure.className = "hb-assess__chart";
        figure.setAttribute("data-group", heading.textContent.trim());
        caption.className = "hb-assess__chart-caption";
        caption.textContent = heading.textContent.trim();
        figure.appendChild(caption);
        box.appendChild(figure).appendChild(profile(strings["chart-levels"] + ": " + heading.textContent.trim(), ids, ids.map(function (id, i) { return String(i + 1); }), labelled, definition.levels));
      });
    } else {
      var counts = {}, labels = {};
      Object.keys(definition.groups).forEach(function (group) {
        counts[group] = {};
        definition.statuses.forEach(function (status) {
          counts[group][status] = definition.groups[group].filter(function (id) { return ((record.answers[id] || {}).status || "not-started") === status; }).length;
        });
        labels[group] = self.section.querySelector('.hb-assess__summary tr[data-group="' + group + '"] th').textContent;
      });
      definition.statuses.forEach(function (status) { labels[status] = strings["status-" + status]; });
      box.appendChild(statusBars(strings["chart-statuses"], definition.groups, counts, definition.statuses, labels));
    }
    var note = document.createElement("p");
    note.className = "hb-assess__chart-note";
    note.textContent = strings["chart-table"];
    box.appendChild(note);
  };

  /* The table of levels per criterion: one column per snapshot, oldest first, then now. */
  Assessment.prototype.progress = function () {
    var self = this, record = this.record(), snapshots = record.snapshots;
    this.section.querySelector(".hb-assess__progress-empty").hidden = snapshots.length > 0;
    this.section.querySelector(".hb-assess__progress-scroll").hidden = !snapshots.length && !Object.keys(record.answers).length;
    var table = this.section.querySelector(".hb-assess__progress");
    table.querySelectorAll(".hb-assess__then").forEach(function (cell) { cell.remove(); });
    var now = table.querySelector("thead .hb-assess__now");
    snapshots.forEach(function (snapshot, index) {
      var head = document.createElement("th"), remove = document.createElement("button");
      head.scope = "col";
      head.className = "hb-assess__then";
      head.textContent = snapshot.name + " (" + new Date(snapshot.date).toLocaleDateString(self.config.lang) + ") ";
      remove.type = "button";
      remove.className = "hb-assess__remove";
      remove.textContent = "×";
      remove.setAttribute("aria-label", fill(self.strings["snapshot-delete"], { name: snapshot.name }));
      remove.addEventListener("click", function () { self.removeSnapshot(index); });
      head.append(remove);
      now.before(head);
    });
    table.querySelectorAll("tbody tr[data-criterion]").forEach(function (row) {
      var id = row.dataset.criterion, cell = row.querySelector(".hb-assess__now");
      snapshots.forEach(function (snapshot) {
        var then = document.createElement("td");
        then.className = "hb-assess__then";
        then.textContent = self.value(snapshot.answers[id]);
        cell.before(then);
      });
      cell.textContent = self.value(record.answers[id]);
    });
  };

  Assessment.prototype.change = function (event) {
    var fieldset = event.target.closest("fieldset[data-criterion]");
    if (!fieldset) return;
    var answers = this.record().answers, answer = this.read(fieldset);
    if (Object.keys(answer).length) answers[fieldset.dataset.criterion] = answer;
    else delete answers[fieldset.dataset.criterion];
    this.record().updated = new Date().toISOString();
    this.save();
    this.show();
  };

  Assessment.prototype.open = function (open) {
    this.toggle.setAttribute("aria-expanded", String(open));
    this.toggle.textContent = open ? this.strings.close : this.toggleText;
    this.body.hidden = !open;
    if (this.reading) this.reading.hidden = open; // the form shows the same text, ready to fill in and print
    document.documentElement.classList.toggle("hb-assessing", open);
    try {
      var state = JSON.parse(localStorage.getItem(OPEN) || "{}");
      state[this.id] = open;
      localStorage.setItem(OPEN, JSON.stringify(state));
    } catch (error) { /* the answers' own saving reports storage errors */ }
  };

  /* The one-page profile: the charts, each criterion's level now and the next steps (a portfolio's notes). */
  Assessment.prototype.printProfile = function () {
    var self = this, answers = this.record().answers;
    var charts = this.section.querySelector(".hb-assess__profile-charts"), body = this.section.querySelector(".hb-assess__profile-table tbody");
    charts.textContent = "";
    this.section.querySelectorAll(".hb-assess__charts > svg, .hb-assess__charts > .hb-assess__chart").forEach(function (chart) { charts.appendChild(chart.cloneNode(true)); });
    body.textContent = "";
    this.section.querySelectorAll(".hb-assess__progress tbody tr[data-criterion]").forEach(function (row) {
      var answer = answers[row.dataset.criterion], line = document.createElement("tr");
      [row.querySelector("th").textContent, self.value(answer), answer ? answer.next || answer.note || "" : ""].forEach(function (content, i) {
        var cell = document.createElement(i ? "td" : "th");
        cell.textContent = content;
        line.appendChild(cell);
      });
      body.appendChild(line);
    });
    this.printAlone("hb-profiling");
  };

  /* Print one part of the section alone (the class on the document says which, until the printing ends). */
  Assessment.prototype.printAlone = function (mode) {
    var root = document.documentElement;
    root.classList.add(mode);
    window.addEventListener("afterprint", function done() { root.classList.remove(mode); window.removeEventListener("afterprint", done); });
    window.print();
  };

  Assessment.prototype.exportFile = function () {
    var data = { format: this.config.format, version: this.config.version, exported: new Date().toISOString(), assessments: this.store.assessments };
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: "application/json" }));
    link.download = "self-assessment-" + data.exported.slice(0, 10) + ".json";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  };

  Assessment.prototype.importText = function (text) {
    var skip = [], records;
    try {
      records = readFile(text, this.config, skip);
    } catch (problem) {
      this.say(fill(this.strings[problem.key], problem), true);
      return;
    }
    var store = this.store, count = 0;
    Object.keys(records).forEach(function (id) {
      var record = store.assessments[id] || (store.assessments[id] = { answers: {}, snapshots: [] });
      Object.keys(records[id].answers).forEach(function (criterion) { record.answers[criterion] = records[id].answers[criterion]; count++; });
      record.actions = record.actions || [];
      records[id].actions.forEach(function (action) {
        if (!record.actions.some(function (a) { return a.id === action.id; })) { record.actions.push(action); count++; }
      });
      records[id].snapshots.forEach(function (snapshot) {
        var known = record.snapshots.some(function (s) { return s.name === snapshot.name && s.date === snapshot.date; });
        if (!known) record.snapshots.push(snapshot);
      });
      record.snapshots.sort(function (a, b) { return a.date < b.date ? -1 : 1; });
      record.updated = new Date().toISOString();
    });
    this.save(Object.keys(records));
    this.show();
    this.say(fill(this.strings.imported, { n: count }) + (skip.length ? " " + fill(this.strings["import-skipped"], { list: skip.join(", ") }) : ""), skip.length > 0);
  };

  Assessment.prototype.snapshot = function () {
    var input = this.section.querySelector(".hb-assess__snapshot input");
    var name = input.value.trim() || input.placeholder;
    this.record().snapshots.push({ name: name, date: new Date().toISOString(), answers: JSON.parse(JSON.stringify(this.record().answers)) });
    if (this.save()) this.say(fill(this.strings["snapshot-saved"], { name: name }));
    input.value = "";
    this.show();
  };

  Assessment.prototype.removeSnapshot = function (index) {
    var snapshot = this.record().snapshots[index];
    if (!window.confirm(fill(this.strings["snapshot-delete-confirm"], { name: snapshot.name }))) return;
    this.record().snapshots.splice(index, 1);
    this.save();
    this.show();
  };

  Assessment.prototype.clear = function () {
    if (!window.confirm(this.strings["clear-confirm"])) return;
    delete this.store.assessments[this.id];
    if (this.save()) this.say(this.strings.cleared);
    this.show();
  };

  Assessment.prototype.start = function () {
    var self = this, file = this.section.querySelector("input[type=file]");
    var seasons = this.strings.seasons.split(" "), today = new Date();
    this.section.querySelector(".hb-assess__snapshot input").placeholder = seasons[Math.floor(((today.getMonth() + 1) % 12) / 3)] + " " + today.getFullYear();
    this.form.addEventListener("change", function (event) { self.change(event); });
    this.form.addEventListener("input", function (event) { if (event.target.tagName === "TEXTAREA") self.change(event); });
    this.form.addEventListener("submit", function (event) { event.preventDefault(); });
    this.toggle.addEventListener("click", function () { self.open(self.body.hidden); });
    file.addEventListener("change", function () {
      if (!file.files.length) return;
      file.files[0].text().then(function (text) { self.importText(text); file.value = ""; });
    });
    var actions = {
      export: function () { self.exportFile(); },
      import: function () { file.click(); },
      print: function () { window.print(); },
      profile: function () { self.printProfile(); },
      "plan-print": function () { self.printAlone("hb-plan-printing"); },
      clear: function () { self.clear(); },
      snapshot: function () { self.snapshot(); }
    };
    this.section.addEventListener("click", function (event) {
      var act = event.target.closest("[data-act]"), remove = event.target.closest("[data-plan=remove]");
      if (act) self.act(act);
      else if (remove) self.changeAction(remove);
      var button = event.target.closest("button[data-action]");
      if (button) actions[button.dataset.action]();
    });
    this.section.querySelector(".hb-assess__plan-list").addEventListener("change", function (event) {
      if (event.target.matches("[data-plan]")) self.changeAction(event.target);
    });
    window.addEventListener("storage", function (event) { // answers given in another tab or window
      if (event.key === KEY) { self.store = self.load(); self.show(); }
    });
    window.addEventListener("beforeprint", function () { // ticked evidence types print only from an open list
      self.section.querySelectorAll(".hb-assess__types").forEach(function (list) { if (list.querySelector("input:checked")) list.open = true; });
    });
    var jump = document.querySelector('.hb-assess-link a[href="#' + this.section.id + '"]');
    if (jump) {
      jump.parentElement.hidden = false;
      jump.addEventListener("click", function () { self.open(true); });
    }
    this.section.hidden = false;
    this.show();
    var open = false;
    try { open = JSON.parse(localStorage.getItem(OPEN) || "{}")[this.id] === true; } catch (error) { /* closed */ }
    this.open(open);
  };

  document.querySelectorAll("section.hb-assess").forEach(function (section) { new Assessment(section).start(); });
})();
