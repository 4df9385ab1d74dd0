// Copies GOV.UK Frontend's script into wwwroot. Its fonts (GDS Transport) and crown images are GOV.UK's own and
// are deliberately not copied: Connect2Luton is not a GOV.UK service.
import { copyFileSync, mkdirSync } from "node:fs";

const from = "node_modules/govuk-frontend/dist/govuk";
const to = "wwwroot/lib/govuk-frontend";
mkdirSync(to, { recursive: true });
copyFileSync(`${from}/govuk-frontend.min.js`, `${to}/govuk-frontend.min.js`);
