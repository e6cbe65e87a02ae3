/* 承诺台账: keyboard shortcuts on the review screen, and "add a missed pledge" from a
   selection in the document view. No framework, no network beyond the app itself. */
(function () {
  "use strict";

  function typing(el) {
    return el && (el.tagName === "INPUT" || el.tagName === "TEXTAREA" || el.tagName === "SELECT" || el.isContentEditable);
  }

  // --- review screen ---------------------------------------------------------------
  var form = document.getElementById("review-form");
  var passageBox = document.getElementById("passage-text");
  if (passageBox && passageBox.scrollHeight > passageBox.clientHeight) {  // a phone: the highlight in view
    var current = passageBox.querySelector("mark.hl-current");
    if (current) { passageBox.scrollTop = current.offsetTop - passageBox.offsetTop - passageBox.clientHeight / 3; }
  }
  if (form) {
    var submitWith = function (buttonId) {
      var b = document.getElementById(buttonId);
      if (b && !b.disabled) { form.requestSubmit ? form.requestSubmit(b) : b.click(); }
    };
    var post = function (formId) {
      var f = document.getElementById(formId);
      var b = f && f.querySelector("button");
      if (f && !(b && b.disabled)) { f.submit(); }
    };
    document.addEventListener("keydown", function (ev) {
      if (ev.defaultPrevented || ev.altKey || ev.metaKey) { return; }
      var t = ev.target;
      if (typing(t)) {
        if (ev.key === "Escape") { t.blur(); ev.preventDefault(); }
        else if (ev.key === "Enter" && ev.ctrlKey) { ev.preventDefault(); submitWith("btn-confirm"); }
        else if (ev.key === "Enter" && t.id === "reject_reason") { ev.preventDefault(); submitWith("btn-reject"); }
        return;
      }
      if (ev.ctrlKey) { return; }
      switch (ev.key.toLowerCase()) {
        case "y": ev.preventDefault(); submitWith("btn-confirm"); break;
        case "e": ev.preventDefault(); var first = form.querySelector("input[type=text], input:not([type])"); if (first) { first.focus(); first.select(); } break;
        case "r": ev.preventDefault(); var reason = document.getElementById("reject_reason"); if (reason) { reason.focus(); } break;
        case "n": ev.preventDefault(); post("form-next"); break;
        case "s": ev.preventDefault(); post("form-skip"); break;
        case "u": ev.preventDefault(); post("form-undo"); break;
        case "q": ev.preventDefault(); window.location = document.getElementById("link-queue").href; break;
      }
    });
    document.documentElement.dataset.keys = "ready";  // the shortcuts are live (tests wait for this)
  }

  // --- follow-up screen: accept, correct, dismiss by key ------------------------------
  var fu = document.getElementById("followup-form");
  if (fu) {
    var fuSubmit = function (buttonId) {
      var b = document.getElementById(buttonId);
      if (b && !b.disabled) { fu.requestSubmit ? fu.requestSubmit(b) : b.click(); }
    };
    document.addEventListener("keydown", function (ev) {
      if (ev.defaultPrevented || ev.altKey || ev.metaKey) { return; }
      var t = ev.target;
      if (typing(t)) {
        if (ev.key === "Escape") { t.blur(); ev.preventDefault(); }
        else if (ev.key === "Enter" && ev.ctrlKey) { ev.preventDefault(); fuSubmit("btn-accept"); }
        else if (ev.key === "Enter" && t.id === "reason") { ev.preventDefault(); fuSubmit("btn-dismiss"); }
        return;
      }
      if (ev.ctrlKey) { return; }
      switch (ev.key.toLowerCase()) {
        case "y": ev.preventDefault(); fuSubmit("btn-accept"); break;
        case "e": ev.preventDefault(); var st = document.getElementById("status"); if (st) { st.focus(); } break;
        case "r": ev.preventDefault(); var why = document.getElementById("reason"); if (why) { why.focus(); } break;
        case "n": ev.preventDefault(); var nf = document.getElementById("form-next"); if (nf) { nf.submit(); } break;
        case "q": ev.preventDefault(); window.location = document.getElementById("link-queue").href; break;
      }
    });
    document.documentElement.dataset.keys = "ready";
  }

  // --- queue: Enter starts reviewing ---------------------------------------------------
  var start = document.getElementById("start-review");
  if (start) {
    document.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" && !typing(ev.target) && ev.target.tagName !== "A" && ev.target.tagName !== "BUTTON") {
        ev.preventDefault(); start.click();
      }
    });
    document.documentElement.dataset.keys = "ready";
  }

  // --- document view: a selection becomes a new pledge -------------------------------
  var text = document.getElementById("doc-text");
  if (!text) { return; }
  text.addEventListener("click", function (ev) {
    var m = ev.target.closest("mark[data-pledge]");
    var sel = window.getSelection();
    if (m && (!sel || sel.isCollapsed)) { window.location = "/pledges/" + m.dataset.pledge; }
  });
  var addUrl = text.dataset.addUrl;
  if (!addUrl) { return; }
  var tool = document.getElementById("selection-tool");
  var link = document.getElementById("selection-add");

  function codePoints(s) { return Array.from(s).length; }
  function firstOffset(node) { // offset where ``node`` begins, or null
    if (node.nodeType === 1 && node.dataset && node.dataset.o !== undefined) { return +node.dataset.o; }
    var el = node.nodeType === 1 ? node.querySelector("[data-o]") : null;
    return el ? +el.dataset.o : null;
  }
  function endOffset(node) {
    var all = node.nodeType === 1 ? node.querySelectorAll("[data-o]") : [];
    var last = node.nodeType === 1 && node.dataset && node.dataset.o !== undefined ? node : all[all.length - 1];
    return last ? +last.dataset.o + codePoints(last.textContent) : null;
  }
  function offsetOf(node, off) {
    if (node.nodeType === 3) {
      var holder = node.parentElement.closest("[data-o]");
      if (!holder) { return null; }
      return +holder.dataset.o + codePoints(node.data.slice(0, off));
    }
    var kids = node.childNodes;
    for (var i = off; i < kids.length; i++) { var o = firstOffset(kids[i]); if (o !== null) { return o; } }
    for (var j = Math.min(off, kids.length) - 1; j >= 0; j--) { var e = endOffset(kids[j]); if (e !== null) { return e; } }
    return null;
  }
  function update() {
    var sel = window.getSelection();
    if (!sel || sel.isCollapsed || sel.rangeCount === 0) { tool.hidden = true; return; }
    var r = sel.getRangeAt(0);
    if (!text.contains(r.commonAncestorContainer)) { tool.hidden = true; return; }
    var s = offsetOf(r.startContainer, r.startOffset), e = offsetOf(r.endContainer, r.endOffset);
    if (s === null || e === null || e <= s) { tool.hidden = true; return; }
    link.href = addUrl + "?start=" + s + "&end=" + e;
    link.dataset.start = s; link.dataset.end = e;
    var rect = r.getBoundingClientRect();
    tool.style.top = (window.scrollY + rect.bottom + 6) + "px";
    tool.style.left = (window.scrollX + rect.left) + "px";
    tool.hidden = false;
  }
  document.addEventListener("selectionchange", function () { window.clearTimeout(update.t); update.t = window.setTimeout(update, 120); });
})();
