// Preselect the browser's time zone in a time zone picker the person has not used yet
// (select[data-browser-time-zone], see accounts.forms.TimeZoneSelect). A browser that reports a
// legacy name ("Asia/Calcutta") lands on the zone it stands for (data-time-zone-aliases).
// Without this script, or with a zone the list does not offer, the server's default stays.
(function () {
  "use strict";

  function browserZone() {
    try {
      return Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    } catch (error) {
      return "";
    }
  }

  function preselect(select) {
    var zone = browserZone();
    if (!zone) {
      return;
    }
    var aliases = {};
    try {
      aliases = JSON.parse(select.getAttribute("data-time-zone-aliases") || "{}");
    } catch (error) {
      aliases = {};
    }
    var candidates = [zone, aliases[zone]];
    for (var i = 0; i < candidates.length; i += 1) {
      var name = candidates[i];
      if (!name) {
        continue;
      }
      for (var j = 0; j < select.options.length; j += 1) {
        if (select.options[j].value === name) {
          select.value = name;
          select.setAttribute("data-browser-time-zone", name);
          return;
        }
      }
    }
  }

  function init() {
    var selects = document.querySelectorAll("select[data-browser-time-zone]");
    for (var i = 0; i < selects.length; i += 1) {
      preselect(selects[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
