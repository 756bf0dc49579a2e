/* Self-assessment: the reader rates each criterion of a rubric (or tracks each portfolio standard), privately.
   Answers stay in this browser's localStorage, by language-independent ids, so every language of the page shows
   the same answers; they are exported and imported as a versioned JSON file (schemas/self-assessment.md).
   Progressive enhancement: without this script the section stays hidden and the page is the plain rubric. */
(function () {
  "use strict";
  var KEY = "cpm-handbook:self-assessment";
  var OPEN = KEY + ":open"; // which assessments the reader has open (not part of the answers)
  var kit = window.HandbookAssess, FIELDS = kit.FIELDS, fill = kit.fill, isObject = kit.isObject, migrate = kit.migrate, readFile = kit.readFile, profile = kit.profile, statusBars = kit.statusBars;

  function empty(config) {
    return { format: config.format, version: config.version, assessments: {} };
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
