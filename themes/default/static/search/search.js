/* brug search: the query side. Loaded on every page (small); on the first
   focus of the search field it loads, with <script> elements only (so it
   works from file:// too), the analysis (Snowball stemmers, analysis data,
   analyze.js) and the index of the page's language. Queries get the same
   analysis as the index (analyze.js mirrors the build's Rust code).

   Index format (search/index-LANG.js calls BrugSearch.index):
     terms     sorted search terms
     postings  per term: doc-id deltas and values, as base-32 varints
               (digits 0-9a-v end a number, A-Z@$%&*+ continue it); a value
               is score*2 + 1 when the term is in the page title
     docs      per target (a page's intro or one of its sections), varints:
               page-number delta, then an index into sections
     sections  distinct [anchor, heading] pairs
     pages     [title, url, section title, pair, kind, other url, other lang]
     vocab     the words compounds are split into
     chunk     docs per text chunk (search/text-LANG-K.js, for snippets) */
(function (root) {
  "use strict";

  var END = "0123456789abcdefghijklmnopqrstuv";
  var MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ@$%&*+";
  var PREFIX_MAX = 40;

  var indexes = {};
  var texts = {};
  var waiting = {};

  function decode(s) {
    var out = [];
    var n = 0;
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      var d = END.indexOf(c);
      if (d >= 0) {
        out.push(n * 32 + d);
        n = 0;
      } else {
        n = n * 32 + MORE.indexOf(c);
      }
    }
    return out;
  }

  /* Doc id → value for one term, decoded once. */
  function postings(ix, t) {
    var cached = ix.cache[t];
    if (cached) return cached;
    var nums = decode(ix.postings[t]);
    var map = new Map();
    var doc = 0;
    for (var i = 0; i + 1 < nums.length; i += 2) {
      doc += nums[i];
      map.set(doc, nums[i + 1]);
    }
    ix.cache[t] = map;
    return map;
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

  /* The words of a query, each with its terms; the last word also matches
     as a prefix while the reader is still typing it. */
  function parse(query, lang, ix, typing) {
    var A = root.BrugAnalyze;
    var words = String(query).split(/[\s]+/).filter(Boolean);
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
        for (var j = 0, found = 0; j < ix.terms.length && found < PREFIX_MAX; j++) {
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

  /* Ranked hits of `query` in language `lang`: one per page, its best
     target. Pages matching every word come first, then title matches. */
  function search(lang, query, typing) {
    var ix = indexes[lang];
    if (!ix) return [];
    var words = parse(query, lang, ix, typing);
    if (!words.length) return [];
    var score = new Map(), matched = new Map(), title = new Map();
    words.forEach(function (w) {
      var best = new Map();
      w.ids.forEach(function (pair) {
        postings(ix, pair[0]).forEach(function (value, doc) {
          var s = (value >> 1) * pair[1];
          if ((value & 1) && pair[1] === 1) title.set(doc, (title.get(doc) || 0) + 1);
          if (s > (best.get(doc) || 0)) best.set(doc, s);
        });
      });
      best.forEach(function (s, doc) {
        score.set(doc, (score.get(doc) || 0) + s);
        matched.set(doc, (matched.get(doc) || 0) + 1);
      });
    });
    var docs = Array.from(score.keys());
    docs.sort(function (a, b) {
      return (matched.get(b) - matched.get(a)) ||
        ((title.get(b) || 0) - (title.get(a) || 0)) ||
        (score.get(b) - score.get(a)) || (a - b);
    });
    var seen = new Set(), hits = [];
    docs.forEach(function (doc) {
      var page = ix.docs[doc][0];
      if (seen.has(page)) return;
      seen.add(page);
      hits.push({ lang: lang, doc: doc, page: page, score: score.get(doc), matched: matched.get(doc), all: matched.get(doc) === words.length, title: title.get(doc) || 0, words: words });
    });
    return hits;
  }

  /* Both languages at once, grouped by pair: a pair found in several
     languages is one hit, shown in the reader's language when it has it. */
  function searchBoth(langs, reader, query, typing) {
    var byPair = new Map();
    langs.forEach(function (lang) {
      search(lang, query, typing).forEach(function (hit) {
        var pair = indexes[lang].pages[hit.page][3];
        var prev = byPair.get(pair);
        var better = !prev || (hit.lang === reader && prev.lang !== reader) ||
          (prev.lang !== reader && rank(hit, prev) < 0);
        if (better) byPair.set(pair, hit);
      });
    });
    return Array.from(byPair.values()).sort(rank);
  }

  function rank(a, b) {
    return (b.all - a.all) || (b.matched - a.matched) || (b.title - a.title) || (b.score - a.score);
  }

  /* ---- snippets */

  function textOf(hit, done) {
    var ix = indexes[hit.lang];
    var k = Math.floor(hit.doc / ix.chunk);
    var key = hit.lang + "-" + k;
    if (texts[key]) return done(texts[key][hit.doc - k * ix.chunk] || "");
    (waiting[key] = waiting[key] || []).push(function () { done(texts[key][hit.doc - k * ix.chunk] || ""); });
    if (waiting[key].length === 1) load(ix.base + "search/text-" + hit.lang + "-" + k + ".js");
  }

  /* About `width` characters of `text` around the first matched word, with
     every matched word in <mark>. Returns a DocumentFragment. */
  function snippet(text, hit, width) {
    var A = root.BrugAnalyze;
    var ix = indexes[hit.lang];
    var want = new Set();
    var prefixes = [];
    hit.words.forEach(function (w) {
      w.terms.forEach(function (t) { want.add(t); });
      w.ids.forEach(function (p) { if (p[1] !== 1) prefixes.push(ix.terms[p[0]]); });
    });
    var re = /[\p{L}\p{N}]+/gu;
    var marks = [];
    var m;
    while ((m = re.exec(text)) && marks.length < 40) {
      var terms = A.analyze(m[0], hit.lang, ix.vocab);
      var hitWord = terms.some(function (t) {
        return want.has(t) || prefixes.indexOf(t) >= 0;
      });
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

  var failed = false;
  var listeners = [];
  function notify() { listeners.forEach(function (f) { f(); }); }

  /* Loads the analysis once, then the index of each of `langs`. */
  var analysisLoading = false;
  function ensure(base, langs) {
    var scripts = ["search/analysis-data.js", "search/snowball/dutch-stemmer.global.min.js", "search/snowball/german-stemmer.global.min.js", "search/analyze.js"];
    function indexesNext() {
      langs.forEach(function (lang) {
        if (indexes[lang] || waiting["ix-" + lang]) return;
        waiting["ix-" + lang] = true;
        load(base + "search/index-" + lang + ".js");
      });
    }
    if (root.BrugAnalyze) return indexesNext();
    if (analysisLoading) { listeners.push(function once() { if (root.BrugAnalyze) indexesNext(); }); return; }
    analysisLoading = true;
    var i = 0;
    (function next() {
      if (i === scripts.length) { notify(); indexesNext(); return; }
      load(base + "static/" + scripts[i++], next);
    })();
  }

  var api = {
    /* Called by search/index-LANG.js. */
    index: function (data) {
      var nums = decode(data.docs), docs = [], page = 0;
      for (var i = 0; i + 1 < nums.length; i += 2) {
        page += nums[i];
        var section = data.sections[nums[i + 1]] || ["", ""];
        docs.push([page, section[0], section[1]]);
      }
      data.docs = docs;
      data.cache = [];
      data.base = currentBase;
      indexes[data.lang] = data;
      root.BrugSearch.loadedAt = root.performance ? performance.now() : 0;
      notify();
    },
    /* Called by search/text-LANG-K.js. */
    text: function (lang, k, list) {
      var key = lang + "-" + k;
      texts[key] = list;
      (waiting[key] || []).forEach(function (f) { f(); });
      waiting[key] = [];
    },
    search: search,
    searchBoth: searchBoth,
    /* What a hit links to: { title, href, lang }. */
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
    var doc = ix.docs[hit.doc];
    var page = ix.pages[doc[0]];
    return {
      title: page[0],
      href: resultUrl(ix.base, page[1]) + (doc[1] ? "#" + doc[1] : ""),
      section: page[2],
      heading: doc[2],
      other: page[5] ? resultUrl(ix.base, page[5]) : null,
      otherLang: page[6],
      lang: hit.lang
    };
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
      render(hits.slice(0, 8), hits.length);
    }

    function render(hits, total) {
      listbox.textContent = "";
      options = [];
      hits.forEach(function (hit, i) {
        var t = hitTarget(hit);
        var a = el("a", { role: "option", id: "search-option-" + options.length, href: t.href, "aria-selected": "false", "class": "search-hit" });
        if (t.lang !== lang) { a.setAttribute("hreflang", t.lang); a.setAttribute("lang", t.lang); }
        a.appendChild(el("span", { "class": "search-hit-title" }, t.title));
        var where = [t.section, t.heading].filter(Boolean).join(" › ");
        if (where) a.appendChild(el("span", { "class": "search-hit-where" }, where));
        var snip = el("span", { "class": "search-hit-snippet" });
        a.appendChild(snip);
        textOf(hit, function (text) { snip.appendChild(snippet(text, hit, 110)); });
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
      listeners.splice(listeners.indexOf(show), 1);
      var hits = wanted.length > 1 ? searchBoth(wanted, lang, q, false) : search(lang, q, false);
      list.textContent = "";
      hits.slice(0, 50).forEach(function (hit) {
        var t = hitTarget(hit);
        var li = el("li", { "class": "search-page-hit" });
        var a = el("a", { href: t.href }, t.title);
        if (t.lang !== lang) { a.setAttribute("hreflang", t.lang); a.setAttribute("lang", t.lang); }
        li.appendChild(a);
        var where = [t.section, t.heading].filter(Boolean).join(" › ");
        if (where) li.appendChild(el("span", { "class": "search-hit-where" }, " " + where));
        if (t.other) {
          li.appendChild(document.createTextNode(" "));
          li.appendChild(el("a", { href: t.other, hreflang: t.otherLang, lang: t.otherLang, "class": "search-hit-other" }, form.getAttribute("data-lang-" + t.otherLang) || t.otherLang));
        }
        var p = el("p", { "class": "search-hit-snippet" });
        li.appendChild(p);
        textOf(hit, function (text) { p.appendChild(snippet(text, hit, 220)); });
        list.appendChild(li);
      });
      heading.textContent = hits.length ? template(form.getAttribute("data-count"), hits.length) : form.getAttribute("data-none");
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
