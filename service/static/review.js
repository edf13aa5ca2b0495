// misquote review page: keyboard shortcuts and deciding without a page load.
// Plain JavaScript, no build step and nothing fetched from elsewhere; every form works without it.
(function () {
  "use strict";

  document.documentElement.classList.add("js");

  var meta = document.querySelector('meta[name="csrf-token"]');
  var csrf = meta ? meta.getAttribute("content") : "";
  var live = document.getElementById("live");
  var isDraft = document.body.classList.contains("page-draft");
  var panel = document.querySelector(".evidence-panel");
  var current = null;

  function announce(text) {
    if (!live) return;
    live.textContent = "";
    window.setTimeout(function () { live.textContent = text; }, 30);
  }

  function navItems() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-nav-item]"));
  }

  function cardFor(item) {
    if (!item) return null;
    return isDraft ? document.getElementById("claim-" + item.getAttribute("data-claim-id")) : item;
  }

  function openCard(id) {
    if (!panel) return null;
    var open = panel.querySelectorAll(".card.open");
    for (var i = 0; i < open.length; i++) open[i].classList.remove("open");
    var card = document.getElementById("claim-" + id);
    if (card) {
      card.classList.add("open");
      panel.classList.add("has-open");
    }
    return card;
  }

  function select(item, opts) {
    opts = opts || {};
    if (!item) return;
    if (current && current !== item) {
      current.classList.remove("current");
      current.removeAttribute("aria-current");
    }
    current = item;
    item.classList.add("current");
    item.setAttribute("aria-current", "true");
    if (isDraft) {
      var card = openCard(item.getAttribute("data-claim-id"));
      if (card && opts.reveal) card.scrollIntoView({ block: "nearest" });
    }
    if (opts.focus !== false) item.focus({ preventScroll: true });
    if (opts.scroll !== false) item.scrollIntoView({ block: "nearest" });
  }

  function move(step) {
    var items = navItems();
    if (!items.length) return;
    var i = items.indexOf(current);
    if (i < 0) i = step > 0 ? 0 : items.length - 1;
    else i = Math.min(items.length - 1, Math.max(0, i + step));
    select(items[i]);
  }

  function stateLabel(state) {
    return state === "confirmed" ? "confirmed" : state === "dismissed" ? "dismissed" : "";
  }

  function recount(from, to) {
    if (from === to) return;
    var a = document.querySelector('[data-count="' + from + '"]');
    var b = document.querySelector('[data-count="' + to + '"]');
    if (a) a.textContent = String(Math.max(0, parseInt(a.textContent, 10) - 1));
    if (b) b.textContent = String(parseInt(b.textContent, 10) + 1);
  }

  function apply(card, form, data, state) {
    if (data.etag) form.elements.etag.value = data.etag;
    recount(card.getAttribute("data-state"), state);
    var status = card.querySelector(".review-status");
    if (status && typeof data.status_html === "string") status.innerHTML = data.status_html;
    card.setAttribute("data-state", state);
    var link = document.querySelector('a.claim[data-claim-id="' + card.getAttribute("data-claim-id") + '"]');
    if (link) {
      link.setAttribute("data-state", state);
      var tagState = link.querySelector(".tag-state");
      var extra = stateLabel(state);
      if (tagState) tagState.textContent = extra ? " · " + extra : "";
    }
  }

  function when(iso) {
    if (!iso) return "";
    var d = new Date(iso);
    return isNaN(d.getTime()) ? iso : d.toLocaleString();
  }

  function send(form, decision) {
    if (form.getAttribute("data-busy")) return;
    var card = form.closest(".card");
    var conflict = card.querySelector(".conflict");
    var buttons = form.querySelectorAll("button");
    form.setAttribute("data-busy", "1");
    for (var i = 0; i < buttons.length; i++) buttons[i].disabled = true;
    if (conflict) conflict.hidden = true;

    function fail(message) {
      if (conflict) {
        conflict.textContent = message;
        conflict.hidden = false;
      }
      announce(message);
    }

    fetch(form.action, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        "X-CSRF-Token": csrf,
        "If-Match": form.elements.etag.value,
      },
      body: JSON.stringify({ decision: decision, note: form.elements.note.value }),
    })
      .then(function (res) {
        return res.json().catch(function () { return {}; }).then(function (data) {
          if (res.ok) {
            apply(card, form, data, decision);
            announce(decision === "confirmed" ? "Flag confirmed." : "Flag dismissed.");
          } else if (res.status === 412) {
            var cur = data.current;
            apply(card, form, data, cur ? cur.decision : "unreviewed");
            fail(
              cur
                ? "Someone else decided first: " + cur.reviewer + " marked this flag " +
                  cur.decision + " (" + when(cur.decided_at) + "). Their decision is shown; " +
                  "decide again if you disagree."
                : "This claim changed since the page loaded. Reload the page and decide again."
            );
          } else if (res.status === 401) {
            fail("Your sign-in has ended. Sign in again, then decide.");
          } else {
            fail(data.detail || "The decision was not saved (HTTP " + res.status + ").");
          }
        });
      })
      .catch(function () {
        fail("The decision was not saved: the server cannot be reached. Try again.");
      })
      .then(function () {
        form.removeAttribute("data-busy");
        for (var j = 0; j < buttons.length; j++) buttons[j].disabled = false;
      });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("decide")) return;
    event.preventDefault();
    var submitter = event.submitter;
    send(form, submitter && submitter.value ? submitter.value : "confirmed");
  });

  document.addEventListener("click", function (event) {
    var link = event.target instanceof Element ? event.target.closest("a.claim") : null;
    if (!link) return;
    event.preventDefault();
    select(link, { reveal: true });
    if (window.history && history.replaceState) history.replaceState(null, "", link.getAttribute("href"));
  });

  // Clicking or tabbing into a card makes it the current one, so c/d act on what is in view.
  document.addEventListener("focusin", function (event) {
    if (isDraft || !(event.target instanceof Element)) return;
    var item = event.target.closest("[data-nav-item]");
    // No scrolling here: moving the page under a pointer would lose the click in progress.
    if (item && item !== current) select(item, { focus: false, scroll: false });
  });

  var help = document.getElementById("keys-help");
  function toggleHelp() {
    if (!help || typeof help.showModal !== "function") return;
    if (help.open) help.close();
    else help.showModal();
  }
  var helpButtons = document.querySelectorAll("[data-open-help]");
  for (var h = 0; h < helpButtons.length; h++) helpButtons[h].addEventListener("click", toggleHelp);

  document.addEventListener("keydown", function (event) {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target instanceof Element && target.closest("input, textarea, select, [contenteditable]")) {
      if (event.key === "Escape" && target instanceof HTMLElement) {
        target.blur();
        if (current) current.focus({ preventScroll: true });
      }
      return;
    }
    if (help && help.open) return;
    if (event.key === "j") {
      event.preventDefault();
      move(1);
    } else if (event.key === "k") {
      event.preventDefault();
      move(-1);
    } else if (event.key === "c" || event.key === "d") {
      var card = cardFor(current);
      var form = card ? card.querySelector("form.decide") : null;
      if (!form) {
        announce(current ? "This claim is verified; nothing to decide." : "Select a flag first with j or k.");
        return;
      }
      event.preventDefault();
      send(form, event.key === "c" ? "confirmed" : "dismissed");
    } else if (event.key === "?") {
      event.preventDefault();
      toggleHelp();
    }
  });

  // Open the claim named in the address (#claim-… or ?claim=…) on the draft view.
  if (isDraft) {
    var wanted = null;
    var m = /^#claim-(.+)$/.exec(window.location.hash);
    if (m) wanted = m[1];
    var preset = document.querySelector("a.claim.current");
    if (!wanted && preset) wanted = preset.getAttribute("data-claim-id");
    if (wanted) {
      var link = document.querySelector('a.claim[data-claim-id="' + wanted + '"]');
      if (link) select(link, { focus: false });
    }
  } else if (window.location.hash) {
    var target = document.querySelector(window.location.hash.replace(/[^#\w-]/g, ""));
    if (target && target.hasAttribute("data-nav-item")) select(target, { focus: false });
  }
})();
