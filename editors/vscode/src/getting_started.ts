//! What "caseline: Open a sample case" and "caseline: New case…" (the commands
//! of the Getting Started walkthrough) need that does not touch VS Code: the
//! shipped sample's name and the procedures of `snippets/new-case.json`.
//! Must not import `vscode`, so the Node tests can load it.

/** The sample shipped in `samples/`, a copy of `tests/cases/kent-24-003-873.case` (a test keeps them equal). */
export const SAMPLE_CASE = "kent-24-003-873.case";

/** A built-in procedure and the text `caseline new --procedure NAME` writes for it, as a snippet. */
export interface NewCaseProcedure {
  name: string;
  title: string;
  body: string;
}

interface SnippetEntry {
  prefix?: string | string[];
  description?: string;
  body?: string | string[];
}

/**
 * The procedures offered by "New case…", from `snippets/new-case.json` (generated from
 * `caseline new`): each "New case: NAME" snippet, with the procedure's title taken from
 * its description ("A new case under NAME (TITLE): …"). In the file's order.
 */
export function newCaseProcedures(snippetsJson: string): NewCaseProcedure[] {
  const snippets = JSON.parse(snippetsJson) as Record<string, SnippetEntry>;
  const procedures: NewCaseProcedure[] = [];
  for (const [key, entry] of Object.entries(snippets)) {
    const name = /^New case: (\S+)$/.exec(key)?.[1];
    if (name === undefined || entry.body === undefined) {
      continue;
    }
    const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const title = new RegExp(`^A new case under ${escaped} \\((.*)\\): `).exec(entry.description ?? "")?.[1] ?? "";
    const body = Array.isArray(entry.body) ? entry.body.join("\n") : entry.body;
    procedures.push({ name, title, body });
  }
  return procedures;
}
