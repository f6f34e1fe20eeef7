// Add, remove and reorder rows of a Django formset in the page, without a reload.
// Markup: [data-formset] holds the management form, [data-formset-list] of [data-formset-row]s,
// a <template data-formset-template> with the empty form, and [data-formset-add] / [data-formset-remove]
// buttons; optional [data-formset-move="up"|"down"] buttons reorder rows, and the formset's ORDER
// inputs (can_order=True, hidden) are rewritten to follow the order on screen. DELETE is a hidden
// input too: removing a row sets it and hides the row.
// Each button's [data-formset-label] ("Remove stage __number__") names it after its row: it becomes
// the aria-label (or the text, without one). A [data-formset-status] live region announces what
// changed, from its translated data-added/removed/moved/first/last ("__number__", "__total__").
(function () {
  const FIELD = "input:not([type=hidden]), select, textarea";

  function visibleRows(formset) {
    return Array.from(formset.querySelectorAll(":scope [data-formset-list] > [data-formset-row]")).filter(
      (row) => !row.hidden,
    );
  }

  function renumber(formset) {
    visibleRows(formset).forEach((row, index) => {
      const number = String(index + 1);
      const label = row.querySelector("[data-formset-number]");
      if (label) label.textContent = number;
      const order = row.querySelector('input[name$="-ORDER"]');
      if (order) order.value = number;
      row.querySelectorAll("[data-formset-label]").forEach((button) => {
        const name = button.dataset.formsetLabel.replaceAll("__number__", number);
        if (button.hasAttribute("aria-label")) button.setAttribute("aria-label", name);
        else button.textContent = name;
      });
    });
  }

  function announce(formset, key, number) {
    const status = formset.querySelector("[data-formset-status]");
    const message = status?.dataset[key];
    if (!message) return;
    const text = message
      .replaceAll("__number__", String(number))
      .replaceAll("__total__", String(visibleRows(formset).length));
    // Emptied first, so that the same message twice in a row is announced twice.
    status.textContent = "";
    window.setTimeout(() => {
      status.textContent = text;
    }, 50);
  }

  function position(formset, row) {
    return visibleRows(formset).indexOf(row) + 1;
  }

  function changed(formset) {
    renumber(formset);
    formset.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function sibling(row, direction) {
    let next = direction === "up" ? row.previousElementSibling : row.nextElementSibling;
    while (next && next.hidden) next = direction === "up" ? next.previousElementSibling : next.nextElementSibling;
    return next;
  }

  document.addEventListener("click", (event) => {
    const add = event.target.closest("[data-formset-add]");
    const remove = event.target.closest("[data-formset-remove]");
    const move = event.target.closest("[data-formset-move]");
    const formset = (add || remove || move)?.closest("[data-formset]");
    if (!formset) return;
    if (add) {
      const total = formset.querySelector('input[name$="-TOTAL_FORMS"]');
      const template = formset.querySelector("template[data-formset-template]");
      const list = formset.querySelector("[data-formset-list]");
      list.insertAdjacentHTML("beforeend", template.innerHTML.replaceAll("__prefix__", total.value));
      total.value = Number(total.value) + 1;
      const row = list.lastElementChild;
      changed(formset);
      row.querySelector(FIELD)?.focus();
      announce(formset, "added", position(formset, row));
    } else if (remove) {
      const row = remove.closest("[data-formset-row]");
      const number = position(formset, row);
      const next = sibling(row, "down") || sibling(row, "up");
      row.querySelector('input[name$="-DELETE"]').value = "on";
      row.hidden = true;
      changed(formset);
      // Focus goes to the row that took its place (or the one before it), else to the add button.
      const target = next?.querySelector(FIELD) || formset.querySelector("[data-formset-add]");
      target?.focus();
      announce(formset, "removed", number);
    } else {
      const row = move.closest("[data-formset-row]");
      const direction = move.dataset.formsetMove;
      const other = sibling(row, direction);
      if (!other) {
        announce(formset, direction === "up" ? "first" : "last", position(formset, row));
        return;
      }
      if (direction === "up") other.before(row);
      else other.after(row);
      move.focus();
      changed(formset);
      announce(formset, "moved", position(formset, row));
    }
  });

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-formset]").forEach(renumber);
  });
})();
