/* Search text analysis in the browser.
 *
 * BrugAnalyze.analyze(text, lang, vocab) returns the same terms as
 * Analyzer::terms in src/search/analyze.rs, which builds the index; the steps
 * and their order are described there, and tests/search_parity.rs checks both
 * sides on every word of the handbook. Change the two together.
 *
 * Load after analysis-data.js; the stemmer of a language (snowball/*.js)
 * must be there before its first use (see ready); plain script, no modules, so it also
 * works from file://. Under node, evaluate those scripts first (vm) and then
 * require this file.
 */
(function (root) {
  'use strict';

  var STEMMERS = { dutch: 'DutchStemmer', german: 'GermanStemmer' };
  var prepared = {};
  var vocabSets = typeof WeakMap === 'function' ? new WeakMap() : null;

  /** The analysis for one language, built once from the shared data. */
  function prepare(lang) {
    if (Object.prototype.hasOwnProperty.call(prepared, lang)) return prepared[lang];
    var data = root.BrugAnalysisData;
    var has = data && Object.prototype.hasOwnProperty.call(data.languages, lang);
    var language = has ? data.languages[lang] : null;
    if (!language) throw new Error('BrugAnalyze: no analysis data for language ' + lang);
    var Stemmer = root[STEMMERS[language.stemmer]];
    if (typeof Stemmer !== 'function') {
      throw new Error('BrugAnalyze: the ' + language.stemmer + ' stemmer is not loaded');
    }
    var ranges = data.ignorable.map(function (r) {
      return '\\u{' + r[0].toString(16) + '}-\\u{' + r[1].toString(16) + '}';
    }).join('');
    var a = {
      table: new Map(Object.keys(data.fold).map(function (k) { return [k, data.fold[k]]; })),
      ignorable: data.ignorable,
      hyphens: Array.from(data.hyphens),
      word: new RegExp('[\\p{Alphabetic}\\p{N}' + ranges + ']+', 'gu'),
      digraphs: language.digraphs.map(function (d) {
        return { from: Array.from(d.from), to: d.to, notAfter: Array.from(d.not_after) };
      }),
      linkers: language.linkers.slice(),
      limits: data.limits,
      stemmer: new Stemmer(),
      stopwords: null
    };
    a.stopwords = new Set(language.stopwords.map(function (w) { return fold(a, w); }));
    prepared[lang] = a;
    return a;
  }

  function isIgnorable(a, cp) {
    for (var i = 0; i < a.ignorable.length; i++) {
      if (a.ignorable[i][0] <= cp && cp <= a.ignorable[i][1]) return true;
    }
    return false;
  }

  /** Words of the text, grouped: words joined by exactly one hyphen form one group. */
  function groups(a, text) {
    var out = [];
    var prevEnd = -1;
    var m;
    a.word.lastIndex = 0;
    while ((m = a.word.exec(text)) !== null) {
      var gap = prevEnd < 0 ? '' : text.slice(prevEnd, m.index);
      var joined = Array.from(gap).length === 1 && a.hyphens.indexOf(gap) >= 0;
      if (joined) out[out.length - 1].push(m[0]);
      else out.push([m[0]]);
      prevEnd = m.index + m[0].length;
    }
    return out;
  }

  /** Lowercase, fold table characters, drop ignorable marks, merge digraphs. */
  function fold(a, word) {
    var out = '';
    for (var ch of word.toLowerCase()) {
      if (isIgnorable(a, ch.codePointAt(0))) continue;
      var to = a.table.get(ch);
      out += to === undefined ? ch : to;
    }
    return a.digraphs.length ? mergeDigraphs(a, out) : out;
  }

  function mergeDigraphs(a, word) {
    var chars = Array.from(word);
    var out = '';
    var i = 0;
    while (i < chars.length) {
      var hit = null;
      if (i + 1 < chars.length) {
        for (var k = 0; k < a.digraphs.length; k++) {
          var d = a.digraphs[k];
          var blocked = i > 0 && d.notAfter.indexOf(chars[i - 1]) >= 0;
          if (d.from[0] === chars[i] && d.from[1] === chars[i + 1] && !blocked) {
            hit = d;
            break;
          }
        }
      }
      if (hit) {
        out += hit.to;
        i += 2;
      } else {
        out += chars[i];
        i += 1;
      }
    }
    return out;
  }

  function isAz(word) {
    return /^[a-z]+$/.test(word);
  }

  function stem(a, folded) {
    return isAz(folded) ? a.stemmer.stemWord(folded) : folded;
  }

  function keeps(a, folded) {
    var len = Array.from(folded).length;
    return len > 0 && len <= a.limits.max_token && !a.stopwords.has(folded);
  }

  function pushUnique(terms, term) {
    if (terms.indexOf(term) < 0) terms.push(term);
  }

  /** Fewer parts, then fewer links, then longer parts from the left. */
  function better(x, y) {
    if (x.parts.length !== y.parts.length) return x.parts.length < y.parts.length;
    if (x.links !== y.links) return x.links < y.links;
    for (var i = 0; i < x.parts.length; i++) {
      var lx = x.parts[i][1] - x.parts[i][0];
      var ly = y.parts[i][1] - y.parts[i][0];
      if (lx !== ly) return lx > ly;
    }
    return false;
  }

  /** The compound split of a word of a-z into vocabulary words, or null. */
  function split(a, word, vocab) {
    var n = word.length;
    var minPart = Math.max(a.limits.min_part, 1);
    var linkers = [''].concat(a.linkers);
    var memo = new Map();

    function best(i, left) {
      if (left === 0) return null;
      var key = i * (a.limits.max_parts + 1) + left;
      if (memo.has(key)) return memo.get(key);
      var found = null;
      function consider(seg) {
        if (found === null || better(seg, found)) found = seg;
      }
      for (var end = n; end >= i + minPart; end--) {
        if (!vocab.has(word.slice(i, end))) continue;
        var rest = word.slice(end);
        if (i > 0) {
          if (rest === '') consider({ parts: [[i, end]], links: 0 });
          if (a.linkers.indexOf(rest) >= 0) consider({ parts: [[i, end]], links: 1 });
        }
        for (var k = 0; k < linkers.length; k++) {
          var linker = linkers[k];
          var next = end + linker.length;
          if (rest.slice(0, linker.length) !== linker || next + minPart > n) continue;
          var tail = best(next, left - 1);
          if (tail !== null) {
            consider({
              parts: [[i, end]].concat(tail.parts),
              links: tail.links + (linker === '' ? 0 : 1)
            });
          }
        }
      }
      memo.set(key, found);
      return found;
    }

    var seg = best(0, a.limits.max_parts);
    return seg && seg.parts.map(function (p) { return word.slice(p[0], p[1]); });
  }

  function compoundTerms(a, word, vocab, depth, terms) {
    if (depth >= a.limits.max_depth) return;
    var parts = split(a, word, vocab);
    if (!parts) return;
    for (var i = 0; i < parts.length; i++) {
      pushUnique(terms, stem(a, parts[i]));
      compoundTerms(a, parts[i], vocab, depth + 1, terms);
    }
  }

  function wordTerms(a, word, vocab, terms) {
    var folded = fold(a, word);
    if (!keeps(a, folded)) return;
    pushUnique(terms, stem(a, folded));
    var len = folded.length;
    if (isAz(folded) && len >= 2 * a.limits.min_part && len <= a.limits.max_compound) {
      compoundTerms(a, folded, vocab, 0, terms);
    }
  }

  /** A Set of vocabulary words from the array the build emits (cached per array). */
  function vocabSet(vocab) {
    if (!vocab) return new Set();
    if (vocab instanceof Set) return vocab;
    var set = vocabSets && vocabSets.get(vocab);
    if (!set) {
      set = new Set(vocab);
      if (vocabSets) vocabSets.set(vocab, set);
    }
    return set;
  }

  /** The search terms of text in language lang ('nl' or 'de'). */
  function analyze(text, lang, vocab) {
    var a = prepare(lang);
    var known = vocabSet(vocab);
    var out = [];
    var gs = groups(a, text == null ? '' : String(text));
    for (var g = 0; g < gs.length; g++) {
      var terms = [];
      for (var w = 0; w < gs[g].length; w++) wordTerms(a, gs[g][w], known, terms);
      if (gs[g].length > 1) {
        var joined = fold(a, gs[g].join(''));
        if (isAz(joined) && keeps(a, joined)) pushUnique(terms, stem(a, joined));
      }
      for (var t = 0; t < terms.length; t++) out.push(terms[t]);
    }
    return out;
  }

  var api = {
    analyze: analyze,
    /** One word lowercased and folded, as the index sees it before stemming. */
    fold: function (word, lang) { return fold(prepare(lang), String(word)); },
    /** The stem of a folded word of a-z; anything else unchanged. */
    stem: function (folded, lang) { return stem(prepare(lang), String(folded)); },
    isStopword: function (folded, lang) { return prepare(lang).stopwords.has(folded); },
    /** The fewest letters of a compound part. */
    minPart: function (lang) { return Math.max(prepare(lang).limits.min_part, 1); },
    /** Whether the data and the stemmer of lang are loaded (each page
        loads the stemmer of the languages it searches only). */
    ready: function (lang) {
      var data = root.BrugAnalysisData;
      var language = data && Object.prototype.hasOwnProperty.call(data.languages, lang) ? data.languages[lang] : null;
      return !!language && typeof root[STEMMERS[language.stemmer]] === 'function';
    },
    vocab: vocabSet
  };

  root.BrugAnalyze = api;
  if (typeof module !== 'undefined' && module.exports) module.exports = api;
})(typeof globalThis !== 'undefined' ? globalThis : this);
