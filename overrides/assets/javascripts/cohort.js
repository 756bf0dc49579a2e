/* The cohort summary (/assess/cohort/): a trainer chooses or drops the files the directors of a group exported from
   the self-assessment pages, in any language, and sees per criterion how many are at each level (a portfolio
   standard: at each status), now and at each snapshot name the files share, as charts and tables. The files are
   read in this browser and kept only while the page is open; nothing is sent. A file of another format or version
   is refused, with why; the rest are summarised. Names (the files') are shown only when the trainer asks. */
(function () {
  "use strict";
  var kit = window.HandbookAssess, fill = kit.fill;
  var LARGEST = 5 * 1024 * 1024; // an exported file is a few kilobytes

  function element(tag, attributes, content) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (content != null) node.textContent = content;
    return node;
  }

  function Cohort(section) {
    this.section = section;
    this.config = JSON.parse(section.querySelector(".hb-cohort__config").textContent);
    this.strings = this.config.strings;
    this.files = []; // in the order chosen: {name, number, text, records, skip} or {name, number, problem}
    this.names = false;
  }

  /* What a file is called in the summary: its name when the trainer asks for names, else its number. */
  Cohort.prototype.label = function (file) {
    return this.names ? file.name : fill(this.strings.file, { n: file.number });
  };

  /* Read the chosen files (each whole, in this browser), then summarise all the files chosen so far. */
  Cohort.prototype.add = function (list) {
    var self = this;
    return Promise.all(Array.prototype.map.call(list, function (file) {
      if (file.size > LARGEST) return { name: file.name, problem: { key: "too-large" } };
      return file.text().then(function (text) { return { name: file.name, text: text }; }, function () { return { name: file.name, problem: { key: "import-not-json" } }; });
    })).then(function (read) {
      read.forEach(function (file) { self.files.push(self.read(file)); });
      self.show();
    });
  };

  /* One file checked: its usable records, or the problem that leaves it out of the summary. */
  Cohort.prototype.read = function (file) {
    var entry = { name: file.name.replace(/\.json$/i, ""), number: this.files.length + 1 };
    if (file.problem) { entry.problem = file.problem; return entry; }
    var same = this.files.filter(function (other) { return other.text === file.text; })[0];
    if (same) { entry.problem = { key: "duplicate", other: same }; return entry; }
    entry.text = file.text;
    entry.skip = [];
    try {
      entry.records = kit.readFile(file.text, this.config, entry.skip);
    } catch (problem) {
      entry.problem = problem;
      return entry;
    }
    var answered = Object.keys(entry.records).some(function (id) {
      var record = entry.records[id];
      return Object.keys(record.answers).length || record.snapshots.some(function (s) { return Object.keys(s.answers).length; });
    });
    if (!answered) entry.problem = { key: "no-answers" };
    return entry;
  };

  /* The series of one assessment: each snapshot name at least two files share (matched regardless of case and
     spacing; a file's latest snapshot of that name), oldest first by their middle date, then now. */
  Cohort.prototype.series = function (id, files) {
    var shared = {};
    files.forEach(function (file) {
      var latest = {};
      file.records[id].snapshots.forEach(function (snapshot) {
        var key = snapshot.name.trim().replace(/\s+/g, " ").toLowerCase();
        if (!latest[key] || latest[key].date < snapshot.date) latest[key] = snapshot;
      });
      Object.keys(latest).forEach(function (key) {
        var one = shared[key] || (shared[key] = { name: latest[key].name.trim(), dates: [], answers: [], files: [] });
        one.dates.push(latest[key].date);
        one.answers.push(latest[key].answers);
        one.files.push(file);
      });
    });
    var least = files.length > 1 ? 2 : 1;
    var found = Object.keys(shared).map(function (key) { return shared[key]; }).filter(function (one) { return one.files.length >= least; });
    found.forEach(function (one) { one.dates.sort(); one.middle = one.dates[Math.floor(one.dates.length / 2)]; });
    found.sort(function (a, b) { return a.middle < b.middle ? -1 : a.middle > b.middle ? 1 : 0; });
    return found.concat([{ name: this.strings.now, now: true, answers: files.map(function (file) { return file.records[id].answers; }), files: files }]);
  };

  /* Per criterion, the files at each part (a level, or a status) in one series; with the average level. A portfolio
     standard without a status is not started, as on its page; a level not given is "none". */
  function tally(series, summary, portfolio, statuses) {
    var parts = portfolio ? statuses : summary.levels.map(function (_, n) { return String(n + 1); }).concat(["none"]);
    var found = {};
    summary.criteria.forEach(function (criterion) {
      var id = criterion[0], row = { parts: {}, sum: 0, given: 0 };
      parts.forEach(function (part) { row.parts[part] = []; });
      series.answers.forEach(function (answers, i) {
        var answer = answers[id] || {}, part = portfolio ? answer.status || "not-started" : answer.level ? String(answer.level) : "none";
        row.parts[part].push(series.files[i]);
        if (answer.level) { row.sum += answer.level; row.given++; }
      });
      row.mean = row.given ? Math.round(row.sum / row.given * 100) / 100 : null;
      found[id] = row;
    });
    return { parts: parts, rows: found };
  }

  /* One assessment summarised: a heading linking to its page, the charts, and a table per series. */
  Cohort.prototype.summary = function (summary, files) {
    var self = this, strings = this.strings, definition = this.config.definitions[summary.id];
    var portfolio = definition.kind === "portfolio", statuses = definition.statuses;
    var all = this.series(summary.id, files);
    var tallied = all.map(function (one) { return tally(one, summary, portfolio, statuses); });
    var box = element("section", { class: "hb-cohort__assessment", "data-assessment": summary.id });
    var heading = box.appendChild(element("h2"));
    heading.appendChild(element("a", { href: summary.url }, summary.title));
    box.appendChild(element("p", { class: "hb-cohort__answered" }, fill(strings.answered, { n: files.length, total: this.usable().length })));
    var names = all.map(function (one) { return fill(strings.series, { name: one.name, n: one.files.length }); });
    var labels = {}, short = {};
    summary.criteria.forEach(function (criterion) { short[criterion[0]] = criterion[1]; labels[criterion[0]] = definition.kind === "statements" ? criterion[1] + ". " + criterion[2] : criterion[2]; });
    var partLabels = { none: strings["no-answer"] }, now = tallied[tallied.length - 1];
    now.parts.forEach(function (part, k) { if (part !== "none") partLabels[part] = (portfolio ? "" : part + " ") + summary.levels[k]; });
    var charts = box.appendChild(element("div", { class: "hb-cohort__charts" }));
    summary.sections.forEach(function (section) {
      var ids = section[1], figure = charts.appendChild(element("div", { class: "hb-cohort__chart", "data-section": section[0] }));
      if (summary.sections.length > 1) figure.appendChild(element("p", { class: "hb-assess__chart-caption" }, section[0]));
      if (!portfolio) {
        var means = all.map(function (one, k) {
          var values = {};
          ids.forEach(function (id) { if (tallied[k].rows[id].mean) values[id] = tallied[k].rows[id].mean; });
          return { name: names[k], values: values };
        });
        figure.appendChild(kit.profile(strings.average + (summary.sections.length > 1 ? ": " + section[0] : ""), ids, ids.map(function (id) { return short[id]; }), means, summary.levels.length));
      }
      var counts = {};
      ids.forEach(function (id) {
        counts[id] = {};
        now.parts.forEach(function (part) { counts[id][part] = now.rows[id].parts[part].length; });
      });
      var barLabels = Object.assign({}, partLabels);
      ids.forEach(function (id) { barLabels[id] = short[id]; });
      figure.appendChild(kit.bars(strings[portfolio ? "distribution-statuses" : "distribution"] + (summary.sections.length > 1 ? ": " + section[0] : ""), ids, now.parts, counts, barLabels, files.length, { row: "criterion", part: "part" }));
    });
    box.appendChild(element("p", { class: "hb-assess__chart-note" }, strings["chart-table"]));
    all.forEach(function (one, k) { box.appendChild(self.table(summary, one, names[k], tallied[k], labels, partLabels, portfolio)); });
    return box;
  };

  /* The table of one series: a row per criterion (under its section's name), a column per part, the average. */
  Cohort.prototype.table = function (summary, one, name, tallied, labels, partLabels, portfolio) {
    var self = this, scroll = element("div", { class: "hb-assess__scroll", tabindex: "0", role: "region", "aria-label": name });
    var table = scroll.appendChild(element("table", { "data-series": one.now ? "" : one.name })); // styled as the pages' tables
    table.appendChild(element("caption", {}, fill(this.strings[portfolio ? "table-statuses" : "table"], { series: name })));
    var head = table.appendChild(element("thead")).appendChild(element("tr"));
    head.appendChild(element("th", { scope: "col" }, this.strings.criterion));
    tallied.parts.forEach(function (part) { head.appendChild(element("th", { scope: "col" }, partLabels[part])); });
    if (!portfolio) head.appendChild(element("th", { scope: "col" }, this.strings.mean));
    var body = table.appendChild(element("tbody")), columns = tallied.parts.length + (portfolio ? 1 : 2);
    summary.sections.forEach(function (section) {
      if (summary.sections.length > 1) body.appendChild(element("tr", { class: "hb-cohort__section" })).appendChild(element("th", { colspan: columns, scope: "colgroup" }, section[0]));
      section[1].forEach(function (id) {
        var row = body.appendChild(element("tr", { "data-criterion": id })), counted = tallied.rows[id];
        row.appendChild(element("th", { scope: "row" }, labels[id]));
        tallied.parts.forEach(function (part) {
          var cell = row.appendChild(element("td", { "data-part": part }, String(counted.parts[part].length)));
          if (self.names && counted.parts[part].length) cell.appendChild(element("span", { class: "hb-cohort__who" }, counted.parts[part].map(function (file) { return file.name; }).join(", ")));
        });
        if (!portfolio) row.appendChild(element("td", { "data-part": "mean" }, counted.mean == null ? "—" : counted.mean.toLocaleString(self.config.lang, { maximumFractionDigits: 1, minimumFractionDigits: 1 })));
      });
    });
    return scroll;
  };

  Cohort.prototype.usable = function () {
    return this.files.filter(function (file) { return !file.problem; });
  };

  /* The count, the files left out (each with why) and the parts not used, and every assessment some file answers. */
  Cohort.prototype.show = function () {
    var self = this, strings = this.strings, usable = this.usable(), refused = this.files.length - usable.length;
    this.section.querySelector(".hb-cohort__count").textContent = this.files.length ? fill(strings.summarised, { n: usable.length, refused: refused }) : this.empty;
    var list = this.section.querySelector(".hb-cohort__refused");
    list.textContent = "";
    this.files.forEach(function (file) {
      var problem = file.problem, values = { file: self.label(file) };
      if (problem) {
        if (problem.other) values.other = self.label(problem.other);
        if (problem.version) values.version = problem.version;
        list.appendChild(element("li", { "data-file": file.number, "data-problem": problem.key }, fill(strings[problem.key], values)));
      } else if (file.skip.length) {
        values.list = file.skip.join(", ");
        list.appendChild(element("li", { "data-file": file.number, "data-problem": "skipped" }, fill(strings.skipped, values)));
      }
    });
    list.hidden = !list.children.length;
    var box = this.section.querySelector(".hb-cohort__summary");
    box.textContent = "";
    this.config.assessments.forEach(function (summary) {
      var files = usable.filter(function (file) {
        var record = file.records[summary.id];
        return record && (Object.keys(record.answers).length || record.snapshots.length);
      });
      if (files.length) box.appendChild(self.summary(summary, files));
    });
  };

  Cohort.prototype.start = function () {
    var self = this, input = this.section.querySelector("input[type=file]"), drop = this.section.querySelector(".hb-cohort__drop");
    this.empty = this.section.querySelector(".hb-cohort__count").textContent;
    input.addEventListener("change", function () { self.add(input.files).then(function () { input.value = ""; }); });
    drop.addEventListener("dragover", function (event) { event.preventDefault(); drop.classList.add("hb-cohort__drop--over"); });
    drop.addEventListener("dragleave", function () { drop.classList.remove("hb-cohort__drop--over"); });
    drop.addEventListener("drop", function (event) {
      event.preventDefault();
      drop.classList.remove("hb-cohort__drop--over");
      self.add(event.dataTransfer.files);
    });
    this.section.querySelector("[data-action=names]").addEventListener("change", function (event) { self.names = event.target.checked; self.show(); });
    this.section.querySelector("[data-action=print]").addEventListener("click", function () { window.print(); });
    this.section.querySelector("[data-action=clear]").addEventListener("click", function () { self.files = []; self.show(); });
    this.section.querySelector(".hb-cohort__tool").hidden = false;
  };

  document.querySelectorAll("section.hb-cohort").forEach(function (section) { new Cohort(section).start(); });
})();
