/* The handbook's service worker. assets/javascripts/offline.js registers it when a reader first saves a language,
   never before. It stores each saved language's pack (handbook/edition.py writes `<language root>offline/pack.json`:
   every file with its digest) as one edition in a cache of its own, serves that language's pages from it first,
   and takes a new edition only whole: downloaded in the background into a second cache, every file checked against
   the pack's digest, then switched to at the next page opened (the open pages say "a new edition is available —
   reload"). Its scope is the site root, so it sees every language; what it keeps is in the Cache API only. */
"use strict";

var SCOPE = self.registration.scope; // the site root, ending in "/"
var NAME = "handbook " + new URL(SCOPE).pathname; // every cache of this site (a host may serve several sites)
var STATE = SCOPE + "offline/state.json"; // what is saved, stored under this address in the cache NAME
var JSON_TYPE = { "Content-Type": "application/json" };
var FRESH = { cache: "no-cache" }; // revalidated with the server (a file whose digest differs is asked again whole)
var NEW = { cache: "no-store" }; // the pack and its edition's id: never from the HTTP cache, whose date may mislead

var state = null; // a promise of {packs: {lang: Saved}, pending: {lang: Saved}}, the same object for every event
var storing = Promise.resolve();
var queue = Promise.resolve(); // downloads and removals, one at a time
var checks = {}; // lang -> the check for a new edition under way
var from = {}; // a page (client id) -> the cache it was served from, "" for the network

/* Saved: {edition, built, cache, url (of its pack), check (its edition id's), pages (saved or not), pdfs (addresses),
   languages (each language's root and notice page)} */

function loaded() {
  state = state || caches.open(NAME).then(function (cache) { return cache.match(STATE); }).then(function (found) {
    return found ? found.json() : { packs: {}, pending: {} };
  });
  return state;
}

function store(saved) {
  storing = storing.catch(function () {}).then(function () {
    return caches.open(NAME).then(function (cache) {
      return cache.put(STATE, new Response(JSON.stringify(saved), { headers: JSON_TYPE }));
    });
  });
  return storing.then(function () { return saved; });
}

function serially(task) {
  var done = queue.then(task, task);
  queue = done.catch(function () {});
  return done;
}

function tell(message) {
  return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (all) {
    all.forEach(function (client) { client.postMessage(message); });
  });
}

/* Addresses: a path below the site root; a page by its folder, as packs list them. */
function below(url) {
  return url.indexOf(SCOPE) === 0 ? url.slice(SCOPE.length).split(/[?#]/)[0] : null;
}

function asPage(path) {
  return path.replace(/(^|\/)index\.html$/, "$1");
}

function languages(saved) {
  var any = Object.keys(saved.packs).map(function (lang) { return saved.packs[lang]; })[0];
  return any ? any.languages : {};
}

function languageOf(path, saved) {
  var roots = languages(saved), found = null;
  Object.keys(roots).forEach(function (lang) {
    var root = roots[lang].root;
    if (path.indexOf(root) === 0 && (found === null || root.length > roots[found].root.length)) found = lang;
  });
  return found;
}

function inCache(name, path) {
  return name ? caches.match(SCOPE + asPage(path), { cacheName: name, ignoreSearch: true }) : Promise.resolve();
}

function inAnyPack(saved, path) {
  var names = Object.keys(saved.packs).map(function (lang) { return saved.packs[lang].cache; });
  return names.reduce(function (found, name) {
    return found.then(function (hit) { return hit || inCache(name, path); });
  }, Promise.resolve());
}

/* Storing an edition */
function Changed() { this.message = "the site published another edition during the download"; }

function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
}

function fetchJson(url) {
  return fetch(url, NEW).then(function (response) {
    if (!response.ok) throw new Error(url + ": " + response.status);
    return response.json();
  });
}

function fill(pack, url, pages, pdfs, progress) {
  var name = NAME + " " + pack.lang + " " + pack.edition;
  var wanted = (pages ? pack.files : []).concat(pack.pdfs.filter(function (e) { return pdfs.indexOf(e.url) >= 0; }));
  var total = wanted.reduce(function (sum, e) { return sum + e.bytes; }, 0), done = 0;
  return caches.open(name).then(function (cache) {
    function next() {
      var entry = wanted.shift();
      if (!entry) return Promise.resolve();
      var address = SCOPE + entry.url;
      function stored(how, again) {
        return fetch(address, how).then(function (response) {
          if (!response.ok) throw new Error(address + ": " + response.status);
          return response.arrayBuffer().then(function (body) {
            return crypto.subtle.digest("SHA-256", body).then(function (digest) {
              if (hex(digest).slice(0, 16) === entry.sha) {
                var type = response.headers.get("Content-Type");
                return cache.put(address, new Response(body, { headers: type ? { "Content-Type": type } : {} }));
              }
              if (again) return stored({ cache: "reload" }, false); // the HTTP cache's copy, kept by an older date
              throw new Changed();
            });
          });
        });
      }
      return cache.match(address).then(function (kept) {
        return kept || stored(FRESH, true);
      }).then(function () {
        done += entry.bytes;
        progress(done, total);
        return next();
      });
    }
    return Promise.all([next(), next(), next(), next()]).then(function () {
      return cache.put(url, new Response(JSON.stringify(pack), { headers: JSON_TYPE }));
    });
  }).then(function () {
    var check = SCOPE + pack.check;
    return { edition: pack.edition, built: pack.built, cache: name, url: url, check: check, pages: pages, pdfs: pdfs, languages: pack.languages };
  });
}

function download(url, pages, pdfs, progress, keep) { // keep: the caches in use, left as they are if it fails
  function attempt(left) {
    return fetchJson(url).then(function (pack) {
      return fill(pack, url, pages, pdfs, progress).catch(function (error) {
        var name = NAME + " " + pack.lang + " " + pack.edition;
        var cleared = keep.indexOf(name) >= 0 ? Promise.resolve() : caches.delete(name);
        return cleared.then(function () {
          if (error instanceof Changed && left) return attempt(left - 1);
          throw error;
        });
      });
    });
  }
  return attempt(2);
}

function save(lang, url, pages, pdfs) {
  return serially(function () {
    return loaded().then(function (saved) {
      var old = saved.packs[lang];
      var wantPages = Boolean(pages || (old && old.pages));
      var wantPdfs = (old ? old.pdfs : []).concat((pdfs || []).filter(function (p) { return !old || old.pdfs.indexOf(p) < 0; }));
      function progress(done, total) { tell({ type: "progress", lang: lang, done: done, total: total }); }
      var inUse = [old, saved.pending[lang]].filter(Boolean).map(function (s) { return s.cache; });
      return download(url, wantPages, wantPdfs, progress, inUse).then(function (next) {
        var dropped = [old, saved.pending[lang]].filter(function (s) { return s && s.cache !== next.cache; });
        saved.packs[lang] = next;
        delete saved.pending[lang];
        return store(saved).then(function () {
          return Promise.all(dropped.map(function (s) { return caches.delete(s.cache); }));
        }).then(function () { return saved; });
      });
    });
  });
}

function remove(lang) {
  return serially(function () {
    return loaded().then(function (saved) {
      var dropped = [saved.packs[lang], saved.pending[lang]].filter(Boolean);
      delete saved.packs[lang];
      delete saved.pending[lang];
      return store(saved).then(function () {
        return Promise.all(dropped.map(function (s) { return caches.delete(s.cache); }));
      }).then(function () {
        if (Object.keys(saved.packs).length) return saved;
        return caches.delete(NAME).then(function () { state = null; return self.registration.unregister(); }).then(function () { return { packs: {}, pending: {} }; });
      });
    });
  });
}

/* A new edition: checked when a saved page opens, downloaded whole in the background, taken at the next page. */
function check(lang) {
  var connection = self.navigator.connection;
  if (checks[lang] || (connection && connection.saveData)) return checks[lang] || Promise.resolve();
  checks[lang] = serially(function () {
    return loaded().then(function (saved) {
      var current = saved.packs[lang];
      if (!current) return;
      return fetchJson(current.check).then(function (published) {
        var known = saved.pending[lang] || current;
        if (published.edition === known.edition) return;
        var inUse = [current, saved.pending[lang]].filter(Boolean).map(function (s) { return s.cache; });
        return download(current.url, current.pages, current.pdfs, function () {}, inUse).then(function (next) {
          var stale = saved.pending[lang];
          if (!saved.packs[lang]) return caches.delete(next.cache); // removed meanwhile
          saved.pending[lang] = next;
          return store(saved).then(function () {
            if (stale && stale.cache !== next.cache) caches.delete(stale.cache);
            return tell({ type: "update", lang: lang, edition: next.edition, built: next.built });
          });
        });
      });
    });
  }).catch(function () {}).then(function () { checks[lang] = null; });
  return checks[lang];
}

function switchTo(saved, lang) {
  var next = saved.pending[lang], old = saved.packs[lang];
  if (!next || !old) return Promise.resolve();
  saved.packs[lang] = next;
  delete saved.pending[lang];
  return store(saved).then(function () { if (old.cache !== next.cache) return caches.delete(old.cache); });
}

/* Serving */
function notice(saved, lang, path, request) {
  var target = lang && languages(saved)[lang].notice;
  if (!target || request.destination !== "document" || asPage(path) === target) return Response.error();
  return Response.redirect(SCOPE + target + "?page=" + encodeURIComponent(path), 302);
}

function navigate(event, path) {
  return loaded().then(function (saved) {
    var lang = languageOf(path, saved);
    if (lang === null) return fetch(event.request);
    return switchTo(saved, lang).then(function () {
      var pack = saved.packs[lang], name = pack && pack.cache;
      return inCache(name, path).then(function (hit) {
        if (!hit && name && !/\/$|\.[a-z0-9]+$/i.test(path)) return inCache(name, path + "/");
        return hit;
      }).then(function (hit) {
        if (pack) event.waitUntil(check(lang));
        if (hit) {
          from[event.resultingClientId] = name;
          return hit;
        }
        return fetch(event.request).then(function (response) {
          from[event.resultingClientId] = "";
          return response;
        }, function () {
          return inAnyPack(saved, path).then(function (copy) { return copy || notice(saved, lang, path, event.request); });
        });
      });
    });
  });
}

function serve(event, path) {
  var origin = from[event.clientId];
  return loaded().then(function (saved) {
    if (origin === "") {
      return fetch(event.request).catch(function () {
        return inAnyPack(saved, path).then(function (copy) { return copy || Response.error(); });
      });
    }
    var lang = languageOf(path, saved), own = lang && saved.packs[lang];
    return inCache(origin || (own && own.cache), path).then(function (hit) {
      return hit || inAnyPack(saved, path).then(function (copy) { return copy || fetch(event.request); });
    });
  });
}

self.addEventListener("install", function () { self.skipWaiting(); });

self.addEventListener("activate", function (event) { event.waitUntil(self.clients.claim()); });

self.addEventListener("fetch", function (event) {
  var request = event.request, path = request.method === "GET" ? below(request.url) : null;
  if (path === null) return;
  event.respondWith(request.mode === "navigate" ? navigate(event, path) : serve(event, path));
});

self.addEventListener("message", function (event) {
  var message = event.data || {}, port = event.ports[0];
  var task = message.type === "state" ? loaded()
    : message.type === "save" ? save(message.lang, message.pack, message.pages, message.pdfs)
    : message.type === "remove" ? remove(message.lang) : null;
  if (!task || !port) return;
  event.waitUntil(task.then(function (saved) {
    port.postMessage({ ok: true, state: saved });
  }, function (error) {
    return loaded().then(function (saved) { port.postMessage({ ok: false, error: String(error.message || error), state: saved }); });
  }));
});
