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
  // "Select all on this page" of a bulk send: shown only with JavaScript,
  // which it needs; it ticks or unticks every row of the page.
  function showPickAll() {
    document.querySelectorAll("[data-pick-all][hidden]").forEach(function (b) { b.hidden = false; });
  }
  document.addEventListener("change", function (e) {
    if (!e.target.matches("[data-pick-all]")) return;
    document.querySelectorAll('input[name="id"][form="bulk-activation"]').forEach(function (b) {
      b.checked = e.target.checked;
    });
  });
  document.addEventListener("DOMContentLoaded", showPickAll);
  document.addEventListener("htmx:afterSettle", showPickAll);

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
