// Passkey sign-in and registration for the customer portal, on top of
// @simplewebauthn/browser (static/vendor/simplewebauthn-browser.min.js,
// the global SimpleWebAuthnBrowser). Everything is wired by data
// attributes, so pages carry no script of their own:
//
//   <button data-passkey-login data-begin=URL data-finish=URL
//           data-status=ID hidden>          "Sign in with a passkey"
//   <input autocomplete="username webauthn" data-passkey-autofill
//          data-begin=URL data-finish=URL data-status=ID>
//                                            passkeys offered in autofill
//   <div data-passkey-register data-begin=URL data-finish=URL hidden>
//     <input name="passkey_name"> <button data-passkey-start>
//     <p data-passkey-status aria-live="polite"></p>
//   </div>                                   "Create a passkey"
//
// The CSRF token comes from data-csrf on the element or from
// <meta name="csrf-token">. Requests post JSON; answers are JSON with
// "options", "redirect" or "error". Hidden elements are shown only
// where the browser supports passkeys.
(function () {
  "use strict";
  var lib = window.SimpleWebAuthnBrowser;

  function csrf(el) {
    if (el.dataset.csrf) return el.dataset.csrf;
    var m = document.querySelector('meta[name="csrf-token"]');
    return m ? m.content : "";
  }

  function statusOf(el) {
    var id = el.dataset.status;
    return (id && document.getElementById(id)) || el.querySelector("[data-passkey-status]");
  }

  function say(el, message, kind) {
    var box = statusOf(el);
    if (!box) return;
    box.textContent = message || "";
    box.className = "small passkey-status" + (kind ? " passkey-" + kind : "");
  }

  // post sends body as JSON and returns the JSON answer; a refusal
  // becomes an Error carrying the server's message and status, and a
  // server that cannot be reached one marked offline.
  function post(el, url, body) {
    return fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrf(el) },
      body: body === undefined ? "{}" : JSON.stringify(body)
    }).catch(function () {
      var err = new Error("Portico cannot be reached. Check your connection and try again.");
      err.offline = true;
      throw err;
    }).then(function (resp) {
      return resp.json().catch(function () { return {}; }).then(function (answer) {
        if (!resp.ok) {
          var err = new Error(answer.error || "Something went wrong on our side. Try again.");
          err.fromServer = true;
          err.status = resp.status;
          throw err;
        }
        return answer;
      });
    });
  }

  function go(to) {
    var target = new URL(to, window.location.href);
    var here = window.location;
    window.location.assign(target.href);
    if (target.pathname === here.pathname && target.search === here.search) {
      window.location.reload(); // only the #fragment changed: show the new state
    }
  }

  function cancelled(err) {
    return err && (err.name === "NotAllowedError" || err.name === "AbortError" || err.code === "ERROR_CEREMONY_ABORTED");
  }

  // explain turns a failure into a calm sentence: a cancelled prompt is
  // not an error, and the server's words are shown as they are.
  function explain(err, what) {
    if (err && err.fromServer) return err.message;
    if (err && err.code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") {
      return "This device already has a passkey for your account.";
    }
    if (cancelled(err)) return what + " was cancelled. You can try again whenever you like.";
    return "Your browser could not use a passkey here. Try again, or use another way.";
  }

  // signIn runs the ceremony. A failure after the customer picked a
  // passkey is marked picked: it answers something they did.
  function signIn(el, autofill) {
    return post(el, el.dataset.begin).then(function (answer) {
      return lib.startAuthentication({ optionsJSON: answer.options, useBrowserAutofill: autofill });
    }).then(function (credential) {
      say(el, "Checking your passkey…");
      return post(el, el.dataset.finish, credential).catch(function (err) {
        err.picked = true;
        throw err;
      });
    }).then(function (answer) {
      go(answer.redirect);
    });
  }

  function wireLogin(button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      say(button, "Waiting for your passkey…");
      button.disabled = true;
      signIn(button, false).catch(function (err) {
        say(button, explain(err, "Signing in with a passkey"), cancelled(err) ? "" : "error");
        button.disabled = false;
        startAutofill();
      });
    });
  }

  // autofill is the state of the background sign-in: how many times in
  // a row it failed by itself, the retry it waits for, and whether it
  // gave up until the page is loaded again.
  var autofill = { failures: 0, timer: 0, stopped: false };
  var autofillTries = 3;

  // retriable tells a failure that may pass if tried later (no network,
  // a busy, limited or broken server) from one that never will (the
  // browser refuses passkeys for this host name, the server refuses the
  // request).
  function retriable(err) {
    return err.offline || err.status === 429 || err.status >= 500;
  }

  // Conditional mediation waits in the background until the customer
  // picks a passkey in the email field's suggestions. Clicking the button
  // cancels it (the library aborts the pending request), so it starts
  // again after every attempt. Nobody asked for it, so it never floods
  // the server: a failure the customer caused by picking a passkey is
  // shown and the autofill waits for the next pick; any other is quiet,
  // and retried only when it may pass, after 2 s then 4 s. After three
  // failures, or at once when it cannot pass, the autofill stops until
  // the page is loaded again; the button and the password still work.
  function startAutofill() {
    var input = document.querySelector("[data-passkey-autofill]");
    if (!input || autofill.stopped) return;
    clearTimeout(autofill.timer);
    lib.browserSupportsWebAuthnAutofill().then(function (ok) {
      if (!ok) return;
      signIn(input, true).catch(function (err) {
        if (cancelled(err) && !err.fromServer) return; // replaced by another ceremony
        autofill.failures++;
        if (err.picked) say(input, explain(err, "Signing in with a passkey"), "error");
        if (autofill.failures >= autofillTries || !(err.picked || retriable(err))) {
          autofill.stopped = true;
        } else if (err.picked) {
          startAutofill(); // waits for the next pick
        } else {
          autofill.timer = setTimeout(startAutofill, 1000 * Math.pow(2, autofill.failures));
        }
      });
    });
  }

  function wireRegister(box) {
    var button = box.querySelector("[data-passkey-start]");
    if (!button) return;
    box.hidden = false;
    button.addEventListener("click", function () {
      var name = box.querySelector('[name="passkey_name"]');
      var finish = box.dataset.finish;
      if (name && name.value.trim()) {
        finish += (finish.indexOf("?") < 0 ? "?" : "&") + "name=" + encodeURIComponent(name.value.trim());
      }
      say(box, "Follow your browser's prompt to create the passkey…");
      button.disabled = true;
      post(box, box.dataset.begin).then(function (answer) {
        return lib.startRegistration({ optionsJSON: answer.options });
      }).then(function (credential) {
        say(box, "Saving your passkey…");
        return post(box, finish, credential);
      }).then(function (answer) {
        go(answer.redirect);
      }).catch(function (err) {
        say(box, explain(err, "Creating a passkey"), cancelled(err) ? "" : "error");
        button.disabled = false;
      });
    });
  }

  function init() {
    if (!lib || !lib.browserSupportsWebAuthn()) return;
    document.querySelectorAll("[data-passkey-login]").forEach(wireLogin);
    document.querySelectorAll("[data-passkey-register]").forEach(wireRegister);
    startAutofill();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
