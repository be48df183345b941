// Progressive enhancement only: every page works as plain HTML forms without this file.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }
  function text(tag, content, cls) {
    var el = document.createElement(tag);
    if (content !== undefined) el.textContent = content;
    if (cls) el.className = cls;
    return el;
  }

  // ------------------------------------------------------------------ chat
  function initChat() {
    var form = $("#ask-form");
    if (!form) return;
    var box = $("#question", form);
    var button = $("#ask-button", form);
    var turns = $("#turns");
    var errorBox = $("#ask-error");

    box.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
        e.preventDefault();
        if (typeof form.requestSubmit === "function") form.requestSubmit(); else form.submit();
      }
    });

    function ensureActions(cid) {
      if ($(".chat-actions")) return;
      var p = text("p", undefined, "chat-actions");
      var dl = text("a", "Download this conversation (Markdown)");
      dl.href = "/conversations/" + encodeURIComponent(cid) + ".md";
      dl.setAttribute("download", "");
      var fresh = text("a", "Start a new conversation");
      fresh.href = "/";
      p.appendChild(dl); p.appendChild(document.createTextNode(" · ")); p.appendChild(fresh);
      $(".chat-head").appendChild(p);
    }

    function ask(question) {
      var data = new FormData(form);
      data.set("question", question);
      errorBox.innerHTML = "";
      button.disabled = true;
      var pending = text("li", "Looking in the reports…", "thinking");
      pending.setAttribute("role", "status");
      turns.appendChild(pending);
      fetch("/chat/turn", { method: "POST", body: new URLSearchParams(data) })
        .then(function (res) {
          return res.text().then(function (html) { return { res: res, html: html }; });
        })
        .then(function (r) {
          pending.remove();
          if (!r.res.ok) {
            // The server renders (and escapes) the error message.
            errorBox.innerHTML = r.html;
            box.focus();
            return;
          }
          var cid = r.res.headers.get("X-Conversation-Id");
          var holder = document.createElement("ol");
          holder.innerHTML = r.html;
          var turn = holder.firstElementChild;
          // Earlier answers fold their sources away; the newest shows them.
          $all("details.sources[open]", turns).forEach(function (d) { d.open = false; });
          turns.appendChild(turn);
          $("input[name=conversation_id]", form).value = cid;
          var intro = $(".intro");
          if (intro) intro.remove();
          $(".ask-label", form).textContent = "Ask a follow-up question";
          box.placeholder = "e.g. and what were its strengths?";
          ensureActions(cid);
          history.replaceState(null, "", "/?c=" + encodeURIComponent(cid) + "#" + turn.id);
          box.value = "";
          turn.scrollIntoView({ block: "start" });
          box.focus({ preventScroll: true });
        })
        .catch(function () {
          pending.remove();
          errorBox.innerHTML = "";
          errorBox.appendChild(text("p", "Could not reach the server. Please try again.", "error"));
        })
        .finally(function () { button.disabled = false; });
    }

    form.addEventListener("submit", function (e) {
      var q = box.value.trim();
      if (!q) return;  // the browser's "required" message explains it
      e.preventDefault();
      ask(q);
    });

    var examples = $(".examples");
    if (examples) {
      examples.addEventListener("click", function (e) {
        var b = e.target.closest("button.example");
        if (!b) return;
        e.preventDefault();
        box.value = b.value;
        ask(b.value);
      });
    }

    document.addEventListener("submit", function (e) {
      var fb = e.target.closest && e.target.closest("form.feedback");
      if (!fb) return;
      e.preventDefault();
      var pressed = e.submitter || $("button[name=rating]", fb);
      var payload = {
        rating: pressed.value,
        conversation_id: $("input[name=conversation_id]", fb).value,
        turn: parseInt($("input[name=turn]", fb).value, 10),
        comment: ($("textarea[name=comment]", fb) || {}).value || null
      };
      var status = $(".feedback-status", fb);
      fetch("/api/feedback", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(payload)
      }).then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        $all("button[name=rating]", fb).forEach(function (b) {
          b.setAttribute("aria-pressed", b === pressed ? "true" : "false");
        });
        status.textContent = "Thanks — your feedback was saved.";
      }).catch(function () {
        status.textContent = "Sorry, the feedback could not be saved.";
      });
    });
  }

  // ------------------------------------------------------------------ glossary
  function initGlossary() {
    var input = $("#glossary-filter");
    if (!input) return;
    var count = $("#glossary-count");
    var none = $("#glossary-none");
    var terms = $all(".term[data-search]");
    function apply() {
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      terms.forEach(function (t) {
        var hit = !q || t.getAttribute("data-search").indexOf(q) !== -1;
        t.hidden = !hit;
        if (hit) shown++;
      });
      $all(".letter-group").forEach(function (g) {
        g.hidden = !$all(".term", g).some(function (t) { return !t.hidden; });
      });
      $all(".az li").forEach(function (li) {
        var a = $("a", li);
        if (!a) return;
        var group = document.getElementById(a.getAttribute("href").slice(1));
        li.classList.toggle("muted", !group || group.hidden);
      });
      count.textContent = q ? shown + " of " + terms.length + " terms match “" + input.value.trim() + "”." : "";
      if (none) none.hidden = shown !== 0;
      var url = q ? "/glossary?q=" + encodeURIComponent(input.value.trim()) : "/glossary";
      history.replaceState(null, "", url);
    }
    input.addEventListener("input", apply);
    // Start from the full list so typing filters live from any server-side state.
    if (terms.length) apply();
  }

  // ------------------------------------------------------------------ report page
  function initReport() {
    var hit = document.getElementById("hl");
    if (!hit) return;
    var jump = function () { hit.scrollIntoView({ block: "center" }); };
    if (document.readyState === "complete") jump(); else window.addEventListener("load", jump);
  }

  // ------------------------------------------------------------------ check page
  function initCheck() {
    $all("a.claim").forEach(function (a) {
      a.addEventListener("click", function () {
        $all(".claim-result.is-focused").forEach(function (el) { el.classList.remove("is-focused"); });
        var target = document.getElementById("claim-" + a.getAttribute("data-claim"));
        if (target) { target.classList.add("is-focused"); }
      });
    });
  }

  // ------------------------------------------------------------------ ingest
  function initIngest() {
    var form = $("#ingest-form");
    if (!form) return;
    var progress = $("#ingest-progress");
    var bar = $("#upload-bar");
    var label = $("#upload-label");
    var out = $("#ingest-results");
    var maxBytes = parseInt(form.getAttribute("data-max-bytes"), 10);

    function showResults(results) {
      out.innerHTML = "";
      out.appendChild(text("h2", "Results"));
      var ul = text("ul", undefined, "ingest-results");
      results.forEach(function (r) {
        if (r.status === "needs-replace") {
          // Replacing a stored report is an explicit act: nothing changed until this is pressed.
          var ask = text("li", undefined, "needs-replace");
          ask.appendChild(text("strong", "Already stored"));
          ask.appendChild(document.createTextNode(" " + r.file + " is a different version of "));
          var stored = text("a", r.report_id);
          stored.href = "/reports/" + encodeURIComponent(r.report_id);
          ask.appendChild(stored);
          ask.appendChild(document.createTextNode(". Nothing was changed. "));
          var confirm = text("button", "Replace " + r.report_id + " with this version", "primary");
          confirm.type = "button";
          confirm.addEventListener("click", function () {
            var again = new FormData(form);
            again.set("replace", "true");
            send(again);
          });
          ask.appendChild(confirm);
          ul.appendChild(ask);
          return;
        }
        var li = text("li", undefined, r.ok ? "ok" : "failed");
        if (r.ok) {
          li.appendChild(text("strong", r.status.charAt(0).toUpperCase() + r.status.slice(1)));
          li.appendChild(document.createTextNode(" " + r.file + " → "));
          var a = text("a", r.report_id);
          a.href = "/reports/" + encodeURIComponent(r.report_id);
          li.appendChild(a);
          li.appendChild(document.createTextNode(": " + r.scores + " scores, " + r.findings +
            " findings, " + r.recommendations + " recommendations, " + r.glossary +
            " glossary terms, " + r.facts + " facts"));
        } else {
          li.appendChild(text("strong", "Error", "error-text"));
          li.appendChild(document.createTextNode(" " + r.file + ": " + r.error));
        }
        ul.appendChild(li);
      });
      out.appendChild(ul);
    }

    function showError(message) {
      out.innerHTML = "";
      var p = text("p", message, "error");
      p.setAttribute("role", "alert");
      out.appendChild(p);
    }

    form.addEventListener("submit", function (e) {
      var files = $("#files", form).files;
      if (!files.length) return;
      e.preventDefault();
      for (var i = 0; i < files.length; i++) {
        if (files[i].size > maxBytes) {
          showError(files[i].name + ": file is " + (files[i].size / 1048576).toFixed(1) +
            " MB, over the " + (maxBytes / 1048576) + " MB limit");
          return;
        }
      }
      send(new FormData(form));
    });

    function send(data) {
      var xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/ingest");
      progress.hidden = false;
      bar.value = 0;
      label.textContent = "Uploading…";
      $("button", form).disabled = true;
      xhr.upload.addEventListener("progress", function (ev) {
        if (ev.lengthComputable) bar.value = Math.round(100 * ev.loaded / ev.total);
      });
      xhr.upload.addEventListener("load", function () {
        label.textContent = "Reading, parsing and indexing the report… (this can take a little while)";
        bar.removeAttribute("value");  // indeterminate while the server works
      });
      xhr.addEventListener("load", function () {
        $("button", form).disabled = false;
        progress.hidden = true;
        var body;
        try { body = JSON.parse(xhr.responseText); } catch (err) { body = null; }
        if (Array.isArray(body)) { showResults(body); return; }
        showError(body && body.detail ? (typeof body.detail === "string" ? body.detail : (body.message || "The upload was refused.")) : "The upload failed (HTTP " + xhr.status + ").");
      });
      xhr.addEventListener("error", function () {
        $("button", form).disabled = false;
        progress.hidden = true;
        showError("Could not reach the server. Please try again.");
      });
      xhr.send(data);
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    initChat();
    initGlossary();
    initReport();
    initCheck();
    initIngest();
  });
})();
