/* brug search: the dictionary (its blocks, loaded as queries need them)
   and what each word of a query matches in it: the term numbers and
   weights of its stem, its compound parts, a longer term it is inside, a
   term it starts (while typed), a term a typing error or two away, or,
   for a compound the handbook lacks, the known words it starts and ends
   with.
   search.js ranks the pages those terms lead to. The index format is
   described at the top of search.js; an index object `ix` here has
   blockFirst (the first word of each block), blockTerms (the number of
   terms before each), block (each loaded block's terms), vocab (a Set of
   the loaded blocks' compound words) and request(key), which loads
   search/KEY.js once. */
(function (root) {
  "use strict";

  var END = "0123456789abcdefghijklmnopqrstuv";
  var MORE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ@$%&*+";
  var PREFIX_MAX = 40;
  var INFIX_MAX = 40;
  /* How a term matched a query word, as the weight of its score: the word
     (its stem), one of its compound parts, the word inside a longer term,
     the start of a term (the word being typed), a term one or two typing
     errors away (only for a word the handbook does not have). */
  var WHOLE = 1, PART = 0.6, INSIDE = 0.5, PREFIX = 0.4, TYPO = [0.3, 0.3, 0.2];
  /* Typo tolerance: one edit from words of this many letters, two from
     words of TYPO_TWO; at most TYPO_MAX terms per word. */
  var TYPO_ONE = 5, TYPO_TWO = 9, TYPO_MAX = 20;
  /* An unknown compound of ENDS_MIN letters or more matches the known
     words of END_LETTERS or more it starts or ends with. */
  var ENDS_MIN = 8, END_LETTERS = 4;

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

  /* Calls f(word, kind) for each word of a front-coded string (see
     blocks above). */
  function unfront(s, f) {
    var prev = "";
    if (!s) return;
    var items = s.split(" ");
    for (var i = 0; i < items.length; i++) {
      var item = items[i], n = 0, j = 0;
      for (; j < item.length; j++) {
        var c = DIGIT[item.charCodeAt(j)];
        if (c < 32) { n = n * 32 + c; j++; break; }
        n = n * 32 + (c - 32);
      }
      var kind = n % 3;
      prev = prev.slice(0, (n - kind) / 3) + item.slice(j);
      f(prev, kind);
    }
  }

  /* Block k of the dictionary: its terms, and its words compounds are
     split into. */
  function addBlock(ix, k, coded) {
    var terms = [];
    unfront(coded, function (word, kind) {
      if (kind !== 1) terms.push(word);
      if (kind !== 0) ix.vocab.add(word);
    });
    ix.block[k] = terms;
    ix.blockCount++;
  }

  /* The block that holds `word`'s place in the sorted dictionary. */
  function blockOf(ix, word) {
    var i = lowerBound(ix.blockFirst, word);
    return i < ix.blockFirst.length && ix.blockFirst[i] === word ? i : Math.max(i - 1, 0);
  }

  /* Whether blocks from..to are all here; starts loading those that are
     not. */
  function haveBlocks(ix, from, to) {
    var ok = true;
    for (var k = from; k <= to && k < ix.blockFirst.length; k++) {
      if (ix.block[k]) continue;
      ok = false;
      ix.request("words-" + ix.lang + "-" + k);
    }
    return ok;
  }

  /* Whether the blocks of every word starting with `prefix` are here. */
  function haveStart(ix, prefix) {
    return haveBlocks(ix, blockOf(ix, prefix), blockOf(ix, prefix + "\uffff"));
  }

  /* The number of a term, -1 if the handbook lacks it, MISSING while its
     block is loading. */
  var MISSING = -2;
  function termId(ix, term) {
    if (!ix.blockFirst.length) return -1;
    var k = blockOf(ix, term);
    if (!haveBlocks(ix, k, k)) return MISSING;
    var terms = ix.block[k], i = lowerBound(terms, term);
    return terms[i] === term ? ix.blockTerms[k] + i : -1;
  }

  /* The term numbered id (its block is loaded). */
  function termAt(ix, id) {
    var k = lowerBound(ix.blockTerms, id + 1) - 1;
    return ix.block[k][id - ix.blockTerms[k]];
  }

  function lowerBound(arr, key) {
    var lo = 0, hi = arr.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (arr[mid] < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* The words of a query, each with its terms; the last word also matches
     as a prefix while the reader is still typing it. A word with no term
     at all matches the terms a typing error or two away (`typo`: the
     nearest term, for "did you mean"). Null while dictionary blocks the
     words need are loading. */
  function parse(query, lang, ix, typing) {
    var A = root.BrugAnalyze;
    var words = String(query).split(/\s+/).filter(Boolean);
    var folds = words.map(function (word) { return A.fold(word, lang); });
    // Compound parts may start anywhere in a word: the blocks of every
    // word that starts as a part of it could (min_part letters) first.
    var minPart = A.minPart(lang), ready = true;
    folds.forEach(function (f) {
      f.split(/[^a-z]+/).forEach(function (run) {
        for (var i = 0; run.length >= 2 * minPart && i + minPart <= run.length; i++) {
          if (!haveStart(ix, run.slice(i, i + minPart))) ready = false;
        }
      });
    });
    if (!ready) return null;
    var parsed = [];
    words.forEach(function (word, w) {
      var found = lookUp(ix, lang, word, folds[w], typing && w === words.length - 1);
      if (!found) ready = false;
      else if (found.ids.length || found.terms.length) parsed.push(found);
    });
    return ready ? parsed : null;
  }

  /* One word of a query: its terms and the matching term numbers with
     their weights; null while blocks it needs are loading. */
  function lookUp(ix, lang, word, fold, last) {
    var terms = root.BrugAnalyze.analyze(word, lang, ix.vocab);
    var ids = [], ready = true;
    terms.forEach(function (t, k) {
      var id = termId(ix, t);
      if (id === MISSING) ready = false;
      else if (id >= 0) ids.push([id, k === 0 ? WHOLE : PART]);
    });
    if (!ready) return null;
    // A word the handbook has as a term needs not its compound parts:
    // the pages with the parts apart rank below it anyway, and their
    // postings are most of what such a query would load.
    if (ids.length > 1 && ids[0][1] === WHOLE) ids = ids.slice(0, 1);
    var folded = fold.replace(/[^a-z0-9\u00c0-\uffff]/g, "");
    var inside = !ids.length && terms.length && terms[0].length >= 4;
    var typos = !ids.length && terms.length && !/[0-9]/.test(folded) && folded.length >= TYPO_ONE;
    // Looking inside terms and for typing errors reads every term.
    if ((inside || typos) && !haveBlocks(ix, 0, ix.blockFirst.length - 1)) return null;
    // A word the handbook only uses inside compounds it was not split
    // from (Prinzip in Konsensprinzip): look for it inside terms.
    if (inside) {
      eachTerm(ix, function (t, j) {
        if (t.indexOf(terms[0]) > 0) ids.push([j, INSIDE]);
        return ids.length < INFIX_MAX;
      });
    }
    if (last && folded.length >= 2) {
      if (!haveStart(ix, folded)) return null;
      var n = 0;
      eachTerm(ix, function (t, j) {
        if (t.lastIndexOf(folded, 0) !== 0) return t < folded;
        if (!ids.some(function (x) { return x[0] === j; })) ids.push([j, PREFIX]);
        return ++n < PREFIX_MAX;
      }, blockOf(ix, folded));
    }
    var typo = null;
    if (!ids.length && typos) {
      var near = nearTerms(ix, terms[0], folded, folded.length >= TYPO_TWO ? 2 : 1);
      near.forEach(function (x) { ids.push([x[0], TYPO[x[1]]]); });
      if (near.length) typo = termAt(ix, near[0][0]);
    }
    // A compound that is neither in the handbook nor split into its words
    // (papierstoring, where the text has papier but not storing): the
    // longest words it starts and ends with, as compound parts.
    if (!ids.length && /^[a-z]+$/.test(folded) && folded.length >= ENDS_MIN) {
      var A = root.BrugAnalyze, ends = knownEnds(ix, folded);
      for (var e = 0; e < ends.length; e++) {
        var id = termId(ix, A.stem(ends[e], lang));
        if (id === MISSING) return null;
        if (id >= 0) ids.push([id, PART]);
      }
    }
    // The word as folded, when it is one word: the form whose pages rank
    // above those with other forms of its term (search.js).
    var form = /^[a-z0-9\u00c0-\uffff]+$/.test(fold) ? fold : "";
    return { word: word, terms: terms, ids: ids, typo: typo, form: form };
  }

  /* The longest compound words (of the loaded blocks) of at least
     END_LETTERS letters that `word` starts with and ends with, each
     leaving at least three letters. */
  function knownEnds(ix, word) {
    var ends = [], n = word.length;
    for (var e = n - 3; e >= END_LETTERS; e--) {
      if (ix.vocab.has(word.slice(0, e))) { ends.push(word.slice(0, e)); break; }
    }
    for (var s = 3; s <= n - END_LETTERS; s++) {
      if (ix.vocab.has(word.slice(s))) { ends.push(word.slice(s)); break; }
    }
    return ends;
  }

  /* Calls f(term, id) for each term of the loaded blocks from block
     `from` on, in order, while f returns true. */
  function eachTerm(ix, f, from) {
    for (var k = from || 0; k < ix.blockFirst.length && ix.block[k]; k++) {
      var terms = ix.block[k];
      for (var i = 0; i < terms.length; i++) {
        if (!f(terms[i], ix.blockTerms[k] + i)) return;
      }
    }
  }

  /* Terms at most `max` edits (a letter added, dropped, changed, or two
     neighbours swapped) from the stem of a word, or from the start of the
     folded word itself, since a typing error can change how a word is
     stemmed (overdraagbarheid → overdrag, overdraagbarheid → overdraagbar);
     such a term must be at least half the word. Nearest first, then the
     closest in length to the stem, then in term order: [[id, edits]], at
     most TYPO_MAX. */
  function nearTerms(ix, stem, folded, max) {
    var found = [];
    var shortest = Math.max(TYPO_ONE, Math.ceil(folded.length / 2));
    eachTerm(ix, function (t, i) {
      var d = max + 1;
      if (!sameStart(t, folded) && !sameStart(t, stem)) return true;
      if (Math.abs(t.length - stem.length) <= max && t !== stem) d = edits(stem, t, max, false);
      if (d > max && t.length >= shortest && t.length <= folded.length + max) d = edits(t, folded, max, true);
      if (d <= max) found.push([i, d]);
      return true;
    });
    var off = function (x) { return Math.abs(termAt(ix, x[0]).length - stem.length); };
    found.sort(function (a, b) { return (a[1] - b[1]) || (off(a) - off(b)) || (a[0] - b[0]); });
    return found.slice(0, TYPO_MAX);
  }

  /* Whether one edit at the start can make a's first two letters b's (a
     quick test that skips most terms, a bit strict for two edits at the
     very start). */
  function sameStart(a, b) {
    var a0 = a.charCodeAt(0), a1 = a.charCodeAt(1), b0 = b.charCodeAt(0), b1 = b.charCodeAt(1);
    return a0 === b0 || a1 === b1 || a0 === b1 || a1 === b0;
  }

  /* The optimal string alignment distance of a and b (with `prefix`, of a
     and the nearest start of b), or max + 1 as soon as it must exceed
     max. */
  var rows = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
  function edits(a, b, max, prefix) {
    var n = a.length, m = Math.min(b.length, 63), j;
    var before = rows[0], prev = rows[1], cur = rows[2];
    for (j = 0; j <= m; j++) prev[j] = j;
    for (var i = 1; i <= n; i++) {
      var ai = a.charCodeAt(i - 1);
      cur[0] = i;
      var low = i;
      for (j = 1; j <= m; j++) {
        var bj = b.charCodeAt(j - 1);
        var v = prev[j - 1] + (ai === bj ? 0 : 1);
        if (prev[j] + 1 < v) v = prev[j] + 1;
        if (cur[j - 1] + 1 < v) v = cur[j - 1] + 1;
        if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj && before[j - 2] + 1 < v) v = before[j - 2] + 1;
        cur[j] = v;
        if (v < low) low = v;
      }
      if (low > max) return max + 1;
      var t = before; before = prev; prev = cur; cur = t;
    }
    if (!prefix) return prev[m];
    var best = max + 1;
    for (j = 0; j <= m; j++) if (prev[j] < best) best = prev[j];
    return best;
  }

  root.BrugDictionary = {
    decode: decode,
    unfront: unfront,
    addBlock: addBlock,
    lowerBound: lowerBound,
    parse: parse,
    termAt: termAt,
    WHOLE: WHOLE
  };
  if (typeof module !== "undefined" && module.exports) module.exports = root.BrugDictionary;
})(typeof globalThis !== "undefined" ? globalThis : this);
