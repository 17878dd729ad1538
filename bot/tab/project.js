// The project page of the Teams tab: the same facts as the project card in Teams.

(() => {
  const { api, h, announce } = window.bpc40;
  const root = document.getElementById("project");
  const reference = decodeURIComponent(location.pathname.split("/").pop() ?? "");

  function render(project) {
    document.getElementById("title").textContent = `${project.reference} — ${project.title}`;
    document.title = `${project.reference} — Budget participatif des Landes`;
    root.replaceChildren(
      project.isLate ? h("p", { class: "late" }, "⚠ Ce projet est en retard.") : "",
      h(
        "dl",
        { class: "kpis", id: "facts" },
        project.facts.map((f) => h("div", {}, h("dt", {}, f.label), h("dd", {}, f.value))),
      ),
      h("h2", {}, "Étapes"),
      h(
        "ol",
        { class: "timeline" },
        project.timeline.map((step) =>
          h(
            "li",
            { class: step.state === "late" ? "late" : null },
            `${step.label} : ${step.stateLabel}`,
            step.dates.length ? ` (${step.dates.join(", ")})` : "",
          ),
        ),
      ),
      h("h2", {}, "Échéances"),
      project.deadlines.length
        ? h(
            "ul",
            {},
            project.deadlines.map((d) => h("li", { class: d.late ? "late" : null }, `${d.text} — ${d.when}`)),
          )
        : h("p", {}, "Aucune échéance ouverte."),
    );
  }

  api(`/tab/api/projects/${encodeURIComponent(reference)}`)
    .then((project) => {
      render(project);
      announce("");
    })
    .catch((error) => {
      root.replaceChildren(h("p", { class: "error", role: "alert" }, error.message));
      announce("");
    });
})();
