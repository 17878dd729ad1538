// Charts and tables of the dashboard: inline SVG bars, each with its text alternative.

window.bpc40Charts = (() => {
  const { h, s } = window.bpc40;
  const truncate = (text, max) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  /** A horizontal bar chart; the SVG's <title> says every value, and a table follows it. */
  function barChart(id, title, items) {
    const rowHeight = 24;
    const labelWidth = 200;
    const barWidth = 320;
    const max = Math.max(1, ...items.map((item) => item.value));
    const height = Math.max(1, items.length) * rowHeight + 8;
    const summary = `${title} : ${items.map((item) => `${item.label} ${item.text}`).join(" ; ")}`;
    const svg = s("svg", {
      id,
      class: "chart",
      viewBox: `0 0 ${labelWidth + barWidth + 170} ${height}`,
      role: "img",
      "aria-labelledby": `${id}-title`,
    });
    svg.append(s("title", { id: `${id}-title` }, summary));
    items.forEach((item, index) => {
      const y = index * rowHeight + 4;
      const width = item.value > 0 ? Math.max(2, Math.round((item.value / max) * barWidth)) : 0;
      svg.append(
        s(
          "g",
          {},
          s("title", {}, `${item.label} : ${item.text}`),
          s("text", { x: labelWidth - 6, y: y + 14, "text-anchor": "end" }, truncate(item.label, 30)),
          s("rect", { class: "bar", x: labelWidth, y, width, height: rowHeight - 8, rx: 2 }),
          s("text", { x: labelWidth + width + 6, y: y + 14 }, item.text),
        ),
      );
    });
    return svg;
  }

  /** columns: [{ label, num }]; rows: arrays of text or nodes. */
  function table(id, caption, columns, rows) {
    return h(
      "table",
      { id },
      h("caption", {}, caption),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          columns.map((c) => h("th", { scope: "col", class: c.num ? "num" : null }, c.label)),
        ),
      ),
      h(
        "tbody",
        {},
        rows.length === 0
          ? h("tr", {}, h("td", { colspan: columns.length }, "Aucun."))
          : rows.map((row) =>
              h(
                "tr",
                {},
                row.map((cell, i) => h("td", { class: columns[i]?.num ? "num" : null }, cell)),
              ),
            ),
      ),
    );
  }

  return { barChart, table };
})();
