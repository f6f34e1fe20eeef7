// Add and remove rows of a Django formset in the page, without a reload.
// Markup: [data-formset] holds the management form, [data-formset-list] of [data-formset-row]s,
// a <template data-formset-template> with the empty form, and [data-formset-add] / [data-formset-remove] buttons.
(function () {
  function renumber(formset) {
    let number = 0;
    formset.querySelectorAll("[data-formset-row]").forEach((row) => {
      if (!row.hidden) {
        number += 1;
        row.querySelector("[data-formset-number]").textContent = number;
      }
    });
  }

  document.addEventListener("click", (event) => {
    const add = event.target.closest("[data-formset-add]");
    const remove = event.target.closest("[data-formset-remove]");
    const formset = (add || remove)?.closest("[data-formset]");
    if (!formset) return;
    if (add) {
      const total = formset.querySelector('input[name$="-TOTAL_FORMS"]');
      const template = formset.querySelector("template[data-formset-template]");
      const list = formset.querySelector("[data-formset-list]");
      list.insertAdjacentHTML("beforeend", template.innerHTML.replaceAll("__prefix__", total.value));
      total.value = Number(total.value) + 1;
      list.lastElementChild.querySelector("input:not([type=hidden]), select")?.focus();
    } else {
      const row = remove.closest("[data-formset-row]");
      row.querySelector('input[name$="-DELETE"]').checked = true;
      row.hidden = true;
    }
    renumber(formset);
  });

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-formset]").forEach(renumber);
  });
})();
