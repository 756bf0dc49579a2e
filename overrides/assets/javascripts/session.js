/* The session builder (session/) and its print view (session/sheet/), from handbook/session.py.

   - The state lives in the address's fragment, so a link reproduces the handout in any browser (a piece named by
     an id it had in an earlier release, `renamed_from`, is found under its id now):
     items=<id>,<id>,~,<id> (a ~ is a blank box for notes after the piece before it), lang=kk,ru (one language or
     two side by side), title, date, place, notes, form=1 (the name, school and date line).
   - The builder lists every piece as a checkbox; the chosen ones stand in order, moved by dragging or with the
     buttons. Each change rewrites the address and the print view beside it follows. Recent sessions are kept in
     the browser (localStorage). An id the handbook no longer has is named, and the rest kept.
   - The print view loads each language's pieces script (session/pieces.js, drawn by the site's own templates) and
     puts each piece in a row, its versions level with each other (pair.html), with the QR code of its first
     piece's page. */
(function () {
  "use strict";

  var BOX = "~";
  var FIELDS = ["title", "date", "place", "notes"];
  var KEPT = "handbook-sessions", KEEP = 10;

  function read(hash, known) {
    var query = new URLSearchParams(String(hash).replace(/^#/, ""));
    var state = { items: (query.get("items") || "").split(",").filter(Boolean), form: query.get("form") === "1" };
    state.langs = (query.get("lang") || "").split(",").filter(function (lang, i, all) {
      return known.indexOf(lang) >= 0 && all.indexOf(lang) === i;
    }).slice(0, 2);
    FIELDS.forEach(function (field) { state[field] = query.get(field) || ""; });
    return state;
  }

  function write(state) {
    var query = new URLSearchParams();
    query.set("items", state.items.join(","));
    query.set("lang", state.langs.join(","));
    FIELDS.forEach(function (field) { if (state[field]) query.set(field, state[field]); });
    if (state.form) query.set("form", "1");
    return "#" + query.toString().replace(/%2C/g, ",");
  }

  function clone(template) { return template.content.firstElementChild.cloneNode(true); }
  function all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }

  // ---- The builder ----

  function builder(root) {
    var form = root.querySelector("form");
    var inputs = {};
    all(root, ".hb-session__piece input").forEach(function (input) { inputs[input.value] = input; });
    var known = all(form, "select[name=lang] option").map(function (option) { return option.value; });
    var strings = JSON.parse(root.querySelector("[data-session-strings]").textContent);
    var renamed = JSON.parse(root.querySelector("[data-session-renamed]").textContent);  // an earlier id → today's
    var order = root.querySelector("[data-session-order]");
    var live = root.querySelector("[data-session-live]");
    var preview = root.querySelector("[data-session-preview]");
    var opener = root.querySelector("[data-session-open]");
    var sheet = root.getAttribute("data-sheet");
    var state;

    function labelOf(id) { return inputs[id].parentNode.textContent.trim(); }

    // The chosen pieces, each with whether a box for notes follows it.
    function chosen() {
      var list = [];
      state.items.forEach(function (id) {
        if (id === BOX) { if (list.length) list[list.length - 1].box = true; } else list.push({ id: id, box: false });
      });
      return list;
    }

    function keep(list) {
      state.items = [];
      list.forEach(function (entry) { state.items.push(entry.id); if (entry.box) state.items.push(BOX); });
    }

    function show(focus) {
      var list = chosen();
      order.textContent = "";
      list.forEach(function (entry, i) {
        var row = clone(root.querySelector("[data-session-row]"));
        row.setAttribute("data-item", entry.id);
        row.querySelector("[data-session-label]").textContent = labelOf(entry.id);
        row.querySelector("[data-box]").setAttribute("aria-pressed", String(entry.box));
        row.querySelector("[data-move='-1']").disabled = i === 0;
        row.querySelector("[data-move='1']").disabled = i === list.length - 1;
        order.appendChild(row);
      });
      Object.keys(inputs).forEach(function (id) { inputs[id].checked = state.items.indexOf(id) >= 0; });
      root.querySelector("[data-session-empty]").hidden = list.length > 0;
      var row = focus && order.querySelector("[data-item='" + focus[0] + "']");
      if (row) (row.querySelector(focus[1] + ":not([disabled])") || row.querySelector("button:not([disabled])")).focus();
    }

    function save() {
      var hash = write(state);
      history.replaceState(null, "", hash);
      opener.href = sheet + hash;
      preview.hidden = !chosen().length;  // the print view (and its pieces) loads once there is something to show
      root.querySelector("[data-session-print]").disabled = preview.hidden;
      if (!preview.hidden && preview.getAttribute("src") !== sheet + hash) preview.setAttribute("src", sheet + hash);
    }

    function changed(focus) { show(focus); save(); }

    function load() {
      state = read(location.hash, known);
      if (!state.langs.length) state.langs = [document.documentElement.lang];
      state.items = state.items.map(function (id) { return renamed[id] || id; }).filter(function (id, i, items) { return id === BOX || items.indexOf(id) === i; });
      var missing = state.items.filter(function (id) { return id !== BOX && !inputs[id]; });
      root.querySelector("[data-session-missing]").hidden = !missing.length;
      root.querySelector("[data-session-missing-ids]").textContent = missing.join(", ");
      state.items = state.items.filter(function (id) { return id === BOX || inputs[id]; });
      FIELDS.forEach(function (field) { form.elements[field].value = state[field]; });
      form.elements.form.checked = state.form;
      form.elements.lang.value = state.langs[0];
      form.elements["with"].value = state.langs[1] || "";
      changed();
    }

    function move(id, by, button) {
      var list = chosen();
      var at = list.findIndex(function (entry) { return entry.id === id; });
      var to = Math.max(0, Math.min(list.length - 1, at + by));
      if (to === at) return;
      list.splice(to, 0, list.splice(at, 1)[0]);
      keep(list);
      changed(button ? [id, button] : null);
      live.textContent = strings.moved.replace("{label}", labelOf(id)).replace("{n}", to + 1).replace("{total}", list.length);
    }

    root.addEventListener("change", function (event) {
      var input = event.target;
      if (input.closest(".hb-session__piece")) {
        var list = chosen().filter(function (entry) { return entry.id !== input.value; });
        if (input.checked) list.push({ id: input.value, box: false });
        keep(list);
        changed();
      } else if (input.name === "lang" || input.name === "with") {
        var first = form.elements.lang.value, second = form.elements["with"].value;
        state.langs = second && second !== first ? [first, second] : [first];
        save();
      } else if (input.name === "form") {
        state.form = input.checked;
        save();
      }
    });
    form.addEventListener("input", function (event) {
      if (FIELDS.indexOf(event.target.name) >= 0) { state[event.target.name] = event.target.value; save(); }
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });

    order.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) return;
      var id = button.closest("[data-item]").getAttribute("data-item");
      if (button.hasAttribute("data-move")) {
        var by = Number(button.getAttribute("data-move"));
        move(id, by, "[data-move='" + by + "']");
      } else if (button.hasAttribute("data-box")) {
        var list = chosen();
        list.forEach(function (entry) { if (entry.id === id) entry.box = !entry.box; });
        keep(list);
        changed([id, "[data-box]"]);
      } else if (button.hasAttribute("data-remove")) {
        keep(chosen().filter(function (entry) { return entry.id !== id; }));
        changed();
        (order.querySelector("button") || inputs[id]).focus();
      }
    });

    // Dragging a row before another.
    var dragged = null;
    order.addEventListener("dragstart", function (event) {
      var row = event.target.closest("[data-item]");
      dragged = row && row.getAttribute("data-item");
      if (dragged) event.dataTransfer.setData("text/plain", dragged);
    });
    order.addEventListener("dragover", function (event) { if (dragged) event.preventDefault(); });
    order.addEventListener("drop", function (event) {
      var row = event.target.closest("[data-item]");
      event.preventDefault();
      if (!dragged || !row) return;
      var list = chosen();
      var ids = list.map(function (entry) { return entry.id; });
      move(dragged, ids.indexOf(row.getAttribute("data-item")) - ids.indexOf(dragged));
      dragged = null;
    });

    // Filtering by page and by words.
    var page = root.querySelector("[data-session-page]");
    var search = root.querySelector("[data-session-search]");
    var finder = searcher(root);
    function filter() {
      var slug = page.value;
      finder(search.value).then(function (found) {
        var any = false;
        all(root, ".hb-session__group").forEach(function (group) {
          var shown = 0;
          all(group, ".hb-session__piece").forEach(function (piece) {
            var show = (!slug || group.getAttribute("data-page") === slug) && (!found || found(piece));
            piece.hidden = !show;
            shown += show ? 1 : 0;
          });
          group.hidden = !shown;
          any = any || shown > 0;
        });
        root.querySelector("[data-session-no-match]").hidden = any;
      });
    }
    page.addEventListener("change", filter);
    search.addEventListener("input", filter);

    // Printing the preview, opening it, copying the link; recent sessions.
    root.querySelector("[data-session-print]").addEventListener("click", function () {
      remember();
      try { preview.contentWindow.focus(); preview.contentWindow.print(); } catch (error) { window.open(opener.href); }
    });
    opener.addEventListener("click", remember);
    root.querySelector("[data-session-copy]").addEventListener("click", function () {
      remember();
      var done = function () { live.textContent = strings.copied; };
      if (navigator.clipboard) navigator.clipboard.writeText(location.href).then(done, function () { window.prompt("", location.href); });
      else window.prompt("", location.href);
    });
    window.addEventListener("pagehide", remember);

    function recent() {
      try { return JSON.parse(localStorage.getItem(KEPT) || "[]"); } catch (error) { return []; }
    }
    function remember() {
      if (!chosen().length) return;
      var hash = write(state);
      var list = recent().filter(function (entry) { return entry.hash !== hash && !(state.title && entry.title === state.title); });
      list.unshift({ hash: hash, title: state.title, count: chosen().length, at: new Date().toISOString().slice(0, 10) });
      try { localStorage.setItem(KEPT, JSON.stringify(list.slice(0, KEEP))); } catch (error) { return; }
      listRecent();
    }
    function listRecent() {
      var list = recent();
      var box = root.querySelector("[data-session-recent]");
      var target = root.querySelector("[data-session-recent-list]");
      target.textContent = "";
      list.forEach(function (entry) {
        var item = clone(root.querySelector("[data-session-recent-item]"));
        var link = item.querySelector("a");
        link.href = entry.hash;
        link.textContent = (entry.title || strings.untitled) + " · " + entry.count + " · " + entry.at.split("-").reverse().join(".");
        target.appendChild(item);
      });
      box.hidden = !list.length;
    }

    window.addEventListener("hashchange", function () { if (location.hash !== write(state)) load(); });
    root.querySelector(".hb-session__nojs").hidden = true;
    form.hidden = false;
    listRecent();
    load();
  }

  // What the search box finds: the site's own search (its index and worker, the rules of every search on the site)
  // gives the anchors of the items it finds, and a piece is found when one of its anchors is; where the worker cannot
  // run (a page read from a folder), every typed word starting a word of the piece's label.
  function searcher(root) {
    var config = document.getElementById("__config");
    var settings = config ? JSON.parse(config.textContent) : null;
    var worker = null, ready = null, pending = {}, asked = 0;

    function local(query) {
      var words = query.toLowerCase().split(/\s+/).filter(Boolean);
      return function (piece) {
        var text = " " + piece.textContent.toLowerCase().replace(/[^0-9a-z\u00c0-\u024f\u0400-\u052f]+/g, " ");
        return words.every(function (word) { return text.indexOf(" " + word) >= 0; });
      };
    }

    function start() {
      if (ready) return ready;
      ready = new Promise(function (resolve, reject) {
        if (!settings || !settings.search || location.protocol === "file:") return reject(new Error("no worker"));
        worker = new Worker(settings.search);
        worker.onerror = reject;
        worker.onmessage = function (event) {
          var message = event.data;
          if (message.type === 1) resolve();
          else if (message.type === 3 && pending.resolve) pending.resolve(message.data.items || []);
        };
        fetch(new URL("search/search_index.json", new URL(settings.base, location.href)))
          .then(function (response) { return response.json(); })
          .then(function (index) { index.options = { suggest: false }; worker.postMessage({ type: 0, data: index }); }, reject);
      });
      return ready;
    }

    return function (query) {
      query = query.trim();
      if (!query) return Promise.resolve(null);
      var mine = ++asked;
      return start().then(function () {
        return new Promise(function (resolve) {
          pending = { resolve: resolve };
          worker.postMessage({ type: 2, data: query });
        });
      }).then(function (results) {
        if (mine !== asked) return local(query);
        var anchors = {};
        results.forEach(function (group) {
          group.forEach(function (result) { anchors[String(result.location).split("#")[1]] = true; });
        });
        return function (piece) {
          return piece.getAttribute("data-anchors").split(" ").some(function (id) { return anchors[id]; });
        };
      }, function () { return local(query); });
    };
  }

  // ---- The print view ----

  function sheet(body) {
    var scripts = JSON.parse(body.getAttribute("data-pieces"));
    var known = Object.keys(scripts);
    var loaded = {};

    function load(lang) {
      if (!loaded[lang]) {
        loaded[lang] = new Promise(function (resolve, reject) {
          var script = document.createElement("script");
          script.src = scripts[lang];
          script.onload = function () { resolve(self.handbookPieces[lang]); };
          script.onerror = reject;
          document.head.appendChild(script);
        });
      }
      return loaded[lang];
    }

    function draw() {
      var state = read(location.hash, known);
      if (!state.langs.length) state.langs = [document.documentElement.lang];
      body.querySelector("[data-session-back]").href = body.querySelector("[data-session-back]").href.split("#")[0] + location.hash;
      Promise.all(state.langs.map(load)).then(function (data) { fill(state, data); });
    }

    function both(data, key) {
      return data.map(function (one) { return one.strings[key]; }).filter(function (text, i, list) { return list.indexOf(text) === i; }).join(" / ");
    }

    function fill(state, data) {
      var first = data[0];
      var target = body.querySelector("[data-session-handout]");
      state.items = state.items.map(function (id) { return first.renamed[id] || id; });
      var missing = state.items.filter(function (id) { return id !== BOX && !first.pieces[id]; });
      var ids = state.items.filter(function (id) { return id === BOX || first.pieces[id]; });
      var pieceIds = ids.filter(function (id) { return id !== BOX; });
      body.querySelector("[data-session-missing]").hidden = !missing.length;
      body.querySelector("[data-session-missing-ids]").textContent = missing.join(", ");
      body.querySelector("[data-session-hint]").hidden = pieceIds.length > 0;
      target.textContent = "";

      var firstFile = pieceIds.length ? first.files[first.pieces[pieceIds[0]].file] : null;
      var code = firstFile && first.qr[firstFile.page];
      if (code) {
        var qr = clone(body.querySelector("[data-session-qr]"));
        qr.href = code.address;
        qr.setAttribute("data-qr", code.address);
        qr.setAttribute("aria-label", code.address);
        qr.innerHTML = code.svg;  // segno's SVG, drawn at build time
        target.appendChild(qr);
      }
      if (state.title) {
        var head = clone(body.querySelector("[data-session-head]"));
        head.textContent = state.title;
        target.appendChild(head);
      }
      var when = [state.date && both(data, "session.date") + ": " + state.date.split("-").reverse().join("."), state.place && both(data, "session.place") + ": " + state.place].filter(Boolean);
      if (when.length) line(when.join(" · "));
      if (state.notes) line(state.notes, "hb-session__notes");
      if (state.form) {
        var who = clone(body.querySelector("[data-session-who]"));
        var field = who.firstElementChild;
        ["form.name", "form.school", "form.date"].forEach(function (key) {
          var one = field.cloneNode(true);
          one.querySelector(".hb-form__label").textContent = both(data, key) + ":";
          who.appendChild(one);
        });
        who.removeChild(field);
        target.appendChild(who);
      }

      var previous = null, wide = false;
      ids.forEach(function (id) {
        if (id === BOX) {
          var box = clone(body.querySelector("[data-session-notes]"));
          box.firstElementChild.textContent = both(data, "discussion.notes");
          target.appendChild(box);
          return;
        }
        var file = first.pieces[id].file;
        var row = clone(body.querySelector("[data-session-pair]"));
        var side = row.querySelector(".hb-pair__side");
        row.setAttribute("data-session-item", id);
        row.style.setProperty("--hb-sides", data.length);
        row.classList.toggle("hb-pair--first", file !== previous);
        data.forEach(function (one) {
          var part = side.cloneNode(false);
          part.setAttribute("lang", one.lang);
          part.innerHTML = one.pieces[id] ? one.pieces[id].html : "";
          var base = new URL("sheet/", new URL(scripts[one.lang], location.href));
          all(part, "[href]").forEach(function (link) { link.href = new URL(link.getAttribute("href"), base).href; });
          all(part, "[id]").forEach(function (element) { element.removeAttribute("id"); });
          row.appendChild(part);
        });
        row.removeChild(side);
        target.appendChild(row);
        wide = wide || first.files[file].landscape || (data.length > 1 && first.files[file].table);
        previous = file;
      });

      function line(text, extra) {
        var paragraph = clone(body.querySelector("[data-session-line]"));
        paragraph.textContent = text;
        if (extra) paragraph.classList.add(extra);
        target.appendChild(paragraph);
      }

      var site = body.getAttribute("data-site-name");
      var footer = [state.title, site].filter(Boolean).join(" · ");
      body.classList.toggle("hb-sheet--landscape", wide);
      document.documentElement.lang = first.lang;
      document.title = (state.title || body.getAttribute("data-title")) + " — " + site;
      document.querySelector("style[data-session-page]").textContent = "@page { size: A4 " + (wide ? "landscape" : "portrait") +
        "; @bottom-left { content: " + JSON.stringify(footer) + "; } @bottom-right { content: " + JSON.stringify(both(data, "print.page")) + " \" \" counter(page) \" / \" counter(pages); } }";
      body.setAttribute("data-session-ready", write(state));
    }

    window.addEventListener("hashchange", draw);
    body.querySelector(".hb-session__nojs").hidden = true;
    if (window.parent !== window) body.querySelector(".hb-sheet__bar").hidden = true;  // the builder's preview
    draw();
  }

  var root = document.querySelector("[data-session-builder]");
  if (root) builder(root);
  if (document.body && document.body.hasAttribute("data-session-sheet")) sheet(document.body);
})();
