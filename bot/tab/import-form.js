// The admin's « Importer un suivi Excel » form: dry run, French report, then confirmation.

window.bpc40Import = (() => {
  const { api } = window.bpc40;

  /** Dry run first; the admin confirms the very bytes that were checked. */
  function setUp(onApplied) {
    const importForm = document.getElementById("import-form");
    const report = document.getElementById("import-report");
    const applyButton = document.getElementById("import-apply");
    let checked = null;
    const send = async (file, bytes, apply) => {
      const query = new URLSearchParams({ fichier: file.name });
      if (apply) query.set("appliquer", "1");
      if (document.getElementById("import-skip").checked) query.set("ignorer", "1");
      return api(`/tab/api/import?${query}`, {
        method: "POST",
        headers: { "content-type": "application/octet-stream" },
        body: bytes,
      });
    };
    importForm.addEventListener("submit", async (event) => {
      event.preventDefault();
      const file = document.getElementById("import-file").files[0];
      if (!file) return;
      applyButton.disabled = true;
      report.textContent = "Vérification du fichier…";
      try {
        const bytes = await file.arrayBuffer();
        const outcome = await send(file, bytes, false);
        report.textContent = outcome.report;
        checked = outcome.mode === "dry-run" ? { file, bytes } : null;
        applyButton.disabled = checked === null;
      } catch (error) {
        report.textContent = error.message;
      }
    });
    applyButton.addEventListener("click", async () => {
      if (!checked) return;
      applyButton.disabled = true;
      try {
        const outcome = await send(checked.file, checked.bytes, true);
        report.textContent = outcome.report;
        checked = null;
        await onApplied();
      } catch (error) {
        report.textContent = error.message;
      }
    });
  }

  return { setUp };
})();
