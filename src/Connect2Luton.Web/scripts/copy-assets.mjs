// Copies GOV.UK Frontend's script into wwwroot. Its fonts (GDS Transport) and crown images are GOV.UK's own and
// are deliberately not copied: Connect2Luton is not a GOV.UK service.
import { copyFileSync, mkdirSync } from "node:fs";

const from = "node_modules/govuk-frontend/dist/govuk";
const to = "wwwroot/lib/govuk-frontend";
mkdirSync(to, { recursive: true });
copyFileSync(`${from}/govuk-frontend.min.js`, `${to}/govuk-frontend.min.js`);

// htmx runs the live rule checks on the placement forms: the server decides, the page shows what it said.
mkdirSync("wwwroot/lib/htmx", { recursive: true });
copyFileSync("node_modules/htmx.org/dist/htmx.min.js", "wwwroot/lib/htmx/htmx.min.js");
