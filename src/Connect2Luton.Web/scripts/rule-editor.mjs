// The rules workspace's code editor: CodeMirror over each textarea marked data-code-editor. The textarea stays the
// form field (and what works without JavaScript): every change is copied back into it, so the text the server
// gets is exactly the text in the editor, never reformatted.
import { EditorView, drawSelection, highlightActiveLine, highlightSpecialChars, keymap, lineNumbers } from "@codemirror/view";
import { EditorState } from "@codemirror/state";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { bracketMatching, defaultHighlightStyle, foldGutter, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { json } from "@codemirror/lang-json";

// What an officer needs to edit JSON: line numbers (problems name lines), undo, matching brackets, highlighting.
// Tab indents, and Escape then Tab leaves the editor, as CodeMirror's accessibility guidance has it.
const setup = [
  lineNumbers(),
  foldGutter(),
  highlightSpecialChars(),
  history(),
  drawSelection(),
  indentOnInput(),
  bracketMatching(),
  highlightActiveLine(),
  syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
  EditorState.tabSize.of(2),
  keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
];

// CodeMirror writes its own styles into a <style> element: the page's policy allows it by this request's nonce.
const styleNonce = document.querySelector("script[data-style-nonce]")?.dataset.styleNonce ?? "";

for (const textarea of document.querySelectorAll("textarea[data-code-editor]")) {
  const label = document.querySelector(`label[for="${textarea.id}"]`);
  const view = new EditorView({
    doc: textarea.value,
    extensions: [
      setup,
      EditorView.cspNonce.of(styleNonce),
      json(),
      EditorView.lineWrapping,
      // In the tab order explicitly: the editable text is how a keyboard reaches (and scrolls) the editor's scroller.
      EditorView.contentAttributes.of({ "aria-labelledby": label?.id ?? "", "aria-describedby": textarea.getAttribute("aria-describedby") ?? "", tabindex: "0" }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) textarea.value = update.state.doc.toString();
      }),
    ],
  });
  if (label && !label.id) {
    label.id = `${textarea.id}-label`;
    view.contentDOM.setAttribute("aria-labelledby", label.id);
  }
  view.dom.classList.add("app-code-editor");
  if (textarea.classList.contains("govuk-textarea--error")) view.dom.classList.add("app-code-editor--error");
  textarea.after(view.dom);
  // GOV.UK styles set the textarea display:block, which outranks the hidden attribute alone.
  textarea.hidden = true;
  textarea.style.display = "none";
  // The error summary links to the field: take the officer to the editor instead of the hidden textarea.
  label?.addEventListener("click", () => view.focus());
}
