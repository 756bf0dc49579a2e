/* The handbook's search worker: Material's own worker (its file is named by `?material=` on this script's address,
   set in overrides/main.html), with lunr taught to find every form of a word a reader types, the same way in every
   language. The index's language names its lunr stemmer (lunr's own for English, lunr.<lang>.min.js for the
   others, which Material loads); nothing else here differs by language.

   - Index: every word is kept as written and as its stem; in a language readers also type in Latin letters
     (the index's `config.handbook.keys`, made from kazakh-latin.yml) also as its search key and the key's stem.
   - Query: Material sends each typed word as a prefix ("школами*"), which lunr matches against the index as it is,
     without stemming. Each word is searched instead as written (a prefix while typing), as its stem, and as its
     key and the key's stem: "директорами", "leaderships", "mugalim" and "köşbasşylyq" all find their pages.
   - Results: Material marks a word as found only when a word of the page starts with it as typed; here a word is
     found when any of its forms is, and the page it opens highlights the words of the page that matched. The
     entry named by what was typed comes first.
   - The index is built when the reader first types, not on every page opened.
   Loaded into a page (the tests), it only defines `handbookSearch`. */
(function (root) {
  "use strict";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;  // Material's search message types

  // A function folding a word, Cyrillic or Latin, to its search key; `keys` is {letters: {ә: "a"…}, spellings: {ä: "a",
  // gh: "g"…}, names: {литвин: "Litwin"…}}. A name spelled its own way in Latin letters folds to its Latin key, a word
  // it begins (Литвиннің) too, so that either script finds the other's.
  function folder(keys) {
    var spellings = Object.keys(keys.spellings).sort(function (a, b) { return b.length - a.length; });
    var pattern = new RegExp(spellings.map(function (s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|"), "g");
    function plain(word) {
      var lower = String(word).toLowerCase().replace(/\u0307/g, "");  // "İ".toLowerCase() is "i" + a combining dot
      var keyed = "";
      for (var i = 0; i < lower.length; i++) {
        var letter = lower.charAt(i);
        keyed += Object.prototype.hasOwnProperty.call(keys.letters, letter) ? keys.letters[letter] : letter;
      }
      // и, й, і and ы all fold to i, and я, ю begin with it: a run of i is one (сияқты, siaqty and siyakty meet).
      return keyed.replace(pattern, function (spelling) { return keys.spellings[spelling]; }).replace(/i{2,}/g, "i");
    }
    var names = Object.create(null);
    Object.keys(keys.names || {}).forEach(function (name) {
      if (plain(name) !== plain(keys.names[name])) names[plain(name)] = plain(keys.names[name]);
    });
    var starts = Object.keys(names).sort(function (a, b) { return b.length - a.length; });
    return function (word) {
      var key = plain(word);
      for (var i = 0; i < starts.length; i++) {
        if (key.lastIndexOf(starts[i], 0) === 0) return names[starts[i]] + key.slice(starts[i].length);
      }
      return key;
    };
  }

  // The forms one language gives a word: as written, its stem, and (typed in Latin too) its key and the key's stem.
  function language(lunr, config) {
    var code = config.lang[0];
    var plugin = code === "en" ? lunr : lunr[code] || lunr;
    var stemmer = plugin.stemmer || function (token) { return token; };
    var stopWord = plugin.stopWordFilter || function (token) { return token; };
    var keys = config.handbook && config.handbook.keys;
    var fold = keys ? folder(keys) : null;
    var keyStem = fold && plugin.keyStemmer ? plugin.keyStemmer(fold) : function (key) { return key; };

    var known = Object.create(null);

    function stem(word) { return String(stemmer(new lunr.Token(word, {}))); }

    return {
      // Every token the index keeps for a word.
      forms: function (word) {
        if (known[word]) return known[word];
        var forms = [word, stem(word)];
        if (fold) {
          var key = fold(word);
          forms.push(key, keyStem(key));
        }
        return (known[word] = forms.filter(function (form, i) { return form && forms.indexOf(form) === i; }));
      },
      // What a typed word is looked for as: [{term, prefix}], the word itself first.
      queries: function (word, prefix) {
        var queries = [{ term: word, prefix: prefix }, { term: stem(word), prefix: false }];
        if (fold) {
          var key = fold(word);
          queries.push({ term: key, prefix: prefix }, { term: keyStem(key), prefix: false });
        }
        return queries.filter(function (query, i) {
          return query.term && !queries.slice(0, i).some(function (q) { return q.term === query.term && (q.prefix || !query.prefix); });
        });
      },
      isStopWord: function (word) { return !stopWord(new lunr.Token(word, {})); }
    };
  }

  var TRIM = /^[^0-9A-Za-z\u00C0-\u024F\u0300-\u036F\u0400-\u052F]+|[^0-9A-Za-z\u00C0-\u024F\u0300-\u036F\u0400-\u052F]+$/g;

  // Teach lunr the handbook's index and queries; `configOf()` gives the index's config once Material has it.
  function install(lunr, configOf) {
    var lang = null, written = Object.create(null), surfaces = Object.create(null), matched = Object.create(null), typed = [];

    function current() { return lang || (lang = language(lunr, configOf())); }

    // Every word, trimmed of punctuation at its ends (in any script: lunr's English trimmer cut Cyrillic words out
    // of English pages), is indexed in all its forms at its own position, so results highlight the word itself.
    function expand(token) {
      var word = token.toString().replace(TRIM, "");
      if (!word) return null;
      written[word] = true;
      return current().forms(word).map(function (form) {
        if (form !== word) (surfaces[form] = surfaces[form] || Object.create(null))[word] = true;
        return token.clone(function () { return form; });
      });
    }
    lunr.Pipeline.registerFunction(expand, "handbook-forms");

    // The words of each entry's title, for ranking.
    var titles = Object.create(null);
    function words(text) {
      return String(text || "").replace(/<[^>]+>/g, " ").split(lunr.tokenizer.separator).map(function (word) {
        return word.replace(TRIM, "").toLowerCase();
      }).filter(function (word) { return word.length > 2 && !current().isStopWord(word); });
    }

    var add = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function (doc, attributes) {
      if (!this.handbookForms) {
        this.handbookForms = true;
        this.pipeline.reset();
        this.pipeline.add(expand);
        this.searchPipeline.reset();
      }
      titles[doc[this._ref]] = words(doc.title);
      return add.call(this, doc, attributes);
    };

    function matches(query, token) {
      return query.prefix ? token.slice(0, query.term.length) === query.term : token === query.term;
    }

    // Each clause Material made of a typed word becomes one clause per form of the word; a word that must be
    // present (+word, or a phrase) must be present in one of its forms, so that is checked on the results.
    var search = lunr.Index.prototype.query;
    lunr.Index.prototype.query = function (fn) {
      var words = [];
      var results = search.call(this, function (query) {
        fn.call(query, query);
        var clauses = query.clauses;
        query.clauses = [];
        clauses.forEach(function (clause) {
          var term = clause.term, prefix = /\*$/.test(term);
          if (clause.editDistance || /\*./.test(term) || /^\*/.test(term)) return query.clauses.push(clause);
          var word = { word: term.replace(/\*$/, ""), presence: clause.presence };
          word.queries = current().queries(word.word, prefix);
          word.queries.forEach(function (form) {
            query.clause({
              term: form.term, usePipeline: false, boost: clause.boost, fields: clause.fields,
              wildcard: form.prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
              presence: clause.presence === lunr.Query.presence.PROHIBITED ? clause.presence : lunr.Query.presence.OPTIONAL
            });
          });
          words.push(word);
        });
      });
      typed = words;
      matched = Object.create(null);
      return results.filter(function (result) {
        var tokens = Object.keys(result.matchData.metadata);
        var found = matched[result.ref] = words.map(function (word) {
          return tokens.filter(function (token) { return word.queries.some(function (query) { return matches(query, token); }); });
        });
        return words.every(function (word, i) { return word.presence !== lunr.Query.presence.REQUIRED || found[i].length; });
      }).map(function (result) {
        result.score *= rank(titles[result.ref] || [], words);
        return result;
      }).sort(function (a, b) { return b.score - a.score; });
    };

    // lunr weighs a word in a title alike in a title of one word and of ten; a reader expects the entry named by
    // what they typed (a term, a factor, a standard) first, then titles that are mostly what they typed.
    function rank(title, words) {
      var sought = words.filter(function (word) { return word.presence !== lunr.Query.presence.PROHIBITED; });
      if (!title.length || !sought.length) return 1;
      var named = title.filter(function (titleWord) { return sought.some(function (word) { return meets(word, titleWord); }); });
      var all = sought.every(function (word) { return title.some(function (titleWord) { return meets(word, titleWord); }); });
      return named.length === title.length && all ? 20 : 1 + 2 * named.length / title.length;
    }

    // Whether a typed word finds a word of a title, in any of their forms.
    function meets(word, titleWord) {
      var forms = current().forms(titleWord);
      return word.queries.some(function (query) { return forms.some(function (form) { return matches(query, form); }); });
    }

    // The words of a result: each typed word with the page's words it matched (to highlight them on the page it
    // opens), or marked missing.
    return function terms(ref) {
      var terms = {};
      (matched[ref] || []).forEach(function (tokens, i) {
        var word = typed[i];
        if (word.presence === lunr.Query.presence.PROHIBITED) return;
        if (!tokens.length) {
          if (word.word.length > 1 && !current().isStopWord(word.word)) terms[word.word] = false;
          return;
        }
        tokens.forEach(function (token) {
          // A word of the page that starts as typed is highlighted as typed; one found through a stem or a key, as
          // the words that have that stem or key (as the start they share, when it is long enough to mean something).
          if (written[token] && token.slice(0, word.word.length) === word.word) return (terms[word.word] = true);
          var forms = (written[token] ? [token] : []).concat(Object.keys(surfaces[token] || {}));
          if (!forms.length) return;
          var start = forms.reduce(function (start, form) {
            for (var i = 0; i < start.length && start.charAt(i) === form.charAt(i);) i++;
            return start.slice(0, i);
          });
          (start.length > 3 ? [start] : forms.slice(0, 12)).forEach(function (form) { terms[form] = true; });
        });
      });
      // Longest first: the page's highlighter takes the first word that matches where several start alike.
      var sorted = {};
      Object.keys(terms).sort(function (a, b) { return b.length - a.length; }).forEach(function (key) { sorted[key] = terms[key]; });
      return sorted;
    };
  }

  root.handbookSearch = { folder: folder, language: language, install: install };
  if (typeof root.importScripts !== "function" || root.handbookSearchWorker) return;
  root.handbookSearchWorker = true;

  // In a worker this script's address is its location; in the iframe Material uses from file://, its script's.
  var here = root.document && root.document.currentScript ? root.document.currentScript.src : root.location.href;
  var material = /[?&]material=([^?&#]+)/.exec(here)[1];
  var post = root.postMessage;
  var config = null, terms = null, setup = null, pending = null, state = "waiting";

  // Material's worker builds the index as soon as the page has loaded it, on every page a reader opens; on a phone
  // that is a second or more of work for the many pages where nobody searches. Here it is built when the reader
  // types the first word: Material's page is told at once that search is ready, and the query waits for the index.
  function hand(message) {  // to Material's worker
    root.dispatchEvent(new MessageEvent("message", { data: Object.assign({ handbook: true }, message) }));
  }
  root.addEventListener("message", function (event) {  // before Material's own listener
    var message = event.data;
    if (!message || message.handbook || state === "ready") return;
    event.stopImmediatePropagation();
    if (message.type === SETUP) {
      config = message.data.config;
      setup = message;
      post.call(root, { type: READY });
    } else if (message.type === QUERY && !String(message.data).trim()) {
      post.call(root, { type: RESULT, data: { items: [] } });
    } else if (message.type === QUERY) {
      pending = message;  // the latest query typed while the index is being built
      if (state === "waiting") {
        state = "building";
        hand(setup);
      }
    }
  });
  root.postMessage = function (message) {
    if (message && message.type === READY && state === "building") {
      state = "ready";
      return hand(pending);
    }
    if (message && message.type === RESULT && terms) {
      message.data.items.forEach(function (group) {
        group.forEach(function (item) { if (item.score > 0) item.terms = terms(item.location); });
      });
    }
    return post.apply(root, arguments);
  };
  Promise.resolve(root.importScripts(new URL(decodeURIComponent(material), here).href)).then(function () {
    terms = install(root.lunr, function () { return config; });
  });
})(typeof self !== "undefined" ? self : globalThis);
