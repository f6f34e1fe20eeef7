// Add, remove and reorder rows of a Django formset in the page, without a reload.
// Markup: [data-formset] holds the management form, [data-formset-list] of [data-formset-row]s,
// a <template data-formset-template> with the empty form, and [data-formset-add] / [data-formset-remove]
// buttons; optional [data-formset-move="up"|"down"] buttons reorder rows, and the formset's ORDER
// inputs (can_order=True) are rewritten to follow the order on screen.
(function () {
  function renumber(formset) {
    let number = 0;
    formset.querySelectorAll(":scope [data-formset-list] > [data-formset-row]").forEach((row) => {
      if (!row.hidden) {
        number += 1;
        const label = row.querySelector("[data-formset-number]");
        if (label) label.textContent = number;
        const order = row.querySelector('input[name$="-ORDER"]');
        if (order) order.value = number;
      }
    });
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
      list.lastElementChild.querySelector("input:not([type=hidden]), select, textarea")?.focus();
    } else if (remove) {
      const row = remove.closest("[data-formset-row]");
      row.querySelector('input[name$="-DELETE"]').checked = true;
      row.hidden = true;
    } else {
      const row = move.closest("[data-formset-row]");
      const direction = move.dataset.formsetMove;
      const other = sibling(row, direction);
      if (!other) return;
      if (direction === "up") other.before(row);
      else other.after(row);
      move.focus();
    }
    changed(formset);
  });

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-formset]").forEach(renumber);
  });
})();
