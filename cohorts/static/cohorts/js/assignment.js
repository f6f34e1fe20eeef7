// Save an assignment draft when the member leaves the page or switches away, so nothing typed is lost.
// The form carries the draft's revision; the server refuses a stale save (and keeps the refused copy),
// and a successful save returns the new revision, which is written back into the form.
(function () {
  function snapshot(form) {
    const data = new FormData(form);
    data.delete("files");
    data.delete("revision");
    return new URLSearchParams(data).toString();
  }

  function start() {
    const form = document.querySelector("[data-assignment-form]");
    if (!form) return;
    const status = form.querySelector("[data-autosave-status]");
    const revision = form.querySelector("[data-revision]");
    let saved = snapshot(form);
    let submitting = false;
    form.addEventListener("submit", () => { submitting = true; });

    function autosave() {
      const current = snapshot(form);
      if (submitting || current === saved) return;
      const data = new FormData(form);
      data.delete("files"); // files go with an explicit save only
      data.set("autosave", "1");
      // keepalive lets the request outlive the page, but browsers cap its body (64 KB);
      // a larger draft is sent as a plain request, which completes while the tab is only hidden.
      const send = (keepalive) =>
        fetch(form.dataset.autosaveUrl, { method: "POST", body: data, keepalive, credentials: "same-origin" });
      send(true)
        .catch(() => send(false))
        .then((response) => response.json())
        .then((result) => {
          if (result.saved) {
            saved = current;
            revision.value = result.revision;
            if (status) status.textContent = status.dataset.saved;
          } else if (status) {
            status.textContent = result.error;
          }
        })
        .catch(() => {});
    }

    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") autosave();
    });
    window.addEventListener("pagehide", autosave);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
