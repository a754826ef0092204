/* brug search: scoring. The pages a query's words hit in an index, best
   first: per word, each target's best score among the word's terms (a
   posting's BM25F score, weighted by how the term matched: dictionary.js),
   summed over the words; a page counts its best target. Pages matching
   more words come first, then by score, then by words in the title.
   search.js builds the hits from this; the arrays are reused per index,
   so a query allocates almost nothing. */
(function (root) {
  "use strict";

  /* Added to a term's score (1 to 15) when it is in the page's title, on
     top of the title's field weight in the score itself: it lifts a title
     match above pages that mention the word as often (the scores are
     coarse: many tie), not above a page that matches every word many
     times (tests/search.rs has both cases). */
  var TITLE_BONUS = 1;
  /* A query word's score in a page that has its term only in another
     form (Wahl for Wahlen) or inside compounds, relative to a page with
     the word as typed: exact words rank above stems, and these above
     compound parts (weighed in dictionary.js). */
  var OTHER_FORM = 0.7;
  /* Hits returned per language (more would only be counted). */
  var LIMIT = 200;

  var D = root.BrugDictionary;

  /* The postings of term t: doc ids and values, decoded once, and the
     coded forms (index.rs: which postings have which form), if any. */
  function postings(ix, t) {
    var p = ix.decoded[t];
    if (p) return p;
    var coded = ix.post[t] || "", cut = coded.indexOf(" ");
    var nums = D.decode(cut < 0 ? coded : coded.slice(0, cut));
    var docs = new Int32Array(nums.length >> 1), vals = new Int32Array(nums.length >> 1);
    var doc = 0;
    for (var i = 0, j = 0; i + 1 < nums.length; i += 2, j++) {
      doc += nums[i];
      docs[j] = doc;
      vals[j] = nums[i + 1];
    }
    p = ix.decoded[t] = { docs: docs, vals: vals, forms: cut < 0 ? "" : coded.slice(cut + 1), has: {} };
    return p;
  }

  /* Which of p's postings have the word's form (1) and which only other
     forms or compounds (0), coded as postings.rs's forms_encoded says;
     null when p does not tell them apart or does not list the form (then
     all weigh alike). */
  function withForm(p, form) {
    if (!p.forms || !form) return null;
    if (p.has[form] !== undefined) return p.has[form];
    var parts = p.forms.split(" "), has = null;
    for (var i = 0; i + 1 < parts.length && !has; i += 2) {
      if (parts[i] !== form) continue;
      var nums = D.decode(parts[i + 1]), kind = nums[0], j;
      has = new Uint8Array(p.docs.length);
      if (kind === 2) {
        // A bit per posting, five to a digit.
        for (j = 0; j < has.length; j++) has[j] = (nums[1 + ((j / 5) | 0)] >> (j % 5)) & 1;
      } else {
        // The places that have it (0) or do not (1), as distances.
        has.fill(kind);
        for (var k = 1, at = 0; k < nums.length; k++) {
          at += nums[k];
          has[at] = 1 - kind;
        }
      }
    }
    p.has[form] = has;
    return has;
  }

  /* Scratch arrays per index, reused by every query: typed arrays sized
     once, so that the first query (run cold, before the JIT has seen it)
     neither grows lists nor collects garbage. */
  function scratch(ix) {
    if (!ix.acc) {
      var n = ix.docPage.length, pages = ix.pair.length;
      ix.acc = new Float64Array(n);
      ix.best = new Float64Array(n);
      ix.matched = new Uint8Array(n);
      ix.inTitle = new Uint8Array(n);
      ix.wordTitle = new Uint8Array(n);
      ix.wordDocs = new Int32Array(n);
      ix.touched = new Int32Array(n);
      ix.pageKey = new Float64Array(pages);
      ix.pageDoc = new Int32Array(pages);
      ix.pagesHit = new Int32Array(pages);
      ix.keys = new Float64Array(pages);
    }
    return ix;
  }

  /* Adds word w's best score per target to ix.acc; returns the new
     number of touched targets (ix.touched[0 .. touched)). The arrays are
     locals: ix is a dictionary-mode object (its loader deletes fields),
     slow to read in a loop. */
  function addWord(ix, w, touched) {
    var best = ix.best, wordTitle = ix.wordTitle, wordDocs = ix.wordDocs;
    var acc = ix.acc, matched = ix.matched, inTitle = ix.inTitle, all = ix.touched;
    var wt = 0, doc;
    if (w.ids.length === 1) return addTerm(ix, w, touched);
    for (var i = 0; i < w.ids.length; i++) {
      var p = postings(ix, w.ids[i][0]), weight = w.ids[i][1], docs = p.docs, vals = p.vals;
      var has = weight === D.WHOLE ? withForm(p, w.form) : null;
      for (var j = 0; j < docs.length; j++) {
        var v = vals[j], s = ((v >> 1) + (v & 1) * TITLE_BONUS) * weight;
        if (has !== null && has[j] === 0) s *= OTHER_FORM;
        doc = docs[j];
        if (best[doc] === 0 && wordTitle[doc] === 0) wordDocs[wt++] = doc;
        if (s > best[doc]) best[doc] = s;
        if (v & 1) wordTitle[doc] = 1;
      }
    }
    for (var k = 0; k < wt; k++) {
      doc = wordDocs[k];
      if (matched[doc] === 0) all[touched++] = doc;
      acc[doc] += best[doc];
      matched[doc]++;
      inTitle[doc] += wordTitle[doc];
      best[doc] = 0;
      wordTitle[doc] = 0;
    }
    return touched;
  }

  /* addWord for a word of one term (most are): each posting is the
     word's score, added in one pass. The first query runs before the JIT
     has compiled anything, and this halves its work. */
  function addTerm(ix, w, touched) {
    var acc = ix.acc, matched = ix.matched, inTitle = ix.inTitle, all = ix.touched;
    var p = postings(ix, w.ids[0][0]), weight = w.ids[0][1], docs = p.docs, vals = p.vals;
    var has = weight === D.WHOLE ? withForm(p, w.form) : null;
    for (var j = 0; j < docs.length; j++) {
      var doc = docs[j], v = vals[j];
      if (matched[doc] === 0) all[touched++] = doc;
      acc[doc] += ((v >> 1) + (v & 1) * TITLE_BONUS) * weight * (has !== null && has[j] === 0 ? OTHER_FORM : 1);
      matched[doc]++;
      inTitle[doc] += v & 1;
    }
    return touched;
  }

  /* Each touched target's key into its page's (the best target's wins);
     returns the number of pages hit (ix.pagesHit[0 .. count)). */
  function keyPages(ix, touched) {
    var docPage = ix.docPage, pageKey = ix.pageKey, pageDoc = ix.pageDoc, pagesHit = ix.pagesHit;
    var acc = ix.acc, matched = ix.matched, inTitle = ix.inTitle, all = ix.touched;
    var count = 0;
    for (var i = 0; i < touched; i++) {
      var doc = all[i], page = docPage[doc];
      var key = matched[doc] * 1e7 + acc[doc] * 10 + inTitle[doc];
      if (pageKey[page] === 0) pagesHit[count++] = page;
      if (key > pageKey[page]) { pageKey[page] = key; pageDoc[page] = doc; }
    }
    return count;
  }

  /* The pages hit, best first (by ix.pageKey, ties by page), at most
     LIMIT of them sorted: the keys are sorted natively to find the
     LIMIT-th, and only pages at or above it by comparison. */
  function topPages(ix, count) {
    var top = [], i, pageKey = ix.pageKey, pagesHit = ix.pagesHit;
    var cut = -Infinity;
    if (count > LIMIT) {
      var keys = ix.keys.subarray(0, count);
      for (i = 0; i < count; i++) keys[i] = pageKey[pagesHit[i]];
      keys.sort();
      cut = keys[count - LIMIT];
    }
    for (i = 0; i < count; i++) {
      if (pageKey[pagesHit[i]] >= cut) top.push(pagesHit[i]);
    }
    top.sort(function (a, b) { return (pageKey[b] - pageKey[a]) || (a - b); });
    return top.length > LIMIT ? top.slice(0, LIMIT) : top;
  }

  /* The pages `words` hit in ix, best first, at most LIMIT, each with its
     best target, the target's score, words matched and title words; and
     how many pages were hit. The postings must be loaded. */
  function rank(ix, words) {
    scratch(ix);
    var touched = 0, i, doc;
    for (i = 0; i < words.length; i++) touched = addWord(ix, words[i], touched);
    var count = keyPages(ix, touched);
    var pages = topPages(ix, count).map(function (page) {
      var best = ix.pageDoc[page];
      return { page: page, doc: best, score: ix.acc[best], matched: ix.matched[best], title: ix.inTitle[best] };
    });
    for (i = 0; i < touched; i++) {
      doc = ix.touched[i];
      ix.acc[doc] = 0; ix.matched[doc] = 0; ix.inTitle[doc] = 0;
    }
    for (i = 0; i < count; i++) ix.pageKey[ix.pagesHit[i]] = 0;
    return { pages: pages, total: count };
  }

  root.BrugScore = { rank: rank };
})(typeof globalThis !== "undefined" ? globalThis : this);
