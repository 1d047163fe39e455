// The schedule editor's drag and drop. Without it every session keeps its
// "Move" form; dropping a session fills that form and sends it, so the server
// judges a drag exactly as it judges the form (conflicts, stale pages, closed spaces).
(function () {
  "use strict";
  var editor = document.querySelector("[data-editor]");
  if (!editor) return;
  var help = document.querySelector("[data-editor-help]");
  if (help) help.hidden = false;
  var dragged = null;

  function say(text) {
    var note = editor.querySelector("[data-editor-note]");
    if (!note) {
      note = document.createElement("p");
      note.setAttribute("role", "alert");
      note.setAttribute("data-editor-note", "");
      editor.insertBefore(note, editor.firstChild);
    }
    note.textContent = text;
  }

  editor.addEventListener("dragstart", function (event) {
    var card = event.target.closest && event.target.closest("[data-session]");
    if (!card) return;
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.getAttribute("data-session"));
  });

  editor.addEventListener("dragover", function (event) {
    if (dragged && event.target.closest("[data-drop]")) event.preventDefault();
  });

  editor.addEventListener("drop", function (event) {
    var cell = event.target.closest("[data-drop]");
    if (!dragged || !cell) return;
    event.preventDefault();
    var form = dragged.querySelector("[data-move-form]");
    form.querySelector("[data-field=space]").value = cell.getAttribute("data-space");
    form.querySelector("[data-field=day]").value = cell.getAttribute("data-day");
    form.querySelector("[data-field=start]").value = cell.getAttribute("data-start");
    dragged = null;
    form.submit();
  });

  editor.addEventListener("dragend", function (event) {
    // Still set: the drop landed nowhere the grid accepts.
    if (dragged && event.dataTransfer.dropEffect === "none") {
      say(editor.getAttribute("data-text-outside"));
    }
    dragged = null;
  });
})();
