/* brug search: the engine (ranking, snippets, "did you mean", the files a
   query needs); dictionary.js finds what each word of a query matches,
   score.js scores the pages they hit, search-ui.js is the interface on
   top. The theme's loader (site.js,
   BrugLoader) adds them the first time a reader
   uses search, together with the analysis (analysis data, analyze.js, the
   Snowball stemmer of each language searched) and the index of the
   page's language, with <script> elements only (so it works from file://
   too); no page loads any of it before. Queries get the same analysis as
   the index (analyze.js mirrors the build's Rust code).

   Index format (search/index-LANG.js calls BrugSearch.index):
     blocks    the first word of each block of the dictionary (the sorted
               search terms and the words compounds are split into, in
               search/words-LANG-K.js, which call BrugSearch.words with
               them front-coded in one string: per word the length of the
               prefix it shares with the word before (UTF-16 units) times 3
               plus its kind (0 term, 1 compound word, 2 both) as a varint,
               then the rest; words separated by spaces), front-coded the
               same way; a query loads the blocks its words fall in
     block_terms  per block, the number of terms before it, as varints
     words     a small handbook's blocks themselves, instead of the files
     term_count   the number of terms
     shards    first term of each postings shard (search/post-LANG-K.js
               calls BrugSearch.postings): per term, doc-id deltas and
               values as base-32 varints (digits 0-9a-v end a number,
               A-Z@$%&*+ continue it); a value is score*2 + 1 when the term
               is in the page title
     counts    per page, the number of its targets (its intro and its
               sections, in order), as varints
     pairs     per page, its pair: zigzag-coded differences, as varints
     groups    section titles; pages refer to them by number
     pages     [title, url, group, other url, other lang] per page, in the
               index of a small handbook; else in page files of page_chunk
               pages (search/pages-LANG-K.js calls BrugSearch.pages),
               loaded for the results shown
     chunk     targets per text chunk (search/text-LANG-K.js calls
               BrugSearch.text with [anchor, heading, text] per target) */
(function (root) {
  "use strict";

  var D = root.BrugDictionary;
  var R = root.BrugScore;
  var indexes = {};
  var texts = {};
  var waiting = {};

  function shardOf(ix, t) {
    return D.lowerBound(ix.shards, t + 1) - 1;
  }

  /* How many of the hits' page files (titles, URLs) are not loaded;
     starts loading them. */
  function missingPages(hits) {
    var missing = 0;
    hits.forEach(function (hit) {
      var ix = indexes[hit.lang];
      if (ix.info[hit.page]) return;
      missing++;
      ix.request("pages-" + hit.lang + "-" + Math.floor(hit.page / ix.page_chunk));
    });
    return missing;
  }

  /* How many hits, from the first, have their page file (title, URL). */
  function pagesReady(hits) {
    var n = 0;
    while (n < hits.length && indexes[hits[n].lang].info[hits[n].page]) n++;
    return n;
  }

  /* Shards the ids need that are not loaded; starts loading them. */
  function missingShards(ix, ids) {
    var missing = [];
    ids.forEach(function (pair) {
      var k = shardOf(ix, pair[0]);
      if (!ix.shardLoaded[k] && missing.indexOf(k) < 0) missing.push(k);
    });
    missing.forEach(function (k) { ix.request("post-" + ix.lang + "-" + k); });
    return missing.length;
  }

  /* Ranked hits of `query` in language `lang`: one per page, its best
     target, at most score.js's LIMIT; `.total` counts them all, `.typos` lists the
     words matched only with typing errors ({word, term, lang}). Pages
     matching more words come first, then by BM25F score, in which a title
     weighs six times the body (index.rs), plus TITLE_BONUS per word in
     the title: a title weighs a lot but overrides nothing; it also breaks
     ties. Returns null while postings the query needs are still loading. */
  function search(lang, query, typing) {
    var ix = indexes[lang];
    if (!ix) return null;
    // The same query again (each page file that arrives runs it again)
    // with the same postings: the same hits.
    var asked = (typing ? "t" : "f") + ix.shardCount + "/" + ix.blockCount + "\u0000" + query;
    if (ix.last && ix.last.asked === asked) return ix.last.hits;
    var words = D.parse(query, lang, ix, typing);
    if (!words) return null;
    var all = [];
    words.forEach(function (w) { all = all.concat(w.ids); });
    if (missingShards(ix, all)) return null;
    var hits = [];
    hits.total = 0;
    hits.typos = words.filter(function (w) { return w.typo; }).map(function (w) {
      return { word: w.word, term: w.typo, lang: lang };
    });
    hits.found = words.filter(function (w) { return w.ids.length && !w.typo; }).map(function (w) { return w.word; });
    if (!words.length) return hits;
    var ranked = R.rank(ix, words);
    ranked.pages.forEach(function (r) {
      hits.push({ lang: lang, doc: r.doc, page: r.page, score: r.score, matched: r.matched, all: r.matched === words.length ? 1 : 0, title: r.title, words: words });
    });
    hits.total = ranked.total;
    ix.last = { asked: asked, hits: hits };
    return hits;
  }

  /* Both languages at once, grouped by pair: a pair found in several
     languages is one hit, shown in the reader's language when it has it. */
  function searchBoth(langs, reader, query, typing) {
    var byPair = new Map();
    var pending = false;
    var typos = [], found = [];
    langs.forEach(function (lang) {
      var hits = search(lang, query, typing);
      if (!hits) { pending = true; return; }
      typos = lang === reader ? hits.typos.concat(typos) : typos.concat(hits.typos);
      found = found.concat(hits.found);
      hits.forEach(function (hit) {
        var pair = indexes[lang].pair[hit.page];
        var prev = byPair.get(pair);
        var better = !prev || (hit.lang === reader && prev.lang !== reader) ||
          (prev.lang !== reader && rank(hit, prev) < 0);
        if (better) byPair.set(pair, hit);
      });
    });
    if (pending) return null;
    var out = Array.from(byPair.values()).sort(rank);
    out.total = out.length;
    // A word found as written in one language is no typing error.
    out.typos = typos.filter(function (t, i) {
      return found.indexOf(t.word) < 0 && typos.findIndex(function (u) { return u.word === t.word; }) === i;
    });
    return out;
  }

  function rank(a, b) {
    return (b.all - a.all) || (b.matched - a.matched) || (b.score - a.score) || (b.title - a.title);
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
      w.ids.forEach(function (p) { if (p[1] !== D.WHOLE) inside.push(D.termAt(ix, p[0])); });
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

  /* ---- "did you mean" */

  /* The query with each word that matched only with typing errors
     replaced by the word as the handbook writes it (in the title or text
     of the first of the hits that has its term): done(query), or done("")
     when there is nothing to suggest. */
  function suggest(hits, query, done) {
    var typos = hits.typos || [];
    if (!typos.length || !hits.length) return done("");
    var fixed = {};
    var left = typos.length;
    typos.forEach(function (typo) {
      spelled(hits, typo, 0, function (word) {
        fixed[typo.word] = word;
        if (--left) return;
        var asked = String(query).trim();
        var out = asked.split(/\s+/).map(function (w) { return fixed[w] || w; }).join(" ");
        done(out === asked ? "" : out);
      });
    });
  }

  /* How hit i, or a later one of the first eight, writes the typo's term;
     the typed word when none does. */
  function spelled(hits, typo, i, done) {
    if (i >= hits.length || i >= 8) return done(typo.word);
    var hit = hits[i];
    var next = function () { spelled(hits, typo, i + 1, done); };
    if (hit.lang !== typo.lang) return next();
    var ix = indexes[hit.lang];
    var inTitle = writing((ix.info[hit.page] || [""])[0], typo, ix);
    if (inTitle) return done(inTitle);
    textOf(hit, function (entry) {
      var inText = writing(entry[1] + " " + entry[2], typo, ix);
      if (inText) done(inText); else next();
    });
  }

  /* The first word of `text` whose term is the typo's, in the case the
     reader typed (lowercase stays lowercase); "" when there is none. */
  function writing(text, typo, ix) {
    var A = root.BrugAnalyze, head = typo.term.slice(0, 2);
    var re = /[\p{L}\p{N}]+/gu;
    var m;
    for (var n = 0; (m = re.exec(text)) && n < 5000; n++) {
      if (folded(m[0], typo.lang).lastIndexOf(head, 0) !== 0) continue;
      if (A.analyze(m[0], typo.lang, ix.vocab)[0] !== typo.term) continue;
      return typo.word === typo.word.toLowerCase() ? m[0].toLowerCase() : m[0];
    }
    return "";
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
  if (loader) {
    loader.onfail = function () { failed = true; notify(); };
    // A stemmer arrives after the analysis data named it.
    loader.onloaded = notify;
  }

  /* The analysis and the indexes of `langs`: the loader requests each
     once (the analysis came with this script) and runs them in order. */
  function ensure(base, langs) {
    if (loader) loader.search(base, langs.filter(function (lang) { return !indexes[lang]; }));
  }

  /* After the index of a handbook with at most PREFETCH_MAX shards, the
     other shards load one by one when the browser is idle, so that later
     words rarely wait for one; a larger handbook's readers load only the
     shards their words need. */
  var PREFETCH_MAX = 4;
  function prefetch(lang) {
    var ix = indexes[lang];
    if (!ix || ix.shards.length > PREFETCH_MAX) return;
    var idle = root.requestIdleCallback || function (f) { return setTimeout(f, 50); };
    var k = 0;
    (function next() {
      while (k < ix.shards.length && (ix.shardLoaded[k] || waiting["post-" + lang + "-" + k])) k++;
      if (k >= ix.shards.length) return;
      waiting["post-" + lang + "-" + k] = true;
      idle(function () { load(ix.base + "search/post-" + lang + "-" + k + ".js", next); });
    })();
  }

  /* ---- what a hit shows */

  function resultUrl(base, url) {
    return base + url;
  }

  function hitTarget(hit) {
    var ix = indexes[hit.lang];
    var page = ix.info[hit.page] || ["", "", 0, "", ""];
    var entry = entryOf(hit) || ["", "", ""];
    return {
      title: page[0],
      page: resultUrl(ix.base, page[1]),
      href: resultUrl(ix.base, page[1]) + (entry[0] ? "#" + entry[0] : ""),
      section: ix.groups[page[2]] || "",
      heading: entry[1],
      other: page[3] ? resultUrl(ix.base, page[3]) : null,
      otherLang: page[4],
      lang: hit.lang
    };
  }

  var api = {
    /* Called by search/index-LANG.js. */
    index: function (data) {
      data.blockFirst = [];
      D.unfront(data.blocks, function (word) { data.blockFirst.push(word); });
      data.blockTerms = D.decode(data.block_terms);
      data.block = [];
      data.blockCount = 0;
      data.vocab = new Set();
      delete data.blocks;
      var words = data.words || [];
      delete data.words;
      var counts = D.decode(data.counts), targets = 0, i;
      for (i = 0; i < counts.length; i++) targets += counts[i];
      data.docPage = new Int32Array(targets);
      for (var page = 0, t = 0; page < counts.length; t += counts[page], page++) {
        data.docPage.fill(page, t, t + counts[page]);
      }
      var zigzag = D.decode(data.pairs);
      data.pair = new Int32Array(zigzag.length);
      for (i = 0, page = 0; i < zigzag.length; i++) {
        var v = zigzag[i];
        page += (v & 1) ? -((v + 1) >> 1) : v >> 1;
        data.pair[i] = page;
      }
      data.info = data.pages || new Array(counts.length);
      data.shardCount = 0;
      delete data.pages;
      data.post = data.postings || new Array(data.term_count);
      data.decoded = new Array(data.term_count);
      data.shardLoaded = data.postings ? [true] : [];
      delete data.postings;
      data.base = currentBase;
      // Loads search/KEY.js once (a dictionary block, a postings shard, a
      // page file).
      data.request = function (key) {
        if (waiting[key]) return;
        waiting[key] = true;
        load(data.base + "search/" + key + ".js");
      };
      indexes[data.lang] = data;
      words.forEach(function (coded, k) { D.addBlock(data, k, coded); });
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
      ix.shardCount++;
      notify();
    },
    /* Called by search/words-LANG-K.js: block k of the dictionary. */
    words: function (lang, k, coded) {
      var ix = indexes[lang];
      if (!ix || ix.block[k]) return;
      D.addBlock(ix, k, coded);
      notify();
    },
    /* Called by search/pages-LANG-K.js: pages k * page_chunk … */
    pages: function (lang, k, list) {
      var ix = indexes[lang];
      if (!ix) return;
      for (var i = 0; i < list.length; i++) ix.info[k * ix.page_chunk + i] = list[i];
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
    suggest: suggest,
    /* What a hit shows and links to: { title, page, href, section,
       heading, other, otherLang, lang } (href with its section's anchor
       and heading once its text chunk is loaded). */
    target: hitTarget,
    ready: function (lang) { return !!indexes[lang] && !!root.BrugAnalyze && root.BrugAnalyze.ready(lang); },
    /* For the interface (search-ui.js). */
    ensure: ensure,
    missingPages: missingPages,
    pagesReady: pagesReady,
    textOf: textOf,
    snippet: snippet,
    /* f runs whenever a file of the search arrives (or fails). */
    listen: function (f) { listeners.push(f); },
    unlisten: function (f) { var i = listeners.indexOf(f); if (i >= 0) listeners.splice(i, 1); },
    failed: function () { return failed; },
    /* Where the site's root is, from the page (the index files' links are
       relative to it). */
    setBase: function (base) { currentBase = base; }
  };
  var currentBase = "";
  root.BrugSearch = api;

  if (typeof module !== "undefined" && module.exports) module.exports = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
