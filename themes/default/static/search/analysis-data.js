/* Search analysis data shared by the build and the browser.
 *
 * The site build (src/search/analyze.rs) reads the JSON between the first
 * opening and the last closing brace of this file; the browser runs it as a
 * script and analyze.js reads the global it sets. Keep that part strict JSON
 * (quoted keys, no comments, no trailing commas) and keep braces out of this
 * comment. Non-ASCII characters are written as escapes so the file reads the
 * same whatever encoding a browser assumes for it.
 *
 * The stopword lists are Snowball's Dutch and German lists (BSD-3-Clause,
 * see snowball/LICENSE-snowball.txt); "weg" is left out of the German list
 * because the noun Weg matters in this handbook.
 */
globalThis.BrugAnalysisData = {
  "fold": {
    "\u00df": "ss", "\u00e0": "a", "\u00e1": "a", "\u00e2": "a",
    "\u00e3": "a", "\u00e4": "a", "\u00e5": "a", "\u00e6": "ae",
    "\u00e7": "c", "\u00e8": "e", "\u00e9": "e", "\u00ea": "e",
    "\u00eb": "e", "\u00ec": "i", "\u00ed": "i", "\u00ee": "i",
    "\u00ef": "i", "\u00f0": "d", "\u00f1": "n", "\u00f2": "o",
    "\u00f3": "o", "\u00f4": "o", "\u00f5": "o", "\u00f6": "o",
    "\u00f8": "o", "\u00f9": "u", "\u00fa": "u", "\u00fb": "u",
    "\u00fc": "u", "\u00fd": "y", "\u00fe": "th", "\u00ff": "y",
    "\u0101": "a", "\u0103": "a", "\u0105": "a", "\u0107": "c",
    "\u0109": "c", "\u010b": "c", "\u010d": "c", "\u010f": "d",
    "\u0111": "d", "\u0113": "e", "\u0115": "e", "\u0117": "e",
    "\u0119": "e", "\u011b": "e", "\u011d": "g", "\u011f": "g",
    "\u0121": "g", "\u0123": "g", "\u0125": "h", "\u0127": "h",
    "\u0129": "i", "\u012b": "i", "\u012d": "i", "\u012f": "i",
    "\u0131": "i", "\u0133": "ij", "\u0135": "j", "\u0137": "k",
    "\u0138": "k", "\u013a": "l", "\u013c": "l", "\u013e": "l",
    "\u0140": "l", "\u0142": "l", "\u0144": "n", "\u0146": "n",
    "\u0148": "n", "\u0149": "n", "\u014b": "n", "\u014d": "o",
    "\u014f": "o", "\u0151": "o", "\u0153": "oe", "\u0155": "r",
    "\u0157": "r", "\u0159": "r", "\u015b": "s", "\u015d": "s",
    "\u015f": "s", "\u0161": "s", "\u0163": "t", "\u0165": "t",
    "\u0167": "t", "\u0169": "u", "\u016b": "u", "\u016d": "u",
    "\u016f": "u", "\u0171": "u", "\u0173": "u", "\u0175": "w",
    "\u0177": "y", "\u017a": "z", "\u017c": "z", "\u017e": "z",
    "\u017f": "s", "\u0219": "s", "\u021b": "t"
  },
  "ignorable": [[768, 879], [173, 173]],
  "hyphens": "-\u2010\u2011",
  "limits": {
    "max_token": 64,
    "min_part": 3,
    "max_parts": 4,
    "max_compound": 40,
    "max_depth": 2
  },
  "languages": {
    "nl": {
      "stemmer": "dutch",
      "linkers": ["s", "e", "en"],
      "digraphs": [
        {"from": "ue", "to": "u", "not_after": "aeq"}
      ],
      "stopwords": [
        "de", "en", "van", "ik", "te", "dat", "die", "in", "een", "hij",
        "het", "niet", "zijn", "is", "was", "op", "aan", "met", "als",
        "voor", "had", "er", "maar", "om", "hem", "dan", "zou", "of", "wat",
        "mijn", "men", "dit", "zo", "door", "over", "ze", "zich", "bij",
        "ook", "tot", "je", "mij", "uit", "der", "daar", "haar", "naar",
        "heb", "hoe", "heeft", "hebben", "deze", "u", "want", "nog", "zal",
        "me", "zij", "nu", "ge", "geen", "omdat", "iets", "worden", "toch",
        "al", "waren", "veel", "meer", "doen", "toen", "moet", "ben",
        "zonder", "kan", "hun", "dus", "alles", "onder", "ja", "eens",
        "hier", "wie", "werd", "altijd", "doch", "wordt", "wezen", "kunnen",
        "ons", "zelf", "tegen", "na", "reeds", "wil", "kon", "niets", "uw",
        "iemand", "geweest", "andere"
      ]
    },
    "de": {
      "stemmer": "german",
      "linkers": ["s", "es", "n", "en", "e", "er"],
      "digraphs": [
        {"from": "ae", "to": "a", "not_after": ""},
        {"from": "oe", "to": "o", "not_after": ""},
        {"from": "ue", "to": "u", "not_after": "aeq"}
      ],
      "stopwords": [
        "aber", "alle", "allem", "allen", "aller", "alles", "als", "also",
        "am", "an", "ander", "andere", "anderem", "anderen", "anderer",
        "anderes", "anderm", "andern", "anderr", "anders", "auch", "auf",
        "aus", "bei", "bin", "bis", "bist", "da", "damit", "dann", "der",
        "den", "des", "dem", "die", "das", "da\u00df", "derselbe",
        "derselben", "denselben", "desselben", "demselben", "dieselbe",
        "dieselben", "dasselbe", "dazu", "dein", "deine", "deinem", "deinen",
        "deiner", "deines", "denn", "derer", "dessen", "dich", "dir", "du",
        "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch",
        "dort", "durch", "ein", "eine", "einem", "einen", "einer", "eines",
        "einig", "einige", "einigem", "einigen", "einiger", "einiges",
        "einmal", "er", "ihn", "ihm", "es", "etwas", "euer", "eure", "eurem",
        "euren", "eurer", "eures", "f\u00fcr", "gegen", "gewesen", "hab",
        "habe", "haben", "hat", "hatte", "hatten", "hier", "hin", "hinter",
        "ich", "mich", "mir", "ihr", "ihre", "ihrem", "ihren", "ihrer",
        "ihres", "euch", "im", "in", "indem", "ins", "ist", "jede", "jedem",
        "jeden", "jeder", "jedes", "jene", "jenem", "jenen", "jener",
        "jenes", "jetzt", "kann", "kein", "keine", "keinem", "keinen",
        "keiner", "keines", "k\u00f6nnen", "k\u00f6nnte", "machen", "man",
        "manche", "manchem", "manchen", "mancher", "manches", "mein",
        "meine", "meinem", "meinen", "meiner", "meines", "mit", "muss",
        "musste", "nach", "nicht", "nichts", "noch", "nun", "nur", "ob",
        "oder", "ohne", "sehr", "sein", "seine", "seinem", "seinen",
        "seiner", "seines", "selbst", "sich", "sie", "ihnen", "sind", "so",
        "solche", "solchem", "solchen", "solcher", "solches", "soll",
        "sollte", "sondern", "sonst", "\u00fcber", "um", "und", "uns",
        "unse", "unsem", "unsen", "unser", "unses", "unter", "viel", "vom",
        "von", "vor", "w\u00e4hrend", "war", "waren", "warst", "was", "weil",
        "weiter", "welche", "welchem", "welchen", "welcher", "welches",
        "wenn", "werde", "werden", "wie", "wieder", "will", "wir", "wird",
        "wirst", "wo", "wollen", "wollte", "w\u00fcrde", "w\u00fcrden", "zu",
        "zum", "zur", "zwar", "zwischen"
      ]
    }
  }
};
