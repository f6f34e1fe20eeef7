// Small enhancements every front-end page gets (loaded with `defer`, so the DOM is there):
// - the header's compact menu on narrow screens: a "Menu" button that shows and hides the
//   navigation (without JavaScript the navigation simply stays visible);
// - tables scroll sideways inside a region of their own, never the whole page; a region that
//   scrolls can be reached and scrolled with the keyboard and is named after its table;
// - the week strip opens scrolled to the current week.
(function () {
  "use strict";

  function setUpMenu() {
    const header = document.querySelector("[data-site-header]");
    const toggle = header && header.querySelector("[data-menu-toggle]");
    const menu = toggle && document.getElementById(toggle.getAttribute("aria-controls"));
    if (!menu) return;
    header.classList.add("site-header--compact");
    toggle.hidden = false;
    const setOpen = (open) => {
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("is-open", open);
    };
    toggle.addEventListener("click", () => setOpen(toggle.getAttribute("aria-expanded") !== "true"));
    header.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && toggle.getAttribute("aria-expanded") === "true") {
        setOpen(false);
        toggle.focus();
      }
    });
  }

  function regionName(table) {
    const caption = table.querySelector("caption");
    if (caption) return caption.textContent.trim();
    const labelledby = table.getAttribute("aria-labelledby");
    const label = labelledby && document.getElementById(labelledby.split(" ")[0]);
    if (label) return label.textContent.trim();
    if (table.getAttribute("aria-label")) return table.getAttribute("aria-label");
    // The nearest heading before the table.
    let node = table.closest(".table-scroll") || table;
    while (node && node !== document.body) {
      let sibling = node.previousElementSibling;
      while (sibling) {
        const heading = sibling.matches("h1, h2, h3, h4, h5, h6") ? sibling : null;
        if (heading) return heading.textContent.trim();
        sibling = sibling.previousElementSibling;
      }
      node = node.parentElement;
    }
    return "";
  }

  function setUpScrollRegions() {
    document.querySelectorAll("main table").forEach((table) => {
      if (table.parentElement.closest(".table-scroll")) return;
      const wrapper = document.createElement("div");
      wrapper.className = "table-scroll";
      table.parentNode.insertBefore(wrapper, table);
      wrapper.appendChild(table);
    });
    const regions = document.querySelectorAll("main .table-scroll, main [data-scroll-region]");
    const update = () => {
      regions.forEach((region) => {
        const scrolls = region.scrollWidth > region.clientWidth + 1;
        if (scrolls && !region.hasAttribute("tabindex")) {
          region.setAttribute("tabindex", "0");
          region.dataset.scrollRegionFocusable = "";
          if (region.matches("div") && !region.hasAttribute("role")) region.setAttribute("role", "region");
          if (!region.hasAttribute("aria-label") && !region.hasAttribute("aria-labelledby")) {
            const table = region.querySelector("table");
            const name = table ? regionName(table) : "";
            if (name) region.setAttribute("aria-label", name);
          }
        } else if (!scrolls && region.dataset.scrollRegionFocusable !== undefined) {
          region.removeAttribute("tabindex");
          delete region.dataset.scrollRegionFocusable;
        }
      });
    };
    update();
    let pending = null;
    window.addEventListener("resize", () => {
      if (pending) cancelAnimationFrame(pending);
      pending = requestAnimationFrame(update);
    });
  }

  function showCurrentWeek() {
    document.querySelectorAll("[data-week-strip]").forEach((strip) => {
      const current = strip.querySelector("[aria-current]");
      if (!current) return;
      // Scroll the strip only (not the page): the current week first, with the week before it in view.
      const previous = current.previousElementSibling;
      const offset = current.getBoundingClientRect().left - strip.getBoundingClientRect().left;
      strip.scrollLeft += offset - (previous ? previous.getBoundingClientRect().width / 2 : 0);
    });
    // The full schedule opens at this week (unless the address asks for another place, or it is
    // already in view): its heading at the top of the window.
    const week = document.querySelector("[data-current-week]");
    if (week && !window.location.hash) {
      const top = week.getBoundingClientRect().top;
      if (top < 0 || top > window.innerHeight / 2) week.scrollIntoView({ block: "start" });
    }
  }

  const start = () => {
    setUpMenu();
    setUpScrollRegions();
    showCurrentWeek();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
