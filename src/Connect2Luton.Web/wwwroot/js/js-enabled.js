// Marks the page as able to run GOV.UK Frontend's components before they render (kept in a file, not inline,
// so the content security policy can forbid inline script).
document.body.className += " js-enabled" + ("noModule" in HTMLScriptElement.prototype ? " govuk-frontend-supported" : "");
