/* brug search: the interface. The header search (an ARIA combobox with
   a listbox of results, "did you mean", the other language's page) and
   the search page (LANG/search/?q=…). The theme's loader (site.js) adds
   it after search.js, whose BrugSearch it uses. */
(function (root) {
  "use strict";

  var S = root.BrugSearch;
  if (!S || typeof document === "undefined") return;

  /* ---- the header search: an ARIA combobox with a listbox of results */

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) e.textContent = text;
    return e;
  }

  /* Fills in a result's heading, section link and snippet once its text
     chunk is here. */
  function complete(hit, link, where, snip, width) {
    later(function () {
      S.textOf(hit, function (entry) {
        if (!snip.isConnected) return;
        var t = S.target(hit);
        if (link) link.setAttribute("href", t.href);
        if (where && entry[1]) where.textContent = [t.section, entry[1]].filter(Boolean).join(" › ");
        snip.appendChild(S.snippet(entry[2], hit, width));
      });
    });
  }

  /* Snippets are drawn after the results, so typing stays quick. */
  function later(f) {
    if (root.requestAnimationFrame) requestAnimationFrame(function () { setTimeout(f, 0); });
    else setTimeout(f, 0);
  }

  function template(s, n) { return String(s || "").replace("{n}", String(n)); }

  function setup(form) {
    var input = form.querySelector("input[type=search]");
    var box = document.getElementById("search-results");
    if (!input || !box) return;
    var base = form.getAttribute("data-root") || "";
    S.setBase(base);
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
      if (!wanted.every(function (l) { return S.ready(l); })) {
        S.ensure(base, wanted);
        status.textContent = S.failed() ? form.getAttribute("data-failed") : form.getAttribute("data-loading");
        return;
      }
      var typing = !/\s$/.test(q);
      var hits = wanted.length > 1 ? S.searchBoth(wanted, lang, q, typing) : S.search(lang, q, typing);
      // null: postings are loading; so may the pages shown be. A listener
      // runs this again, also as each page file arrives: the leading
      // results whose titles are here show at once, the rest follow.
      if (!hits) return;
      var shown = hits.slice(0, 8);
      var missing = S.missingPages(shown);
      var ready = missing ? S.pagesReady(shown) : shown.length;
      if (!missing || ready) render(shown.slice(0, ready), hits.total, hits, !missing);
    }

    var renders = 0;
    var partial = false;
    /* Shows hits; `whole` is false while later ones wait for their page
       file: the status (read out) and "did you mean" wait for the whole
       list, and an option chosen meanwhile stays chosen. */
    function render(hits, total, all, whole) {
      var chosen = partial ? active : -1;
      partial = !whole;
      listbox.textContent = "";
      options = [];
      hits.forEach(function (hit, i) {
        var t = S.target(hit);
        var a = el("a", { role: "option", id: "search-option-" + options.length, href: t.href, "aria-selected": "false", "class": "search-hit" });
        if (t.lang !== lang) { a.setAttribute("hreflang", t.lang); a.setAttribute("lang", t.lang); }
        a.appendChild(el("span", { "class": "search-hit-title" }, t.title));
        var where = el("span", { "class": "search-hit-where" }, t.section);
        a.appendChild(where);
        var snip = el("span", { "class": "search-hit-snippet" });
        a.appendChild(snip);
        complete(hit, a, where, snip, 110);
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
      setActive(chosen < options.length ? chosen : -1);
      input.setAttribute("aria-expanded", hits.length ? "true" : "false");
      box.classList.toggle("open", hits.length > 0);
      S.lastRender = root.performance ? performance.now() : 0;
      var token = ++renders;
      // An earlier query's count is not this list's.
      if (!whole) { status.textContent = ""; return; }
      status.textContent = hits.length ? template(form.getAttribute("data-count"), total) : form.getAttribute("data-none");
      S.suggest(all, input.value, function (fixed) {
        if (fixed && token === renders) offer(fixed);
      });
    }

    /* "Did you mean": the corrected query as the first option, which
       opens the search page for it. */
    function offer(fixed) {
      var text = form.getAttribute("data-suggest").replace("{q}", fixed);
      var href = form.getAttribute("action") + "?q=" + encodeURIComponent(fixed) + (both && both.checked ? "&both=1" : "");
      var o = el("a", { role: "option", id: "search-option-suggest", href: href, "aria-selected": "false", "class": "search-suggest" }, text);
      listbox.insertBefore(o, listbox.firstChild);
      options.unshift(o);
      if (active >= 0) active++;
      status.textContent += " " + text;
      input.setAttribute("aria-expanded", "true");
      box.classList.add("open");
    }

    input.addEventListener("focus", function () { S.ensure(base, both && both.checked ? langs : [lang]); });
    input.addEventListener("input", run);
    // What the reader did before this script arrived: the focus that
    // loaded it, the first keystrokes.
    if (input.value.trim()) run();
    else if (document.activeElement === input) S.ensure(base, both && both.checked ? langs : [lang]);
    if (both) both.addEventListener("change", function () { S.ensure(base, both.checked ? langs : [lang]); run(); });
    S.listen(function () { if (document.activeElement === input || input.value) run(); });
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
    var base = form.getAttribute("data-root") || "";
    S.setBase(base);
    S.listen(function show() {
      if (!wanted.every(function (l) { return S.ready(l); })) return;
      var hits = wanted.length > 1 ? S.searchBoth(wanted, lang, q, false) : S.search(lang, q, false);
      if (!hits || S.missingPages(hits.slice(0, 50))) return;
      S.unlisten(show);
      list.textContent = "";
      hits.slice(0, 50).forEach(function (hit) {
        var t = S.target(hit);
        var li = el("li", { "class": "search-page-hit" });
        var a = el("a", { href: t.href }, t.title);
        if (t.lang !== lang) { a.setAttribute("hreflang", t.lang); a.setAttribute("lang", t.lang); }
        li.appendChild(a);
        var where = el("span", { "class": "search-hit-where" }, t.section);
        li.appendChild(where);
        if (t.other) {
          li.appendChild(el("a", { href: t.other, hreflang: t.otherLang, lang: t.otherLang, "class": "search-hit-other" }, form.getAttribute("data-lang-" + t.otherLang) || t.otherLang));
        }
        var p = el("p", { "class": "search-hit-snippet" });
        li.appendChild(p);
        complete(hit, a, where, p, 220);
        list.appendChild(li);
      });
      heading.textContent = hits.length ? template(form.getAttribute("data-count"), hits.total) : form.getAttribute("data-none");
      if (index) index.hidden = true;
      S.suggest(hits, q, function (fixed) {
        if (!fixed) return;
        // "Bedoelde u {q}?" with {q} a link to the corrected search.
        var parts = form.getAttribute("data-suggest").split("{q}");
        var p = el("p", { "class": "search-suggest" }, parts[0]);
        p.appendChild(el("a", { href: "?q=" + encodeURIComponent(fixed) + (both ? "&both=1" : "") }, fixed));
        p.appendChild(document.createTextNode(parts.slice(1).join("")));
        heading.parentNode.insertBefore(p, heading.nextSibling);
      });
    });
    S.ensure(base, wanted);
  }

  function init() {
    var form = document.querySelector("form.search");
    if (form) setup(form);
    var page = document.getElementById("search-page");
    if (page) setupPage(page);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})(typeof globalThis !== "undefined" ? globalThis : this);
