/* Saving the handbook for offline reading, in the page's language: the control at the foot of every page
   (macros/templates/offline-control.html) and the notice shown offline in place of a page not saved
   (offline-notice.html). The service worker (sw.js at the site root) stores and serves; this script asks it, shows
   its progress and what it keeps. Nothing is requested until the reader asks: the worker is registered by the first
   save, or when the installed app opens with nothing saved. */
(function () {
  "use strict";
  var holder = document.querySelector("[data-offline-root]");
  if (!holder || !("serviceWorker" in navigator) || !window.caches || !window.isSecureContext) return;
  var workers = navigator.serviceWorker;
  var root = new URL(holder.getAttribute("data-root"), location.href).href; // the site root, where sw.js lies
  var lang = holder.getAttribute("data-lang");
  var current = { packs: {}, pending: {} };
  var busy = false; // a save asked of the worker and not yet answered: only then is its progress shown

  function $(selector) { return holder.querySelector(selector); }
  function all(selector) { return Array.prototype.slice.call(document.querySelectorAll(selector)); }
  function say(text, key, value) { return text.split("{" + key + "}").join(value); }
  // A PDF offered (its `data-url`, relative to the page) by its address below the site root, as packs list them.
  function pdfOf(item) { return new URL(item.getAttribute("data-url"), location.href).href.slice(root.length); }

  function size(bytes) {
    var megabytes = bytes >= 100000;
    var number = megabytes ? (bytes / 1e6).toFixed(1) : String(Math.max(1, Math.round(bytes / 1e3)));
    return say(t[megabytes ? "megabytes" : "kilobytes"], "n", number.replace(".", t.decimal));
  }

  function day(iso) {
    var date = new Date(iso), two = function (n) { return ("0" + n).slice(-2); };
    return say(say(say(t.date, "y", date.getFullYear()), "m", two(date.getMonth() + 1)), "d", two(date.getDate()));
  }

  function registration() {
    return workers.getRegistration(root).then(function (found) { return found && found.active ? found : null; });
  }

  function ask(message) {
    return registration().then(function (found) {
      if (!found) return { ok: true, state: { packs: {}, pending: {} } };
      return new Promise(function (resolve) {
        var channel = new MessageChannel();
        channel.port1.onmessage = function (event) { resolve(event.data); };
        found.active.postMessage(message, [channel.port2]);
      });
    });
  }

  /* The notice page: which languages are saved, and the page asked for. */
  if (holder.getAttribute("data-offline") === "notice") {
    var asked = new URLSearchParams(location.search).get("page");
    if (asked && new URL(asked, root).href.indexOf(root) === 0) $("[data-offline='retry']").href = new URL(asked, root).href;
    ask({ type: "state" }).then(function (reply) {
      var saved = Object.keys(reply.state.packs).filter(function (l) { return reply.state.packs[l].pages; });
      all("[data-offline='saved'] [data-lang]").forEach(function (item) { item.hidden = saved.indexOf(item.getAttribute("data-lang")) < 0; });
      $("[data-offline='nothing-saved']").hidden = saved.length > 0;
      $("[data-offline='saved']").hidden = saved.length === 0;
    });
    return;
  }

  var pack = new URL(holder.getAttribute("data-pack"), location.href).href;
  var t = JSON.parse(holder.querySelector(".hb-offline__strings").textContent);
  var save = $("[data-offline='save']"), remove = $("[data-offline='remove']"), status = $(".hb-offline__status");
  var bytes = Number(save.getAttribute("data-offline-bytes")), transfer = Number(save.getAttribute("data-offline-transfer"));
  var label = save.textContent;

  function show(state, note) {
    current = state;
    var mine = state.packs[lang];
    var saved = Boolean(mine && mine.pages);
    if (busy) return; // a save under way: its progress shows, and its answer comes with the state
    save.setAttribute("data-offline-state", saved ? "saved" : "");
    save.setAttribute("aria-disabled", String(saved));
    save.textContent = saved ? say(t.saved, "date", day(mine.built)) : label + (transfer ? " · " + size(transfer) : "");
    remove.hidden = !mine;
    status.textContent = note || "";
    all("[data-offline='pdfs'] [data-url]").forEach(function (item) {
      var kept = Boolean(mine && mine.pdfs.indexOf(pdfOf(item)) >= 0);
      var button = item.querySelector("button");
      button.disabled = kept;
      button.textContent = kept ? t["pdf-saved"] : t["pdf-save"];
    });
  }

  function store(message) {
    var connection = navigator.connection;
    var need = message.pdfs ? message.bytes : bytes;
    if (connection && connection.saveData && !window.confirm(say(t["data-saver"], "size", size(message.pdfs ? need : transfer)))) {
      return Promise.resolve();
    }
    var estimate = navigator.storage && navigator.storage.estimate ? navigator.storage.estimate() : Promise.resolve(null);
    return estimate.then(function (space) {
      if (space && space.quota - space.usage < need * 1.1) {
        status.textContent = say(say(t["no-space"], "size", size(need)), "free", size(space.quota - space.usage));
        return;
      }
      // Asked alongside, not waited for: a browser may ask the reader, and the download need not wait for the answer.
      var lasting = navigator.storage && navigator.storage.persist ? navigator.storage.persist() : Promise.resolve(true);
      save.setAttribute("data-offline-state", "saving");
      busy = true;
      return workers.register(root + "sw.js").then(function () { return workers.ready; }).then(function () {
        return ask(message);
      }).then(function (reply) {
        busy = false; // the worker's last progress message may come after its answer
        show(reply.state, reply.ok ? "" : t.failed);
        if (!reply.ok) save.setAttribute("data-offline-state", "failed");
        else lasting.then(function (granted) { if (!granted && !status.textContent) status.textContent = t["not-persistent"]; });
      });
    }).catch(function () {
      busy = false;
      save.setAttribute("data-offline-state", "failed");
      status.textContent = t.failed;
    });
  }

  save.addEventListener("click", function () {
    var state = save.getAttribute("data-offline-state");
    if (state !== "saved" && state !== "saving") store({ type: "save", lang: lang, pack: pack, pages: true });
  });

  remove.addEventListener("click", function () {
    ask({ type: "remove", lang: lang }).then(function (reply) { show(reply.state, t.removed); });
  });

  /* PDFs, one by one or all: their sizes come from the pack file, asked for when the reader opens the list. */
  var pdfs = $("[data-offline='pdfs']"), sizes = {};
  pdfs.addEventListener("toggle", function () {
    if (!pdfs.open || pdfs.getAttribute("data-loaded")) return;
    fetch(pack, { cache: "no-cache" }).then(function (response) { return response.json(); }).then(function (file) {
      file.pdfs.forEach(function (entry) { sizes[entry.url] = entry.bytes; });
      var offered = all("[data-offline='pdfs'] [data-url]").filter(function (item) {
        var url = pdfOf(item);
        item.hidden = !(url in sizes);
        if (url in sizes) item.querySelector(".hb-offline__pdf-size").textContent = size(sizes[url]);
        return url in sizes;
      });
      var total = offered.reduce(function (sum, item) { return sum + sizes[pdfOf(item)]; }, 0);
      $("[data-offline='save-pdfs']").textContent = say(t["pdfs-all"], "size", size(total));
      $("[data-offline='save-pdfs']").hidden = !offered.length;
      $("[data-offline='no-pdfs']").hidden = offered.length > 0;
      pdfs.setAttribute("data-loaded", "true");
      show(current);
    }).catch(function () { status.textContent = t.failed; });
  });

  function savePdfs(urls) {
    var need = urls.reduce(function (sum, url) { return sum + (sizes[url] || 0); }, 0);
    store({ type: "save", lang: lang, pack: pack, pdfs: urls, bytes: need });
  }

  pdfs.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) return;
    if (button.getAttribute("data-offline") === "save-pdfs") {
      savePdfs(all("[data-offline='pdfs'] [data-url]").filter(function (i) { return !i.hidden; }).map(function (i) { return pdfOf(i); }));
    } else if (button.closest("[data-url]")) {
      savePdfs([pdfOf(button.closest("[data-url]"))]);
    }
  });

  /* What the worker says while it works, and when a new edition is stored whole. */
  workers.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.lang !== lang) return;
    if (message.type === "progress" && message.total && busy) {
      save.setAttribute("data-offline-state", "saving");
      save.textContent = say(t.saving, "percent", Math.floor((100 * message.done) / message.total));
    } else if (message.type === "update") {
      $("[data-offline='update']").hidden = false;
    }
  });

  $("[data-offline='reload']").addEventListener("click", function () { location.reload(); });

  holder.hidden = false;
  ask({ type: "state" }).then(function (reply) {
    show(reply.state);
    var installed = window.matchMedia("(display-mode: standalone)").matches;
    var saving = navigator.connection && navigator.connection.saveData;
    if (installed && !saving && !reply.state.packs[lang]) save.click();
  });
})();
