// engine.mjs — loads the theme's search code and a built site's indexes
// into one node vm context, as a browser would load them with <script>.
import fs from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';

/** Returns BrugSearch with the indexes of `langs` loaded from `site`;
 *  `edit(file, source)`, if given, may change a script's source first. */
export function loadEngine(site, langs, edit = (file, source) => source) {
  const context = vm.createContext({ console });
  context.globalThis = context;
  const run = (file) => vm.runInContext(edit(file, fs.readFileSync(file, 'utf8')), context, { filename: file });
  const statics = path.join(site, 'static');
  for (const f of ['search/analysis-data.js', 'search/snowball/dutch.js',
    'search/snowball/german.js', 'search/analyze.js', 'search/dictionary.js', 'search/score.js', 'search/search.js']) {
    run(path.join(statics, f));
  }
  for (const lang of langs) {
    run(path.join(site, 'search', `index-${lang}.js`));
    // A browser loads the postings and texts a query needs; here all.
    for (const kind of ['words', 'post', 'pages', 'text']) {
      for (let k = 0; fs.existsSync(path.join(site, 'search', `${kind}-${lang}-${k}.js`)); k++) {
        run(path.join(site, 'search', `${kind}-${lang}-${k}.js`));
      }
    }
  }
  return context.BrugSearch;
}

/** The page URLs (site-relative, with #anchor) of the first `n` hits. */
export function top(engine, langs, reader, query, typing, n) {
  const hits = langs.length > 1
    ? engine.searchBoth(langs, reader, query, typing)
    : engine.search(langs[0], query, typing);
  return hits.slice(0, n).map((h) => engine.target(h));
}
