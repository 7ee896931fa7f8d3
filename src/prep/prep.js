// The preparation page's only script: keeps a draft in this browser while
// the coachee types, warns before closing with unsaved answers, and saves
// the answers as a file for the coach. It sends nothing anywhere.
(function () {
  "use strict";
  var meta = JSON.parse(document.getElementById("form-data").textContent);
  var form = document.getElementById("prep");
  var status = document.getElementById("status");
  var draftKey = "innerceo-prep-" + meta.form_id;
  var savedKey = draftKey + "-saved";
  var store = null;
  try {
    store = window.localStorage;
    store.setItem(draftKey + "-test", "1");
    store.removeItem(draftKey + "-test");
  } catch (e) {
    store = null;
  }

  function say(text) {
    status.textContent = text;
  }

  // Every field by name: radio groups give their checked value.
  function draft() {
    var d = {};
    var fields = form.querySelectorAll("input, textarea");
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (f.type === "radio") {
        if (f.checked) d[f.name] = f.value;
      } else {
        d[f.name] = f.value;
      }
    }
    return JSON.stringify(d);
  }

  function restore(text) {
    var d;
    try {
      d = JSON.parse(text);
    } catch (e) {
      return;
    }
    var fields = form.querySelectorAll("input, textarea");
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (f.type === "radio") {
        f.checked = d[f.name] === f.value;
      } else if (typeof d[f.name] === "string") {
        f.value = d[f.name];
      }
    }
  }

  var lastSaved = store ? store.getItem(savedKey) : null;
  var kept = store ? store.getItem(draftKey) : null;
  if (kept) {
    restore(kept);
    say("Your draft from earlier is back. It is kept in this browser until you save.");
  } else if (!store) {
    say("This browser does not let the page keep a draft: save before you close it.");
  }
  var blank = draft();

  function unsaved() {
    var now = draft();
    return now !== (lastSaved === null ? blank : lastSaved);
  }

  form.addEventListener("input", function () {
    if (store) {
      store.setItem(draftKey, draft());
      say("Draft kept in this browser. Press “Save my answers” when you are done.");
    }
  });
  form.addEventListener("change", function () {
    if (store) store.setItem(draftKey, draft());
  });

  window.addEventListener("beforeunload", function (e) {
    if (unsaved()) {
      e.preventDefault();
      e.returnValue = "";
    }
  });

  function field(name) {
    return form.querySelector('[name="' + name + '"]');
  }

  function answers() {
    var out = {
      format: "innerceo-prep/1",
      form_id: meta.form_id,
      database_id: meta.database_id,
      coachee_id: meta.coachee_id,
      saved_at: new Date().toISOString(),
      actions: [],
      centers: [],
      topics: []
    };
    meta.actions.forEach(function (id, i) {
      var mark = form.querySelector('input[name="mark-' + i + '"]:checked');
      out.actions.push({ id: id, mark: mark ? mark.value : null, note: field("action-note-" + i).value });
    });
    for (var i = 0; i < meta.centers.length; i++) {
      var box = field("score-" + i);
      var text = box.value.trim();
      var score = text === "" ? null : Number(text);
      if (score !== null && (!Number.isInteger(score) || score < meta.min || score > meta.max)) {
        box.focus();
        say(meta.labels[i] + ": give a whole number from " + meta.min + " to " + meta.max + ", or leave it empty.");
        return null;
      }
      out.centers.push({ id: meta.centers[i], score: score, note: field("center-note-" + i).value });
    }
    for (var t = 0; t < meta.topics; t++) {
      var topic = field("topic-" + t).value;
      if (topic.trim() !== "") out.topics.push(topic);
    }
    return out;
  }

  function today() {
    var d = new Date();
    var two = function (n) { return (n < 10 ? "0" : "") + n; };
    return d.getFullYear() + "-" + two(d.getMonth() + 1) + "-" + two(d.getDate());
  }

  document.getElementById("save").addEventListener("click", function () {
    var a = answers();
    if (!a) return;
    var name = "prep-" + meta.slug + "-" + today() + ".json";
    var blob = new Blob([JSON.stringify(a, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = name;
    document.body.appendChild(link);
    link.click();
    document.body.removeChild(link);
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    lastSaved = draft();
    if (store) store.setItem(savedKey, lastSaved);
    say("Saved as " + name + " in your downloads. Send that file to your coach.");
  });
})();
