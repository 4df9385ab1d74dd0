// Charts for the reports, drawn from the tables they sit above: the table is the figures (and what screen readers,
// printouts and browsers without JavaScript get); the chart is the same figures for people who would rather look.
// A table marked data-chart="bar" or "line" is charted from its row headings and one numeric column
// (data-chart-column, counted among the data cells from 0).
import { BarController, BarElement, CategoryScale, Chart, LineController, LineElement, LinearScale, PointElement, Tooltip } from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LineController, LineElement, LinearScale, PointElement, Tooltip);

// GOV.UK Frontend's blue, and Arial as the rest of the page falls back to.
Chart.defaults.font.family = "arial, sans-serif";
Chart.defaults.font.size = 14;
Chart.defaults.color = "#0b0c0c";
const blue = "#1d70b8";

const number = (text) => Number.parseFloat(text.replace(/[^0-9.-]/g, "")) || 0;

for (const table of document.querySelectorAll("table[data-chart]")) {
  const column = Number.parseInt(table.dataset.chartColumn ?? "0", 10);
  const rows = [...table.querySelectorAll("tbody tr")];
  // A row heading's own text: any hint under it (a supplier's kind) stays in the table.
  const labels = rows.map((row) => row.querySelector("th")?.childNodes[0]?.textContent.trim() ?? "");
  const values = rows.map((row) => number(row.querySelectorAll("td")[column]?.textContent ?? ""));
  const measure = table.querySelectorAll("thead th")[column + 1]?.textContent.trim() ?? "";
  const caption = table.querySelector("caption")?.childNodes[0]?.textContent.trim() ?? measure;

  const frame = document.createElement("div");
  frame.className = "app-chart";
  const canvas = document.createElement("canvas");
  // Described, not read out point by point: the table below it has every figure.
  canvas.setAttribute("role", "img");
  canvas.setAttribute("aria-label", `Chart of ${measure.toLowerCase()}: ${caption} The table below gives the figures.`);
  frame.append(canvas);
  table.before(frame);

  const kind = table.dataset.chart === "line" ? "line" : "bar";
  new Chart(canvas, {
    type: kind,
    data: { labels, datasets: [{ label: measure, data: values, backgroundColor: blue, borderColor: blue, pointRadius: 3 }] },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: kind === "bar" && labels.length > 6 ? "y" : "x",
      scales: { x: { beginAtZero: true }, y: { beginAtZero: true } },
      plugins: { legend: { display: false } },
    },
  });
}
