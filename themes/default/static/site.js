/* brug default theme: the one script every page loads. Every page reads in
   full without it; it adds sorting and filtering to overview tables, makes
   glossary explanations dismissible and reachable on touch screens, and
   loads the search engine the first time a reader uses search. Plain
   script (no modules, no fetch), so it also runs from file://. */
(function (root) {
  "use strict";

  /* Sortable, filterable tables: <table data-sortable>. A header cell with
     data-sort="text" or "number" gets a button; cells may carry data-value
     as their sort key. Rows carry space-separated data-* keys that the
     <select data-filter="NAME"> controls match against data-NAME. */
  function enhanceTable(table) {
    var tbody = table.tBodies[0];
    if (!tbody) return;
    var rows = Array.prototype.slice.call(tbody.rows);
    var headers = Array.prototype.slice.call(table.tHead ? table.tHead.rows[0].cells : []);
    headers.forEach(function (th, col) {
      var type = th.getAttribute("data-sort");
      if (!type) return;
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        sortRows(tbody, rows, col, type, ascending);
      });
    });
    var controls = document.getElementById(table.getAttribute("data-controls") || "");
    if (!controls) return;
    var selects = Array.prototype.slice.call(controls.querySelectorAll("select[data-filter]"));
    var count = document.getElementById(table.getAttribute("data-count") || "");
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var visible = selects.every(function (select) {
          if (!select.value) return true;
          var keys = (row.getAttribute("data-" + select.getAttribute("data-filter")) || "").split(" ");
          return keys.indexOf(select.value) !== -1;
        });
        row.hidden = !visible;
        if (visible) shown++;
      });
      if (count) {
        count.textContent = (count.getAttribute("data-template") || "")
          .replace("{shown}", String(shown))
          .replace("{total}", String(rows.length));
      }
    }
    selects.forEach(function (select) { select.addEventListener("change", apply); });
    controls.hidden = false;
    apply();
  }

  function sortKey(row, col, type) {
    var cell = row.cells[col];
    if (!cell) return "";
    var value = cell.getAttribute("data-value");
    if (type === "number") return parseFloat(value || cell.textContent) || 0;
    return (value || cell.textContent).trim().toLocaleLowerCase();
  }

  function sortRows(tbody, rows, col, type, ascending) {
    var collator = new Intl.Collator(document.documentElement.lang || undefined);
    var sorted = rows.slice().sort(function (a, b) {
      var x = sortKey(a, col, type), y = sortKey(b, col, type);
      var order = type === "number" ? x - y : collator.compare(x, y);
      if (order === 0) order = rows.indexOf(a) - rows.indexOf(b);
      return ascending ? order : -order;
    });
    sorted.forEach(function (row) { tbody.appendChild(row); });
  }

  /* Glossary terms: <span class="term"><a aria-describedby=…>…</a>
     <span class="term-tip" role="tooltip">…</span></span>. CSS shows the
     tip on hover and focus; here Escape hides it without moving focus, and
     on touch the first tap shows it, the second follows the link. */
  function enhanceTerms() {
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") return;
      var open = document.querySelectorAll(".term:hover, .term:focus-within, .term.open");
      Array.prototype.forEach.call(open, function (term) {
        term.classList.remove("open");
        term.classList.add("dismissed");
      });
    });
    document.addEventListener("focusout", clearDismissed);
    document.addEventListener("mouseout", clearDismissed);
    var touch = false;
    document.addEventListener("pointerdown", function (event) { touch = event.pointerType === "touch"; }, true);
    document.addEventListener("click", function (event) {
      var link = event.target.closest ? event.target.closest(".term > a") : null;
      var openTerms = document.querySelectorAll(".term.open");
      Array.prototype.forEach.call(openTerms, function (term) {
        if (!link || term !== link.parentNode) term.classList.remove("open");
      });
      if (!link || !touch) return;
      var term = link.parentNode;
      if (!term.classList.contains("open")) {
        event.preventDefault();
        term.classList.add("open");
      }
    });
  }

  function clearDismissed(event) {
    var term = event.target.closest ? event.target.closest(".term") : null;
    if (term && !term.contains(event.relatedTarget)) term.classList.remove("dismissed");
  }

  /* Search: the engine (search.js), the analysis it needs and the index
     of a language are larger than everything else a page loads, so they
     load only when a reader uses search: on the first focus of or input in
     the search field, or on the search page with a query (?q=). They are
     <script> elements (file:// allows no fetch), requested at once and run
     in the order asked for (async = false), so nothing waits for a round
     trip; search.js asks for more through BrugLoader.search. The stemmer
     of each language searched (only those) comes with them, or, for a
     language other than Dutch or German, as soon as the analysis data has
     named it. */
  var ENGINE = ["static/search/dictionary.js", "static/search/score.js", "static/search/search.js", "static/search/search-ui.js", "static/search/analysis-data.js",
    "static/search/analyze.js"];
  var STEMMER = { nl: "dutch", de: "german" };
  var requested = {};
  var stemming = [];
  var loader = root.BrugLoader = {
    /* Whether a script failed to load; onfail (set by search.js) hears it. */
    failed: false,
    onfail: null,
    /* onloaded (set by search.js) hears every script of the loader run. */
    onloaded: null,
    /* Adds the script at src once, to run in order after those before. */
    load: function (src, then) {
      if (requested[src]) return;
      requested[src] = true;
      var s = document.createElement("script");
      s.src = src;
      s.async = false;
      s.onload = function () {
        if (then) then();
        if (loader.onloaded) loader.onloaded();
      };
      s.onerror = function () {
        loader.failed = true;
        if (loader.onfail) loader.onfail();
      };
      document.head.appendChild(s);
    },
    /* The engine, the index and the stemmer of each of langs; base leads
       to the site root. */
    search: function (base, langs) {
      stemming = stemming.concat(langs);
      ENGINE.forEach(function (f) { loader.load(base + f, f.indexOf("analysis-data") >= 0 ? stemmers : null); });
      // Dutch and German are the stemmers there are: their languages'
      // stemmer comes with the engine, a round trip sooner than the
      // analysis data would name it.
      langs.forEach(function (lang) {
        var usual = STEMMER[lang.split("-")[0]];
        if (usual) loader.load(base + "static/search/snowball/" + usual + ".js");
      });
      langs.forEach(function (lang) { loader.load(base + "search/index-" + lang + ".js"); });
      if (root.BrugAnalysisData) stemmers();
      function stemmers() {
        var languages = root.BrugAnalysisData.languages;
        stemming.forEach(function (lang) {
          var l = Object.prototype.hasOwnProperty.call(languages, lang) ? languages[lang] : null;
          if (l) loader.load(base + "static/search/snowball/" + l.stemmer + ".js");
        });
      }
    }
  };

  function enhanceSearch() {
    var form = document.querySelector("form.search");
    var input = form && form.querySelector("input[type=search]");
    if (!input) return;
    var lang = form.getAttribute("data-lang");
    var all = (form.getAttribute("data-langs") || lang).split(" ");
    function start(both) {
      input.removeEventListener("focus", use);
      input.removeEventListener("input", use);
      loader.search(form.getAttribute("data-root") || "", both ? all : [lang]);
    }
    function use() {
      var box = form.querySelector("input[name=both]");
      start(box && box.checked);
    }
    input.addEventListener("focus", use);
    input.addEventListener("input", use);
    if (document.activeElement === input || input.value) use();
    var params = new URLSearchParams(root.location.search);
    if (document.getElementById("search-page") && (params.get("q") || "").trim()) {
      start(params.get("both") === "1");
    }
  }

  // A content table wider than the text column scrolls sideways (CSS);
  // a keyboard can scroll it only when it can take focus (WCAG 2.1.1).
  function scrollableTables() {
    Array.prototype.forEach.call(document.querySelectorAll(".content table"), function (t) {
      if (t.scrollWidth > t.clientWidth + 1) {
        t.tabIndex = 0;
      } else {
        t.removeAttribute("tabindex");
      }
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), enhanceTable);
    enhanceTerms();
    enhanceSearch();
    scrollableTables();
    root.addEventListener("resize", scrollableTables);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})(window);
