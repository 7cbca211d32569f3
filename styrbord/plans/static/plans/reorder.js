/* Drag and drop for the ranked plan.
 *
 * The page works without this: every row has Move up and Move down buttons, which stay for
 * keyboard users. With it, a row can be dragged to its new place; on drop the new order of
 * every item goes to the server in the page's hidden reorder form, with the version the
 * page was shown at, so a reorder based on an older ranking is refused there.
 */
(function () {
  "use strict";

  function init() {
    var body = document.querySelector("tbody[data-plan-reorder]");
    var form = document.querySelector("form.styrbord-plan-reorder-form");
    if (!body || !form) {
      return;
    }
    var rows = Array.prototype.slice.call(body.querySelectorAll("tr[data-item-id]"));
    if (rows.length < 2) {
      return;
    }
    var hint = document.querySelector(".styrbord-plan-reorder-hint");
    if (hint) {
      hint.hidden = false;
    }
    var table = body.closest("table");
    var dragged = null;
    var before = [];

    function currentOrder() {
      return Array.prototype.map.call(body.querySelectorAll("tr[data-item-id]"), function (row) {
        return row.getAttribute("data-item-id");
      });
    }

    function clearTargets() {
      body.querySelectorAll(".is-drop-target").forEach(function (row) {
        row.classList.remove("is-drop-target");
      });
    }

    function submit(order) {
      form.querySelectorAll("input[name='order']").forEach(function (input) {
        input.remove();
      });
      order.forEach(function (id) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = "order";
        input.value = id;
        form.appendChild(input);
      });
      if (table) {
        table.classList.add("is-saving");
        table.setAttribute("aria-busy", "true");
      }
      form.submit();
    }

    // Dropping anywhere on the table body is allowed while a row is dragged, also on the
    // dragged row itself (where the pointer usually is after the row has moved).
    body.addEventListener("dragover", function (event) {
      if (!dragged) {
        return;
      }
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      var row = event.target.closest ? event.target.closest("tr[data-item-id]") : null;
      if (!row || row === dragged) {
        return;
      }
      clearTargets();
      row.classList.add("is-drop-target");
      var box = row.getBoundingClientRect();
      var after = event.clientY > box.top + box.height / 2;
      body.insertBefore(dragged, after ? row.nextSibling : row);
    });

    body.addEventListener("drop", function (event) {
      if (dragged) {
        event.preventDefault();
      }
    });

    rows.forEach(function (row) {
      row.setAttribute("draggable", "true");

      row.addEventListener("dragstart", function (event) {
        dragged = row;
        before = currentOrder();
        row.classList.add("is-dragging");
        event.dataTransfer.effectAllowed = "move";
        // Firefox starts a drag only when some data is set.
        event.dataTransfer.setData("text/plain", row.getAttribute("data-item-id"));
      });

      row.addEventListener("dragend", function (event) {
        row.classList.remove("is-dragging");
        clearTargets();
        dragged = null;
        if (event.dataTransfer.dropEffect === "none") {
          // The drag was cancelled (Escape, or dropped outside the table): put rows back.
          before.forEach(function (id) {
            body.appendChild(body.querySelector("tr[data-item-id='" + id + "']"));
          });
          return;
        }
        var order = currentOrder();
        if (order.join(",") !== before.join(",")) {
          submit(order);
        }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
