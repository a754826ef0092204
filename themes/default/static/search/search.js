/* brug search: the query side. The theme's loader (site.js, BrugLoader)
   adds it the first time a reader uses search, together with the analysis
   (Snowball stemmers, analysis data, analyze.js) and the index of the
   page's language, with <script> elements only (so it works from file://
   too); no page loads any of it before. Queries get the same analysis as
   the index (analyze.js mirrors the build's Rust code).

   Index format (search/index-LANG.js calls BrugSearch.index):
     terms     sorted search terms
     shards    first term of each postings shard (search/post-LANG-K.js
               calls BrugSearch.postings): per term, doc-id deltas and
               values as base-32 varints (digits 0-9a-v end a number,
               A-Z@$%&*+ continue it); a value is score*2 + 1 when the term
               is in the page title
     docs      per target (a page's intro or one of its sections) the delta
               of its page number, as varints
     groups    section titles; pages refer to them by number
     pages     [title, url, group, pair, other url, other lang]
     vocab     the words compounds are split into
     chunk     targets per text chunk (search/text-LANG-K.js calls
               BrugSearch.text with [anchor, heading, text] per target) */
(function (root) {
  "use strict";

  var END = "0123456789abcdefghijklmnopqrstuv";
  var MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ@$%&*+";
  var PREFIX_MAX = 40;
  var INFIX_MAX = 40;
  /* Hits returned per language (more would only be counted). */
  var LIMIT = 200;

  var indexes = {};
  var texts = {};
  var waiting = {};

  /* Char code → base-32 digit: 0..31 ends a number, 32..63 continues it. */
  var DIGIT = new Int8Array(128).fill(-1);
  for (var d = 0; d < 32; d++) {
    DIGIT[END.charCodeAt(d)] = d;
    DIGIT[MORE.charCodeAt(d)] = 32 + d;
  }

  function decode(s) {
    var out = new Int32Array(s.length);
    var n = 0, v = 0;
    for (var i = 0; i < s.length; i++) {
      var c = DIGIT[s.charCodeAt(i)];
      if (c < 32) { out[n++] = v * 32 + c; v = 0; } else v = v * 32 + (c - 32);
    }
    return out.subarray(0, n);
  }

  /* The postings of term t: doc ids and values, decoded once. */
  function postings(ix, t) {
    var p = ix.decoded[t];
    if (p) return p;
    var nums = decode(ix.post[t] || "");
    var docs = new Int32Array(nums.length >> 1), vals = new Int32Array(nums.length >> 1);
    var doc = 0;
    for (var i = 0, j = 0; i + 1 < nums.length; i += 2, j++) {
      doc += nums[i];
      docs[j] = doc;
      vals[j] = nums[i + 1];
    }
    p = ix.decoded[t] = { docs: docs, vals: vals };
    return p;
  }

  function lowerBound(arr, key) {
    var lo = 0, hi = arr.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (arr[mid] < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function termId(ix, term) {
    var i = lowerBound(ix.terms, term);
    return ix.terms[i] === term ? i : -1;
  }

  function shardOf(ix, t) {
    return lowerBound(ix.shards, t + 1) - 1;
  }

  /* Shards the ids need that are not loaded; starts loading them. */
  function missingShards(ix, ids) {
    var missing = [];
    ids.forEach(function (pair) {
      var k = shardOf(ix, pair[0]);
      if (!ix.shardLoaded[k] && missing.indexOf(k) < 0) missing.push(k);
    });
    missing.forEach(function (k) {
      var key = "post-" + ix.lang + "-" + k;
      if (waiting[key]) return;
      waiting[key] = true;
      load(ix.base + "search/post-" + ix.lang + "-" + k + ".js");
    });
    return missing.length;
  }

  /* The words of a query, each with its terms; the last word also matches
     as a prefix while the reader is still typing it. */
  function parse(query, lang, ix, typing) {
    var A = root.BrugAnalyze;
    var words = String(query).split(/\s+/).filter(Boolean);
    var parsed = [];
    words.forEach(function (word, w) {
      var terms = A.analyze(word, lang, ix.vocab);
      var ids = [];
      terms.forEach(function (t, k) {
        var id = termId(ix, t);
        // The whole word counts fully, its compound parts half.
        if (id >= 0) ids.push([id, k === 0 ? 1 : 0.5]);
      });
      // A word the handbook only uses inside compounds it was not split
      // from (Prinzip in Konsensprinzip): look for it inside terms.
      if (!ids.length && terms.length && terms[0].length >= 4) {
        for (var j = 0, found = 0; j < ix.terms.length && found < INFIX_MAX; j++) {
          if (ix.terms[j].indexOf(terms[0]) > 0) { ids.push([j, 0.5]); found++; }
        }
      }
      if (typing && w === words.length - 1) {
        var folded = A.fold(word, lang).replace(/[^a-z0-9\u00c0-\uffff]/g, "");
        if (folded.length >= 2) {
          var i = lowerBound(ix.terms, folded);
          for (var n = 0; n < PREFIX_MAX && i < ix.terms.length && ix.terms[i].lastIndexOf(folded, 0) === 0; i++, n++) {
            if (!ids.some(function (x) { return x[0] === i; })) ids.push([i, 0.6]);
          }
        }
      }
      if (ids.length || terms.length) parsed.push({ word: word, terms: terms, ids: ids });
    });
    return parsed;
  }

  /* Scratch arrays per index, reused by every query. */
  function scratch(ix) {
    if (!ix.acc) {
      var n = ix.docPage.length;
      ix.acc = new Float64Array(n);
      ix.best = new Float64Array(n);
      ix.matched = new Uint8Array(n);
      ix.inTitle = new Uint8Array(n);
      ix.wordTitle = new Uint8Array(n);
      ix.pageKey = new Float64Array(ix.pages.length);
      ix.pageDoc = new Int32Array(ix.pages.length);
    }
    return ix;
  }

  /* Ranked hits of `query` in language `lang`: one per page, its best
     target, at most LIMIT; `.total` counts them all. Pages matching every
     word come first, then title matches, then by BM25F score. Returns null
     while postings the query needs are still loading. */
  function search(lang, query, typing) {
    var ix = indexes[lang];
    if (!ix) return null;
    var words = parse(query, lang, ix, typing);
    var all = [];
    words.forEach(function (w) { all = all.concat(w.ids); });
    if (missingShards(ix, all)) return null;
    var hits = [];
    hits.total = 0;
    if (!words.length) return hits;
    scratch(ix);
    var touched = [];
    words.forEach(function (w) {
      var wt = [];
      w.ids.forEach(function (pair) {
        var p = postings(ix, pair[0]), weight = pair[1], whole = weight === 1;
        for (var j = 0; j < p.docs.length; j++) {
          var doc = p.docs[j], v = p.vals[j], s = (v >> 1) * weight;
          if (ix.best[doc] === 0 && ix.wordTitle[doc] === 0) wt.push(doc);
          if (s > ix.best[doc]) ix.best[doc] = s;
          if ((v & 1) && whole) ix.wordTitle[doc] = 1;
        }
      });
      for (var k = 0; k < wt.length; k++) {
        var doc = wt[k];
        if (ix.matched[doc] === 0) touched.push(doc);
        ix.acc[doc] += ix.best[doc];
        ix.matched[doc]++;
        ix.inTitle[doc] += ix.wordTitle[doc];
        ix.best[doc] = 0;
        ix.wordTitle[doc] = 0;
      }
    });
    var pagesHit = [];
    for (var i = 0; i < touched.length; i++) {
      var doc = touched[i], page = ix.docPage[doc];
      var key = ix.matched[doc] * 1e7 + ix.inTitle[doc] * 1e5 + ix.acc[doc];
      if (ix.pageKey[page] === 0) pagesHit.push(page);
      if (key > ix.pageKey[page]) { ix.pageKey[page] = key; ix.pageDoc[page] = doc; }
    }
    pagesHit.sort(function (a, b) { return (ix.pageKey[b] - ix.pageKey[a]) || (a - b); });
    for (i = 0; i < pagesHit.length && i < LIMIT; i++) {
      var pg = pagesHit[i], best = ix.pageDoc[pg];
      hits.push({ lang: lang, doc: best, page: pg, score: ix.acc[best], matched: ix.matched[best], all: ix.matched[best] === words.length ? 1 : 0, title: ix.inTitle[best], words: words });
    }
    hits.total = pagesHit.length;
    for (i = 0; i < touched.length; i++) {
      doc = touched[i];
      ix.acc[doc] = 0; ix.matched[doc] = 0; ix.inTitle[doc] = 0;
    }
    for (i = 0; i < pagesHit.length; i++) ix.pageKey[pagesHit[i]] = 0;
    return hits;
  }

  /* Both languages at once, grouped by pair: a pair found in several
     languages is one hit, shown in the reader's language when it has it. */
  function searchBoth(langs, reader, query, typing) {
    var byPair = new Map();
    var pending = false;
    langs.forEach(function (lang) {
      var hits = search(lang, query, typing);
      if (!hits) { pending = true; return; }
      hits.forEach(function (hit) {
        var pair = indexes[lang].pages[hit.page][3];
        var prev = byPair.get(pair);
        var better = !prev || (hit.lang === reader && prev.lang !== reader) ||
          (prev.lang !== reader && rank(hit, prev) < 0);
        if (better) byPair.set(pair, hit);
      });
    });
    if (pending) return null;
    var out = Array.from(byPair.values()).sort(rank);
    out.total = out.length;
    return out;
  }

  function rank(a, b) {
    return (b.all - a.all) || (b.matched - a.matched) || (b.title - a.title) || (b.score - a.score);
  }

  /* ---- snippets */

  /* The [anchor, heading, text] of a hit's target, if its chunk is here. */
  function entryOf(hit) {
    var ix = indexes[hit.lang];
    var k = Math.floor(hit.doc / ix.chunk);
    var list = texts[hit.lang + "-" + k];
    return list ? list[hit.doc - k * ix.chunk] || null : null;
  }

  /* Calls done(entry) once the hit's text chunk is loaded. */
  function textOf(hit, done) {
    var ix = indexes[hit.lang];
    var entry = entryOf(hit);
    if (entry) return done(entry);
    var key = hit.lang + "-" + Math.floor(hit.doc / ix.chunk);
    (waiting[key] = waiting[key] || []).push(function () { done(entryOf(hit) || ["", "", ""]); });
    if (waiting[key].length === 1) load(ix.base + "search/text-" + key + ".js");
  }

  /* Folded words, cached: snippets fold the same words again and again. */
  var foldCache = new Map();
  function folded(word, lang) {
    var key = lang + ":" + word;
    var f = foldCache.get(key);
    if (f === undefined) {
      if (foldCache.size > 20000) foldCache.clear();
      f = root.BrugAnalyze.fold(word, lang);
      foldCache.set(key, f);
    }
    return f;
  }

  /* About `width` characters of `text` around the first matched word, with
     the matched words in <mark>: a word is marked when its folded form
     starts with a query term or holds one of its compound parts. Returns a
     DocumentFragment. */
  function snippet(text, hit, width) {
    var ix = indexes[hit.lang];
    var starts = [], inside = [];
    hit.words.forEach(function (w) {
      w.terms.forEach(function (t, k) { if (t.length >= 2) (k === 0 ? starts : inside).push(t); });
      w.ids.forEach(function (p) { if (p[1] !== 1) inside.push(ix.terms[p[0]]); });
    });
    var scan = text.length > 6000 ? text.slice(0, 6000) : text;
    var re = /[\p{L}\p{N}]+/gu;
    var marks = [];
    var m;
    while ((m = re.exec(scan)) && marks.length < 40) {
      var f = folded(m[0], hit.lang);
      var hitWord = starts.some(function (t) { return f.lastIndexOf(t, 0) === 0 || t.lastIndexOf(f, 0) === 0 && f.length >= 3; }) ||
        inside.some(function (t) { return t.length >= 3 && f.indexOf(t) >= 0; });
      if (hitWord) marks.push([m.index, m.index + m[0].length]);
    }
    var start = 0;
    if (marks.length) start = Math.max(0, marks[0][0] - Math.floor(width / 3));
    if (start > 0) {
      var space = text.indexOf(" ", start);
      if (space >= 0 && space < marks[0][0]) start = space + 1;
    }
    var end = Math.min(text.length, start + width);
    if (end < text.length) {
      var cut = text.lastIndexOf(" ", end);
      if (cut > start) end = cut;
    }
    var frag = document.createDocumentFragment();
    var pos = start;
    if (start > 0) frag.appendChild(document.createTextNode("… "));
    marks.forEach(function (r) {
      if (r[0] < pos || r[1] > end) return;
      frag.appendChild(document.createTextNode(text.slice(pos, r[0])));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(r[0], r[1]);
      frag.appendChild(mark);
      pos = r[1];
    });
    frag.appendChild(document.createTextNode(text.slice(pos, end) + (end < text.length ? " …" : "")));
    return frag;
  }

  /* ---- loading */

  function load(src, onload) {
    var s = document.createElement("script");
    s.src = src;
    if (onload) s.onload = onload;
    s.onerror = function () { failed = true; notify(); };
    document.head.appendChild(s);
  }

  var loader = root.BrugLoader;
  var failed = !!(loader && loader.failed);
  var listeners = [];
  function notify() { listeners.slice().forEach(function (f) { f(); }); }
  if (loader) loader.onfail = function () { failed = true; notify(); };

  /* The analysis and the indexes of `langs`: the loader requests each
     once (the analysis came with this script) and runs them in order. */
  function ensure(base, langs) {
    if (loader) loader.search(base, langs.filter(function (lang) { return !indexes[lang]; }));
  }

  /* After the index, the remaining postings shards load one by one when
     the browser is idle, so that later words rarely wait for one. */
  function prefetch(lang) {
    var ix = indexes[lang];
    if (!ix) return;
    var idle = root.requestIdleCallback || function (f) { return setTimeout(f, 50); };
    var k = 0;
    (function next() {
      while (k < ix.shards.length && (ix.shardLoaded[k] || waiting["post-" + lang + "-" + k])) k++;
      if (k >= ix.shards.length) return;
      waiting["post-" + lang + "-" + k] = true;
      idle(function () { load(ix.base + "search/post-" + lang + "-" + k + ".js", next); });
    })();
  }

  var api = {
    /* Called by search/index-LANG.js. */
    index: function (data) {
      var nums = decode(data.docs);
      data.docPage = new Int32Array(nums.length);
      for (var i = 0, page = 0; i < nums.length; i++) {
        page += nums[i];
        data.docPage[i] = page;
      }
      data.post = data.postings || new Array(data.terms.length);
      data.decoded = new Array(data.terms.length);
      data.shardLoaded = data.postings ? [true] : [];
      delete data.postings;
      data.base = currentBase;
      indexes[data.lang] = data;
      root.BrugSearch.loadedAt = root.performance ? performance.now() : 0;
      notify();
      // In a page (not under node's tests), the other shards follow.
      if (typeof document !== "undefined") prefetch(data.lang);
    },
    /* Called by search/post-LANG-K.js: the postings of shard k. */
    postings: function (lang, k, list) {
      var ix = indexes[lang];
      if (!ix) return;
      for (var i = 0; i < list.length; i++) ix.post[ix.shards[k] + i] = list[i];
      ix.shardLoaded[k] = true;
      notify();
    },
    /* Called by search/text-LANG-K.js. */
    text: function (lang, k, list) {
      /* list: [anchor, heading, text] per target of chunk k */
      var key = lang + "-" + k;
      texts[key] = list;
      (waiting[key] || []).forEach(function (f) { f(); });
      waiting[key] = [];
    },
    search: search,
    searchBoth: searchBoth,
    /* What a hit links to: { title, href, lang } (with its section's
       anchor once its text chunk is loaded). */
    target: function (hit) {
      var t = hitTarget(hit);
      return { title: t.title, href: t.href, lang: t.lang };
    },
    ready: function (lang) { return !!indexes[lang] && !!root.BrugAnalyze; }
  };
  var currentBase = "";
  root.BrugSearch = api;

  /* ---- the header search: an ARIA combobox with a listbox of results */

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  function resultUrl(base, url) {
    return base + url;
  }

  function hitTarget(hit) {
    var ix = indexes[hit.lang];
    var page = ix.pages[ix.docPage[hit.doc]];
    var entry = entryOf(hit) || ["", "", ""];
    return {
      title: page[0],
      page: resultUrl(ix.base, page[1]),
      href: resultUrl(ix.base, page[1]) + (entry[0] ? "#" + entry[0] : ""),
      section: ix.groups[page[2]] || "",
      heading: entry[1],
      other: page[4] ? resultUrl(ix.base, page[4]) : null,
      otherLang: page[5],
      lang: hit.lang
    };
  }

  /* Fills in a result's heading, section link and snippet once its text
     chunk is here. */
  function complete(hit, link, where, snip, width) {
    later(function () {
      textOf(hit, function (entry) {
        if (!snip.isConnected) return;
        var t = hitTarget(hit);
        if (link) link.setAttribute("href", t.href);
        if (where && entry[1]) where.textContent = [t.section, entry[1]].filter(Boolean).join(" › ");
        snip.appendChild(snippet(entry[2], hit, width));
      });
    });
  }

  /* Snippets are drawn after the results, so typing stays quick. */
  function later(f) {
    if (root.requestAnimationFrame) requestAnimationFrame(function () { setTimeout(f, 0); });
    else setTimeout(f, 0);
  }

  function template(s, n) { return String(s || "").replace("{n}", String(n)); }

  function setup(form) {
    var input = form.querySelector("input[type=search]");
    var box = document.getElementById("search-results");
    if (!input || !box) return;
    var base = form.getAttribute("data-root") || "";
    currentBase = base;
    var lang = form.getAttribute("data-lang");
    var langs = (form.getAttribute("data-langs") || lang).split(" ");
    var status = el("p", { id: "search-status", "class": "visually-hidden", role: "status" });
    var listbox = el("div", { id: "search-listbox", role: "listbox", "aria-label": form.getAttribute("data-results") || "" });
    box.appendChild(listbox);
    form.appendChild(status);
    var both = form.querySelector("input[name=both]");
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", "search-listbox");
    var active = -1;
    var options = [];

    function close() {
      listbox.textContent = "";
      options = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      box.classList.remove("open");
    }

    function setActive(i) {
      options.forEach(function (o, k) { o.setAttribute("aria-selected", k === i ? "true" : "false"); });
      active = i;
      if (i >= 0 && options[i]) {
        input.setAttribute("aria-activedescendant", options[i].id);
        options[i].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function run() {
      var q = input.value;
      var wanted = both && both.checked ? langs : [lang];
      if (!q.trim()) { close(); status.textContent = ""; return; }
      if (!wanted.every(function (l) { return api.ready(l); })) {
        ensure(base, wanted);
        status.textContent = failed ? form.getAttribute("data-failed") : form.getAttribute("data-loading");
        return;
      }
      var typing = !/\s$/.test(q);
      var hits = wanted.length > 1 ? searchBoth(wanted, lang, q, typing) : search(lang, q, typing);
      // null: postings are loading; a listener runs this again.
      if (hits) render(hits.slice(0, 8), hits.total);
    }

    function render(hits, total) {
      listbox.textContent = "";
      options = [];
      hits.forEach(function (hit, i) {
        var t = hitTarget(hit);
        var a = el("a", { role: "option", id: "search-option-" + options.length, href: t.href, "aria-selected": "false", "class": "search-hit" });
        if (t.lang !== lang) { a.setAttribute("hreflang", t.lang); a.setAttribute("lang", t.lang); }
        a.appendChild(el("span", { "class": "search-hit-title" }, t.title));
        var where = el("span", { "class": "search-hit-where" }, t.section);
        a.appendChild(where);
        var snip = el("span", { "class": "search-hit-snippet" });
        a.appendChild(snip);
        complete(hit, a, where, snip, 110);
        listbox.appendChild(a);
        options.push(a);
        if (t.other) {
          var o = el("a", { role: "option", id: "search-option-" + options.length, href: t.other, hreflang: t.otherLang, lang: t.otherLang, "aria-selected": "false", "class": "search-hit-other" }, form.getAttribute("data-lang-" + t.otherLang) || t.otherLang);
          listbox.appendChild(o);
          options.push(o);
        }
      });
      if (total > hits.length) {
        var more = el("a", { role: "option", id: "search-option-" + options.length, href: form.getAttribute("action") + "?q=" + encodeURIComponent(input.value) + (both && both.checked ? "&both=1" : ""), "aria-selected": "false", "class": "search-more" }, template(form.getAttribute("data-all"), total));
        listbox.appendChild(more);
        options.push(more);
      }
      active = -1;
      input.removeAttribute("aria-activedescendant");
      input.setAttribute("aria-expanded", hits.length ? "true" : "false");
      box.classList.toggle("open", hits.length > 0);
      status.textContent = hits.length ? template(form.getAttribute("data-count"), total) : form.getAttribute("data-none");
      api.lastRender = root.performance ? performance.now() : 0;
    }

    input.addEventListener("focus", function () { ensure(base, both && both.checked ? langs : [lang]); });
    input.addEventListener("input", run);
    // What the reader did before this script arrived: the focus that
    // loaded it, the first keystrokes.
    if (input.value.trim()) run();
    else if (document.activeElement === input) ensure(base, both && both.checked ? langs : [lang]);
    if (both) both.addEventListener("change", function () { ensure(base, both.checked ? langs : [lang]); run(); });
    listeners.push(function () { if (document.activeElement === input || input.value) run(); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" && options.length) {
        e.preventDefault();
        setActive((active + 1) % options.length);
      } else if (e.key === "ArrowUp" && options.length) {
        e.preventDefault();
        setActive(active <= 0 ? options.length - 1 : active - 1);
      } else if (e.key === "Enter" && active >= 0 && options[active]) {
        e.preventDefault();
        root.location.href = options[active].href;
      } else if (e.key === "Escape") {
        if (options.length) close(); else input.value = "";
      }
    });
    listbox.addEventListener("mousedown", function (e) { e.preventDefault(); });
    form.addEventListener("focusout", function (e) {
      if (!form.contains(e.relatedTarget)) close();
    });
  }

  /* ---- the search page (LANG/search/?q=…): full results */

  function setupPage(page) {
    var form = document.querySelector("form.search");
    var list = document.getElementById("search-page-results");
    if (!form || !list) return;
    var params = new URLSearchParams(root.location.search);
    var q = params.get("q") || "";
    var lang = form.getAttribute("data-lang");
    var langs = (form.getAttribute("data-langs") || lang).split(" ");
    var both = params.get("both") === "1";
    var input = document.getElementById("search-input");
    if (input) input.value = q;
    var bothBox = form.querySelector("input[name=both]");
    if (bothBox) bothBox.checked = both;
    var index = document.getElementById("page-index");
    var heading = document.getElementById("search-page-status");
    if (!q.trim()) return;
    document.getElementById("search-page-section").hidden = false;
    heading.textContent = form.getAttribute("data-loading");
    var wanted = both ? langs : [lang];
    currentBase = form.getAttribute("data-root") || "";
    listeners.push(function show() {
      if (!wanted.every(function (l) { return api.ready(l); })) return;
      var hits = wanted.length > 1 ? searchBoth(wanted, lang, q, false) : search(lang, q, false);
      if (!hits) return;
      listeners.splice(listeners.indexOf(show), 1);
      list.textContent = "";
      hits.slice(0, 50).forEach(function (hit) {
        var t = hitTarget(hit);
        var li = el("li", { "class": "search-page-hit" });
        var a = el("a", { href: t.href }, t.title);
        if (t.lang !== lang) { a.setAttribute("hreflang", t.lang); a.setAttribute("lang", t.lang); }
        li.appendChild(a);
        var where = el("span", { "class": "search-hit-where" }, t.section);
        li.appendChild(where);
        if (t.other) {
          li.appendChild(el("a", { href: t.other, hreflang: t.otherLang, lang: t.otherLang, "class": "search-hit-other" }, form.getAttribute("data-lang-" + t.otherLang) || t.otherLang));
        }
        var p = el("p", { "class": "search-hit-snippet" });
        li.appendChild(p);
        complete(hit, a, where, p, 220);
        list.appendChild(li);
      });
      heading.textContent = hits.length ? template(form.getAttribute("data-count"), hits.total) : form.getAttribute("data-none");
      if (index) index.hidden = true;
    });
    ensure(currentBase, wanted);
  }

  function init() {
    var form = document.querySelector("form.search");
    if (form) setup(form);
    var page = document.getElementById("search-page");
    if (page) setupPage(page);
  }

  if (typeof document !== "undefined") {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }
  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
