/* German stemmer for the site search: new GermanStemmer().stemWord(word).
 *
 * A hand-written port of the Snowball project's German stemmer
 * (BSD-3-Clause, see LICENSE-snowball.txt), with the 2009 rule that turns
 * -nisse into -nis, as the rust-stemmers crate (1.2) implements it to stem
 * the index at build time. tests/stemmer_parity.rs checks that both give the
 * same stem for every word of a large word list. It exists because the
 * JSX-compiled Snowball file it replaces weighed 14.6 KB minified, most of
 * it runtime, and the reader loads it before the first search result.
 *
 * Words come folded to lower-case a-z (analyze.js folds umlauts and sharp
 * s), so the algorithm's own folding of those (sharp s to ss first, umlauts
 * to plain vowels last) is left out. Other input does no harm; it is stemmed
 * without that folding.
 */
(function (root) {
  'use strict';

  var VOWEL = /[aeiouy\u00e4\u00f6\u00fc]/;

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

  function stem(word) {
    var s = String(word);
    var m, k;

    // A u or y between vowels is a consonant: upper-case U and Y until the end.
    s = s.replace(/([aeiouy\u00e4\u00f6\u00fc])([uy])(?=[aeiouy\u00e4\u00f6\u00fc])/g, function (all, v, c) {
      return v + c.toUpperCase();
    });

    // R1 starts after the first non-vowel following a vowel, but not before
    // the fourth letter; R2 after the next such non-vowel.
    var start1 = regionStart(s, 0);
    var p2 = regionStart(s, start1);
    var p1 = Math.max(start1, 3);

    // Step 1, in R1 (the longest ending counts): -em, -ern, -er; -e, -en,
    // -es (then -niss to -nis); -s after b, d, f, g, h, k, l, m, n, r or t.
    if ((m = /(em|ern|er|e|en|es|s)$/.exec(s)) && (k = m.index) >= p1) {
      switch (m[1]) {
        case 's':
          if (/[bdfghklmnrt]/.test(s.charAt(k - 1))) s = s.slice(0, k);
          break;
        case 'e':
        case 'en':
        case 'es':
          s = s.slice(0, k);
          if (/niss$/.test(s)) s = s.slice(0, -1);
          break;
        default:
          s = s.slice(0, k);
      }
    }

    // Step 2, in R1: -en, -er, -est; -st after b, d, f, g, h, k, l, m, n or t
    // that has at least three letters before it.
    if ((m = /(en|er|est|st)$/.exec(s)) && (k = m.index) >= p1) {
      if (m[1] !== 'st') s = s.slice(0, k);
      else if (k >= 4 && /[bdfghklmnt]/.test(s.charAt(k - 1))) s = s.slice(0, k);
    }

    // Step 3, in R2: -end, -ung (then -ig in R2 not after e); -ig, -ik,
    // -isch not after e; -lich, -heit (then -er or -en in R1); -keit (then
    // -ig or -lich in R2).
    if ((m = /(end|ung|ig|ik|isch|lich|heit|keit)$/.exec(s)) && (k = m.index) >= p2) {
      switch (m[1]) {
        case 'end':
        case 'ung':
          s = s.slice(0, k);
          if (/ig$/.test(s) && k - 2 >= p2 && s.charAt(k - 3) !== 'e') s = s.slice(0, k - 2);
          break;
        case 'ig':
        case 'ik':
        case 'isch':
          if (s.charAt(k - 1) !== 'e') s = s.slice(0, k);
          break;
        case 'lich':
        case 'heit':
          s = s.slice(0, k);
          if (/e[rn]$/.test(s) && k - 2 >= p1) s = s.slice(0, k - 2);
          break;
        case 'keit':
          s = s.slice(0, k);
          if ((m = /(ig|lich)$/.exec(s)) && m.index >= p2) s = s.slice(0, m.index);
      }
    }

    return s.replace(/[UY]/g, function (c) {
      return c.toLowerCase();
    });
  }

  function GermanStemmer() {}
  GermanStemmer.prototype.stemWord = stem;

  root.GermanStemmer = GermanStemmer;
})(typeof globalThis !== 'undefined' ? globalThis : this);
