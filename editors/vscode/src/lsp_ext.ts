//! caseline's custom LSP methods. Mirrors `crates/caseline-lsp/src/lsp_ext.rs`:
//! change both together. Pure protocol declarations: must not import `vscode`.

// From the protocol package, not vscode-languageclient, which loads `vscode`.
import { RequestType, TextDocumentIdentifier } from "vscode-languageserver-protocol";

/** The URI scheme of read-only documents holding a built-in procedure's source. */
export const BUILTIN_SCHEME = "caseline-builtin";

/** Params of `caseline/builtinSource`. */
export interface BuiltinSourceParams {
  /** A `caseline-builtin:/NAME.case` URI. */
  uri: string;
}

/** Result of `caseline/builtinSource`. */
export interface BuiltinSource {
  uri: string;
  /** The procedure's source, in the `.case` language. */
  text: string;
}

/** `caseline/builtinSource`: the text of a built-in procedure (go-to-definition lands there). */
export const builtinSource = new RequestType<BuiltinSourceParams, BuiltinSource, void>("caseline/builtinSource");

/** Params of `caseline/timeline`. */
export interface TimelineParams {
  /** An open document. */
  textDocument: TextDocumentIdentifier;
}

/** Result of `caseline/timeline`. */
export interface Timeline {
  /** The version of the document the page was drawn from. */
  version: number;
  /** The page's title (the case reference and title, or the file name). */
  title: string;
  /** One self-contained HTML page, as `caseline report` writes it. */
  html: string;
}

/** `caseline/timeline`: the timeline page of an open document, drawn from its text in the editor. */
export const timeline = new RequestType<TimelineParams, Timeline, void>("caseline/timeline");

/**
 * The client command the "Copy as decision wording" code action carries, with the paragraph as
 * its one argument (`COPY_DECISION_WORDING` in `lsp_ext.rs`). Registered by the extension,
 * which writes the text to the clipboard; the server never runs it.
 */
export const COPY_DECISION_WORDING = "caseline.copyDecisionWording";
