/* brug serve: live reload. Injected by `brug serve` only, never written by
   `brug build`. Listens to /__brug/events (Server-Sent Events):
     reload  {"changed": [paths] | "all": true}  reload this page if it
             changed; swap stylesheets in place if only CSS changed
     failed  {"diagnostics": [...]}  show them over the page (the last good
             pages keep being served)
     ok      the build is good again: remove the overlay
   The translation status board (/__brug/status) reloads after every
   rebuild and every commit ({"history": true}); an outdated-translation
   notice gets a link to its diff there. */
(function () {
  "use strict";
  /* The overlay's texts per language code, {title, kept, close, hint,
     status, changed}:
     the server puts the handbook's strings (serve-… in i18n/*.ftl) here. */
  var TEXT = /*TEXT*/{};
  var t = TEXT[document.documentElement.lang] || TEXT[Object.keys(TEXT)[0]] || {};

  function here() {
    var p = decodeURIComponent(location.pathname).replace(/^\//, "");
    return p === "" || p.slice(-1) === "/" ? p + "index.html" : p;
  }

  function swapCss() {
    var links = document.querySelectorAll('link[rel="stylesheet"]');
    Array.prototype.forEach.call(links, function (l) {
      var url = new URL(l.href);
      url.searchParams.set("brug", String(Date.now()));
      l.href = url.href;
    });
  }

  function hide() {
    var o = document.getElementById("brug-overlay");
    if (o) o.remove();
  }

  function show(diagnostics) {
    hide();
    var o = document.createElement("div");
    o.id = "brug-overlay";
    o.setAttribute("role", "alertdialog");
    o.setAttribute("aria-labelledby", "brug-overlay-title");
    o.style.cssText = "position:fixed;inset:1rem;z-index:2147483647;overflow:auto;background:#fff;color:#1b1f23;" +
      "border:3px solid #b42318;border-radius:8px;padding:1rem 1.25rem;font:15px/1.5 system-ui,sans-serif;box-shadow:0 8px 32px rgb(0 0 0/.4)";
    var h = document.createElement("h2");
    h.id = "brug-overlay-title";
    h.textContent = t.title;
    h.style.cssText = "margin:0 0 .25rem;color:#b42318;font-size:1.3rem";
    o.appendChild(h);
    var p = document.createElement("p");
    p.textContent = t.kept;
    o.appendChild(p);
    diagnostics.forEach(function (d) {
      var box = document.createElement("div");
      box.className = "brug-diagnostic";
      box.style.cssText = "border-top:1px solid #d0d7de;padding:.5rem 0";
      var where = document.createElement("p");
      where.style.cssText = "margin:0;font-family:ui-monospace,monospace";
      where.textContent = d.file + (d.line ? ":" + d.line + ":" + d.column : "");
      var msg = document.createElement("p");
      msg.style.cssText = "margin:.2rem 0;font-weight:600";
      msg.textContent = d.severity + ": " + d.message;
      box.appendChild(where);
      box.appendChild(msg);
      if (d.source) {
        var pre = document.createElement("pre");
        pre.style.cssText = "margin:.2rem 0;background:#f3f5f7;padding:.4rem;overflow:auto";
        pre.textContent = d.source;
        box.appendChild(pre);
      }
      if (d.hint) {
        var hint = document.createElement("p");
        hint.style.cssText = "margin:.2rem 0";
        hint.textContent = t.hint + ": " + d.hint;
        box.appendChild(hint);
      }
      o.appendChild(box);
    });
    var board = document.createElement("p");
    var link = document.createElement("a");
    link.href = "/__brug/status";
    link.textContent = t.status;
    board.appendChild(link);
    o.appendChild(board);
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = t.close;
    close.addEventListener("click", hide);
    o.appendChild(close);
    document.body.appendChild(o);
  }

  var onBoard = location.pathname.indexOf("/__brug/status") === 0;

  /* An outdated translation's notice links to what changed in its
     original, on the board (the published site keeps its plain notice). */
  function linkNotice() {
    var notice = document.querySelector(".notice-outdated");
    if (!notice || notice.querySelector(".brug-diff-link")) return;
    var p = document.createElement("p");
    var a = document.createElement("a");
    a.className = "brug-diff-link";
    a.href = "/__brug/status/" + encodeURIComponent(document.documentElement.lang) +
      "#diff-" + decodeURIComponent(location.pathname).replace(/^\//, "");
    a.textContent = t.changed;
    p.appendChild(a);
    notice.appendChild(p);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", linkNotice);
  } else {
    linkNotice();
  }

  var events = new EventSource("/__brug/events");
  events.addEventListener("reload", function (e) {
    var d = JSON.parse(e.data);
    /* A commit ({"history": true}) concerns the status board only. */
    if (d.history && !onBoard) return;
    hide();
    if (onBoard || d.all || d.changed.indexOf(here()) >= 0) {
      location.reload();
    } else if (d.changed.some(function (p) { return /\.css$/.test(p); })) {
      swapCss();
    }
  });
  events.addEventListener("failed", function (e) { show(JSON.parse(e.data).diagnostics); });
  events.addEventListener("ok", hide);
  window.BrugReload = { events: events };
})();
