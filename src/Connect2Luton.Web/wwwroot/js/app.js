import { initAll } from "/lib/govuk-frontend/govuk-frontend.min.js";

initAll();

// A select filtered by another (a hiring manager or job role by the service area chosen) offers only the options
// listed for the choice made there. The server checks the pair whatever is sent; this only saves a wasted submit.
for (const select of document.querySelectorAll("select[data-filtered-by]")) {
  const by = document.getElementById(select.dataset.filteredBy);
  if (!by) continue;
  const filter = () => {
    for (const option of select.options) {
      if (!option.dataset.offeredFor) continue;
      const offered = !by.value || option.dataset.offeredFor.split(" ").includes(by.value);
      option.hidden = !offered;
      option.disabled = !offered;
      if (!offered && option.selected) select.value = "";
    }
  };
  by.addEventListener("change", filter);
  filter();
}
