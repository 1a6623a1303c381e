// Portico's own script, kept small: toasts from HX-Trigger, a friendly
// message when an HTMX request fails, and keyboard shortcuts.
(function () {
  "use strict";

  function toast(message, kind) {
    var box = document.getElementById("toasts");
    if (!box || !message) return;
    var t = document.createElement("div");
    t.className = "toast" + (kind ? " toast-" + kind : "");
    t.setAttribute("role", kind === "error" ? "alert" : "status");
    t.setAttribute("data-fading", "");
    t.textContent = message;
    box.appendChild(t);
    setTimeout(function () { t.remove(); }, 5000);
  }

  document.addEventListener("toast", function (e) {
    toast(e.detail && e.detail.value);
  });

  document.addEventListener("htmx:responseError", function (e) {
    var xhr = e.detail.xhr;
    var text = xhr.getResponseHeader("Content-Type") || "";
    toast(text.indexOf("text/plain") === 0 ? xhr.responseText : "Something went wrong. Try again.", "error");
  });

  document.addEventListener("htmx:sendError", function () {
    toast("Portico cannot be reached. Check your connection and try again.", "error");
  });

  // "/" focuses the search box; Escape leaves it.
  document.addEventListener("keydown", function (e) {
    var tag = (e.target.tagName || "").toLowerCase();
    var typing = tag === "input" || tag === "textarea" || tag === "select" || e.target.isContentEditable;
    if (e.key === "/" && !typing) {
      var q = document.getElementById("q");
      if (q) { e.preventDefault(); q.focus(); q.select(); }
    } else if (e.key === "Escape" && e.target.id === "q") {
      e.target.blur();
    }
  });

  // The Export button opens the dialog for the list as it is now, which
  // search as you type changes without redrawing the page's header; the
  // list keeps its search and filters in the address bar.
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("#export-link");
    if (link && location.pathname === "/contacts") link.search = location.search;
  });

  // Flash messages come with a whole page, loaded or swapped in by a
  // boosted link or form; they fade out like the other toasts.
  function fadeFlashes() {
    document.querySelectorAll("#toasts .toast:not([data-fading])").forEach(function (t) {
      t.setAttribute("data-fading", "");
      setTimeout(function () { t.remove(); }, 5000);
    });
  }
  // The bulk bar: "Select all on this page" (shown only with JavaScript,
  // which it needs), shift-click to tick a range of rows, a count of the
  // ticked rows, and only the fields the chosen action needs. Without
  // JavaScript every field shows and the server ignores those unused.
  var lastPicked = null;
  function picks() { return Array.prototype.slice.call(document.querySelectorAll('input[name="id"][form="bulk"]')); }
  function refreshBulk() {
    document.querySelectorAll("[data-pick-all][hidden]").forEach(function (b) { b.hidden = false; });
    var bar = document.querySelector("[data-bulk]");
    if (!bar) return;
    var n = picks().filter(function (b) { return b.checked; }).length;
    bar.querySelector("[data-picked]").textContent = n ? n + " selected:" : "Tick contacts, or act on all matching:";
    bar.querySelector("[data-apply-picked]").disabled = n === 0;
    var action = bar.querySelector("[data-bulk-action]").value;
    bar.querySelectorAll("[data-for]").forEach(function (f) {
      f.hidden = f.getAttribute("data-for").split(" ").indexOf(action) < 0;
    });
  }
  document.addEventListener("click", function (e) {
    if (!e.target.matches || !e.target.matches('input[name="id"][form="bulk"]')) return;
    var all = picks();
    if (e.shiftKey && lastPicked && all.indexOf(lastPicked) >= 0) {
      var a = all.indexOf(lastPicked), b = all.indexOf(e.target);
      all.slice(Math.min(a, b), Math.max(a, b) + 1).forEach(function (box) { box.checked = e.target.checked; });
    }
    lastPicked = e.target;
  });
  document.addEventListener("change", function (e) {
    if (e.target.matches("[data-pick-all]")) {
      picks().forEach(function (b) { b.checked = e.target.checked; });
    }
    if (e.target.matches('[data-pick-all], input[name="id"][form="bulk"], [data-bulk-action]')) refreshBulk();
  });
  document.addEventListener("DOMContentLoaded", refreshBulk);
  document.addEventListener("htmx:afterSettle", refreshBulk);

  document.addEventListener("DOMContentLoaded", fadeFlashes);

  // A file over the import limit is refused before it is sent, which
  // could take minutes; the server checks again.
  document.addEventListener("change", function (e) {
    var input = e.target;
    if (!input.matches || !input.matches("input[type=file][data-max-bytes]")) return;
    var file = input.files && input.files[0];
    var tooLarge = file && file.size > Number(input.getAttribute("data-max-bytes"));
    var msg = tooLarge ? input.getAttribute("data-too-large") : "";
    input.setCustomValidity(msg);
    input.setAttribute("aria-invalid", tooLarge ? "true" : "false");
    var out = input.parentElement.querySelector("[data-size-error]");
    if (out) { out.textContent = msg; out.hidden = !tooLarge; }
  });
  document.addEventListener("htmx:afterSettle", fadeFlashes);

  // A signing secret is shown once: its Copy button (shown only with
  // JavaScript, which it needs) copies it and says so; without it the
  // field is selected on focus for a manual copy.
  function showCopyButtons() {
    document.querySelectorAll("[data-copy][hidden]").forEach(function (b) { b.hidden = false; });
  }
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("[data-copy]");
    if (!b) return;
    var field = document.querySelector(b.getAttribute("data-copy"));
    if (!field) return;
    field.select();
    var done = function () { b.textContent = "Copied"; toast("Secret copied to the clipboard."); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(field.value).then(done, function () { document.execCommand("copy"); done(); });
    } else {
      document.execCommand("copy");
      done();
    }
  });
  document.addEventListener("focusin", function (e) {
    if (e.target.matches && e.target.matches("input[readonly]")) e.target.select();
  });
  document.addEventListener("DOMContentLoaded", showCopyButtons);
  document.addEventListener("htmx:afterSettle", showCopyButtons);

  // A link to one row of a log, such as #delivery-12 from a contact's
  // page, opens that row, which is a closed <details> otherwise.
  function openLinkedRow() {
    var id = decodeURIComponent(location.hash.slice(1));
    var row = id && document.getElementById(id);
    if (row && row.tagName === "DETAILS") row.open = true;
  }
  document.addEventListener("DOMContentLoaded", openLinkedRow);
  document.addEventListener("htmx:afterSettle", openLinkedRow);
  window.addEventListener("hashchange", openLinkedRow);
})();

// Running timers tick each second: the header's and a ticket panel's.
// The server renders the time at load; the offset keeps a wrong clock on
// the agent's computer from skewing it.
(function () {
  "use strict";
  var skew = 0;
  function pad(n) { return n < 10 ? "0" + n : String(n); }
  function tick() {
    var now = Date.now() / 1000 + skew;
    document.querySelectorAll("[data-timer-since]").forEach(function (el) {
      var s = Math.max(0, Math.floor(now - Number(el.getAttribute("data-timer-since"))));
      el.textContent = Math.floor(s / 3600) + ":" + pad(Math.floor(s / 60) % 60) + ":" + pad(s % 60);
    });
  }
  document.addEventListener("DOMContentLoaded", function () {
    var at = document.querySelector("[data-server-now]");
    var server = at ? Number(at.getAttribute("data-server-now")) : 0;
    if (server > 0) skew = server - Date.now() / 1000;
    tick();
    setInterval(tick, 1000);
  });
})();

// Menus and tabs wider than a phone scroll sideways: the current one is
// brought into view, and an edge fades where more is hidden, so nobody
// takes the visible part for all there is.
(function () {
  "use strict";
  function cue(el) {
    el.classList.toggle("more-left", el.scrollLeft > 2);
    el.classList.toggle("more-right", el.scrollLeft + el.clientWidth < el.scrollWidth - 2);
  }
  function init() {
    document.querySelectorAll(".topbar nav, .tabs").forEach(function (el) {
      var cur = el.querySelector("[aria-current]");
      if (cur && el.scrollWidth > el.clientWidth && !el.hasAttribute("data-cue")) {
        el.scrollLeft = cur.offsetLeft - (el.clientWidth - cur.offsetWidth) / 2;
      }
      if (!el.hasAttribute("data-cue")) {
        el.setAttribute("data-cue", "");
        el.addEventListener("scroll", function () { cue(el); }, { passive: true });
      }
      cue(el);
    });
  }
  document.addEventListener("DOMContentLoaded", init);
  document.addEventListener("htmx:load", init);
  window.addEventListener("resize", init);
})();
