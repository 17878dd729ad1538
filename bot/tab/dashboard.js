// The dashboard page of the Teams tab: filters, figures, SVG charts with table alternatives, admin import.

(() => {
  const { api, h, announce } = window.bpc40;
  const { barChart, table } = window.bpc40Charts;
  const form = document.getElementById("filters");
  const root = document.getElementById("dashboard");
  const fields = {
    edition: document.getElementById("f-edition"),
    canton: document.getElementById("f-canton"),
    theme: document.getElementById("f-theme"),
    jeunes: document.getElementById("f-jeunes"),
  };
  let sequence = 0;

  const projectLink = (reference, text = reference) =>
    h("a", { href: `/tab/projets/${encodeURIComponent(reference)}` }, text);

  const section = (id, title, ...content) =>
    h("section", { "aria-labelledby": `${id}-title` }, h("h2", { id: `${id}-title` }, title), ...content);

  function kpis(all) {
    const item = (id, label, value) => h("div", {}, h("dt", {}, label), h("dd", { id }, value));
    return h(
      "dl",
      { class: "kpis" },
      item("kpi-count", "Projets lauréats", String(all.count)),
      item("kpi-awarded", "Montant voté", all.awarded),
      item("kpi-paid", "Versé", all.paid),
      item("kpi-justified", "Justifié", all.justified),
      item("kpi-remaining", "Reste à verser", all.remaining),
    );
  }

  function render(data) {
    const money = [
      { label: "Projets", num: true },
      { label: "Voté", num: true },
      { label: "Versé", num: true },
      { label: "Justifié", num: true },
    ];
    root.replaceChildren(
      section("kpi", `Édition ${data.filters.editionYear} en chiffres`, kpis(data.all)),
      h(
        "div",
        { class: "grid" },
        section(
          "status",
          "Projets par statut",
          barChart(
            "chart-status",
            "Nombre de projets par statut",
            data.byStatus.map((l) => ({ label: l.label, value: l.count, text: String(l.count) })),
          ),
          table(
            "table-status",
            "Projets par statut (tableau)",
            [{ label: "Statut" }, ...money],
            data.byStatus.map((l) => [l.label, String(l.count), l.awarded, l.paid, l.justified]),
          ),
        ),
        section(
          "canton",
          "Montants votés par canton",
          barChart(
            "chart-canton",
            "Montant voté par canton",
            data.byCanton.map((l) => ({ label: l.label, value: l.awardedCents, text: l.awarded })),
          ),
          table(
            "table-canton",
            "Montants par canton (tableau)",
            [{ label: "Canton" }, ...money],
            data.byCanton.map((l) => [l.label, String(l.count), l.awarded, l.paid, l.justified]),
          ),
        ),
      ),
      section(
        "late",
        `Projets en retard (${data.late.count})`,
        table(
          "table-late-steps",
          "Retards par étape",
          [{ label: "Étape" }, { label: "Projets", num: true }],
          data.late.byStep.map((l) => [l.label, String(l.count)]),
        ),
        table(
          "table-late",
          "Projets en retard",
          [{ label: "Référence" }, { label: "Projet" }, { label: "Canton" }, { label: "En retard sur" }],
          data.late.projects.map((p) => [projectLink(p.reference), p.title, p.canton, p.steps.join(" ; ")]),
        ),
      ),
      section(
        "events",
        "Prochains événements",
        table(
          "table-events",
          "Événements prévus",
          [{ label: "Date" }, { label: "Type" }, { label: "Événement" }, { label: "Projet" }],
          data.upcomingEvents.map((e) => [
            e.when,
            e.kind,
            e.title,
            e.projectReference ? projectLink(e.projectReference) : "—",
          ]),
        ),
      ),
      section(
        "emails",
        `E-mails en échec (${data.failedEmails.count}, toutes éditions)`,
        table(
          "table-emails",
          "Derniers e-mails en échec",
          [{ label: "Date" }, { label: "Modèle" }, { label: "Destinataire" }, { label: "Projet" }],
          data.failedEmails.latest.map((n) => [
            n.when,
            n.template,
            n.recipientName ?? "—",
            n.projectReference ? projectLink(n.projectReference) : "—",
          ]),
        ),
      ),
      section(
        "projects",
        "Projets",
        table(
          "table-projects",
          data.projects.length < data.all.count
            ? `Les ${data.projects.length} premiers projets sur ${data.all.count}`
            : `${data.all.count} projets`,
          [
            { label: "Référence" },
            { label: "Projet" },
            { label: "Canton" },
            { label: "Statut" },
            { label: "Voté", num: true },
          ],
          data.projects.map((p) => [
            projectLink(p.reference),
            p.title + (p.isYouth ? " (jeunes)" : ""),
            p.canton,
            p.late ? h("span", { class: "late" }, `${p.statusLabel}, en retard`) : p.statusLabel,
            p.awarded,
          ]),
        ),
      ),
    );
  }

  function fillSelect(select, values, firstLabel, selected) {
    const options = values.map((v) => h("option", { value: v, selected: String(v) === String(selected) }, String(v)));
    select.replaceChildren(...(firstLabel === null ? [] : [h("option", { value: "" }, firstLabel)]), ...options);
    select.value = selected === undefined || selected === null ? "" : String(selected);
  }

  function currentQuery() {
    const query = new URLSearchParams();
    for (const [name, field] of Object.entries(fields)) if (field.value) query.set(name, field.value);
    return query;
  }

  async function load(query) {
    const mine = ++sequence;
    root.setAttribute("aria-busy", "true");
    announce("Chargement…");
    try {
      const data = await api(`/tab/api/dashboard?${query}`);
      if (mine !== sequence) return;
      fillSelect(fields.edition, data.choices.editions, null, data.filters.editionYear);
      fillSelect(fields.canton, data.choices.cantons, "Tous les cantons", data.filters.canton);
      fillSelect(fields.theme, data.choices.themes, "Tous les thèmes", data.filters.theme);
      render(data);
      history.replaceState(null, "", `/tab${query.size ? `?${query}` : ""}`);
      announce(`Tableau de bord à jour : ${data.all.count} projets.`);
    } catch (error) {
      if (mine !== sequence) return;
      root.replaceChildren(h("p", { class: "error", role: "alert" }, error.message));
      announce("");
    } finally {
      if (mine === sequence) root.setAttribute("aria-busy", "false");
    }
  }

  form.addEventListener("change", (event) => {
    // Another edition has other cantons and themes: start those filters afresh.
    if (event.target === fields.edition) {
      fields.canton.value = "";
      fields.theme.value = "";
    }
    load(currentQuery());
  });
  form.addEventListener("submit", (event) => event.preventDefault());

  async function start() {
    try {
      const me = await api("/tab/api/me");
      document.getElementById("who").textContent = `Connecté : ${me.name} (${me.roleLabel})`;
      if (me.canImport) {
        document.getElementById("import").hidden = false;
        window.bpc40Import.setUp(() => load(currentQuery()));
      }
    } catch (error) {
      root.replaceChildren(h("p", { class: "error", role: "alert" }, error.message));
      announce("");
      return;
    }
    const initial = new URLSearchParams(location.search);
    fields.jeunes.value = initial.get("jeunes") ?? "";
    await load(initial);
  }

  start();
})();
