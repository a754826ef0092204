/* Dutch stemmer for the site search: new DutchStemmer().stemWord(word).
 *
 * A hand-written port of the Snowball project's original Dutch stemmer
 * (BSD-3-Clause, see LICENSE-snowball.txt): the Porter-style algorithm as it
 * was before Snowball 3.0 rewrote it, which is what the rust-stemmers crate
 * (1.2) uses to stem the index at build time. tests/stemmer_parity.rs checks
 * that both give the same stem for every word of a large word list. It
 * exists because the JSX-compiled Snowball file it replaces weighed 15.8 KB
 * minified, most of it runtime, and the reader loads it before the first
 * search result.
 *
 * Words come folded to lower-case a-z (analyze.js), so the accent removal
 * that opens the Snowball algorithm is left out. Other input does no harm;
 * it is stemmed without that folding.
 */
(function (root) {
  'use strict';

  var VOWEL = /[aeiouy\u00e8]/;

  function isVowel(c) {
    return VOWEL.test(c);
  }

  /* The position just after the first non-vowel that follows a vowel, from
     `from` on; the word's length if there is none. */
  function regionStart(s, from) {
    for (var i = from + 1; i < s.length; i++) {
      if (isVowel(s.charAt(i - 1)) && !isVowel(s.charAt(i))) return i + 1;
    }
    return s.length;
  }

  /* Drops the last letter of a final dd, kk or tt. */
  function undouble(s) {
    return /(dd|kk|tt)$/.test(s) ? s.slice(0, -1) : s;
  }

  function stem(word) {
    var s = String(word);
    var eFound = false;
    var m, k;

    // A y at the start, and an i or y after a vowel (the i only if a vowel
    // follows too), is a consonant: upper-case I and Y until the end.
    s = s.replace(/^y/, 'Y').replace(/([aeiouy\u00e8])(y|i(?=[aeiouy\u00e8]))/g, function (all, v, c) {
      return v + c.toUpperCase();
    });

    // R1 starts after the first non-vowel following a vowel, but not before
    // the fourth letter; R2 after the next such non-vowel.
    var start1 = regionStart(s, 0);
    var p2 = regionStart(s, start1);
    var p1 = Math.max(start1, 3);

    // The ending -en or -ene at k goes if in R1, after a non-vowel and not
    // after gem; then undouble.
    function enEnding(w, k) {
      if (k >= p1 && !isVowel(w.charAt(k - 1)) && !/gem$/.test(w.slice(0, k))) {
        return undouble(w.slice(0, k));
      }
      return w;
    }

    // A final e in R1 after a non-vowel goes, then undouble.
    function eEnding(w) {
      var k = w.length - 1;
      eFound = false;
      if (w.charAt(k) === 'e' && k >= p1 && !isVowel(w.charAt(k - 1))) {
        eFound = true;
        return undouble(w.slice(0, k));
      }
      return w;
    }

    // Step 1 (the longest ending counts): -heden to -heid in R1; -en, -ene
    // as above; -s, -se in R1 after a non-vowel other than j.
    if ((m = /(heden|ene|en|se|s)$/.exec(s))) {
      k = m.index;
      if (m[1] === 'heden') {
        if (k >= p1) s = s.slice(0, k) + 'heid';
      } else if (m[1] === 'se' || m[1] === 's') {
        if (k >= p1 && !/[aeiouy\u00e8j]/.test(s.charAt(k - 1))) s = s.slice(0, k);
      } else {
        s = enEnding(s, k);
      }
    }

    // Step 2: -e, as above.
    s = eEnding(s);

    // Step 3a: -heid in R2, not after c; then an -en before it.
    k = s.length - 4;
    if (/heid$/.test(s) && k >= p2 && s.charAt(k - 1) !== 'c') {
      s = s.slice(0, k);
      if (/en$/.test(s)) s = enEnding(s, k - 2);
    }

    // Step 3b, in R2: -end, -ing (then -ig in R2 not after e, or undouble);
    // -ig not after e; -lijk (then step 2 again); -baar; -bar if step 2
    // removed an e.
    if ((m = /(end|ing|ig|lijk|baar|bar)$/.exec(s)) && (k = m.index) >= p2) {
      switch (m[1]) {
        case 'end':
        case 'ing':
          s = s.slice(0, k);
          if (/ig$/.test(s) && k - 2 >= p2 && s.charAt(k - 3) !== 'e') s = s.slice(0, k - 2);
          else s = undouble(s);
          break;
        case 'ig':
          if (s.charAt(k - 1) !== 'e') s = s.slice(0, k);
          break;
        case 'lijk':
          s = eEnding(s.slice(0, k));
          break;
        case 'baar':
          s = s.slice(0, k);
          break;
        case 'bar':
          if (eFound) s = s.slice(0, k);
      }
    }

    // Step 4: aa, ee, oo or uu after a non-vowel and before a final
    // consonant (here I counts as a vowel, Y not) loses one letter: maan, man.
    if (/[^aeiouy\u00e8](aa|ee|oo|uu)[^Iaeiouy\u00e8]$/.test(s)) {
      s = s.slice(0, -2) + s.slice(-1);
    }

    return s.replace(/[IY]/g, function (c) {
      return c.toLowerCase();
    });
  }

  function DutchStemmer() {}
  DutchStemmer.prototype.stemWord = stem;

  root.DutchStemmer = DutchStemmer;
})(typeof globalThis !== 'undefined' ? globalThis : this);
