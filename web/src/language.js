// Colours for .case text: a small tokenizer after the TextMate grammar of the
// VS Code extension (editors/vscode/syntaxes/caseline.tmLanguage.json):
// comments, quoted text, dates, durations, block keywords, the event kind
// after a date, the keyword that starts an indented line, IDs.
import { StreamLanguage } from "@codemirror/language";

const DATE = /^(?:\d{4}-\d{2}(?:-\d{2})?(?:\.\.(?:\d{4}-\d{2}(?:-\d{2})?|\d{2}-\d{2}|\d{2}))?|\?)(?=\s|$)/;
const DURATION = /^\d+(?:wd|d|w|m|y)(?=\s|$)/;
const WORD = /^[A-Za-z0-9][A-Za-z0-9_.-]*/;
const BLOCKS = new Set(["case", "procedure", "calendar"]);

export const caseline = StreamLanguage.define({
  name: "caseline",
  startState: () => ({ first: true, indented: false, afterDate: false }),
  token(stream, state) {
    if (stream.sol()) {
      state.first = true;
      state.afterDate = false;
      state.indented = false;
      if (stream.match(/^[ \t]+>.*/)) return "quote";
    }
    if (stream.eatSpace()) {
      if (stream.start === 0) state.indented = true;
      return null;
    }
    if (stream.match(/^#.*/)) return "comment";
    if (stream.match(/^"(?:[^"\\]|\\.)*"?/)) {
      state.first = false;
      return "string";
    }
    const first = state.first;
    state.first = false;
    if (stream.match(DATE)) {
      state.afterDate = first && !state.indented;
      return "number";
    }
    if (stream.match(DURATION)) return "unit";
    if (stream.match(WORD)) {
      const word = stream.current();
      if (state.afterDate) {
        state.afterDate = false;
        return "typeName";
      }
      if (first && !state.indented && BLOCKS.has(word)) return "keyword";
      if (first && state.indented) return "propertyName";
      return "variableName";
    }
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: "#" } },
});
