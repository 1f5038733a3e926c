//! Dresses the server's timeline page (`caseline/timeline`, drawn by `caseline report`
//! for paper and browsers: black on white, a chart that scales to the page's width)
//! for a VS Code webview: the colours of the user's theme, and a chart that keeps a
//! readable size in a narrow side column (it scrolls sideways instead of shrinking
//! its labels to a few pixels). Only adds a style sheet and one wrapping element;
//! the page's content is left as the server drew it.
//! Pure: must not import `vscode`, so it is tested under plain Node.

/**
 * The chart never gets narrower than this (CSS pixels). The server draws it 1,360
 * units wide with 12-unit labels, so at this width a label is about 10 px high.
 */
export const CHART_MIN_WIDTH_PX = 1100;

/**
 * VS Code's theme colours (the `--vscode-*` variables every webview gets), each
 * with the page's own colour as the fallback. Placed after the page's styles, so
 * these win at equal specificity. The status colours of the bars and their
 * patterns stay: they mean the same in every theme and are chosen to read on both.
 */
export const THEME_CSS = `
body.vscode-body, body {
  background: var(--vscode-editor-background, #ffffff);
  color: var(--vscode-editor-foreground, #1a1a1a);
  font-family: var(--vscode-font-family, system-ui, sans-serif);
  margin: 1rem;
}
.caseline-chart-scroll { overflow-x: auto; overflow-y: hidden; }
.caseline-chart-scroll svg.chart { min-width: ${CHART_MIN_WIDTH_PX}px; }
svg text { fill: var(--vscode-editor-foreground, #1a1a1a); }
.axis .month, .axis .year, .status, .asof-text { fill: var(--vscode-descriptionForeground, #444444); }
.status.late { fill: var(--vscode-errorForeground, #b71c1c); }
.grid, .rule { stroke: var(--vscode-editorWidget-border, var(--vscode-panel-border, #d0d0d0)); }
.bar-word { stroke: var(--vscode-editor-background, #ffffff); }
.body.open { stroke: var(--vscode-editor-foreground, #263238); }
.arrow { fill: var(--vscode-editor-foreground, #263238); }
.limit, .ext-limit { stroke: var(--vscode-editor-foreground, #111111); }
.due-band { fill: var(--vscode-editor-foreground, #000000); }
.asof { stroke: var(--vscode-descriptionForeground, #455a64); }
.event-dot { fill: var(--vscode-descriptionForeground, #455a64); }
th, td { border-color: var(--vscode-editorWidget-border, var(--vscode-panel-border, #cfcfcf)); }
thead th { background: var(--vscode-editorWidget-background, #f1f3f4); color: var(--vscode-editorWidget-foreground, inherit); }
p.alert {
  background: var(--vscode-inputValidation-errorBackground, #fdecea);
  border-color: var(--vscode-inputValidation-errorBorder, #b71c1c);
  color: var(--vscode-editor-foreground, #1a1a1a);
}
tr.s-late .status-cell, .sev-error { color: var(--vscode-errorForeground, #b71c1c); }
tr.s-possibly .status-cell, .sev-warning { color: var(--vscode-editorWarning-foreground, #8a5300); }
code { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); }
`;

/** The id of the added style element, so a test (or a reader of the page) can find it. */
export const THEME_STYLE_ID = "caseline-vscode-theme";

/** The server's page with the theme style sheet added and the chart in a scrolling box. */
export function forWebview(html: string): string {
  const style = `<style id="${THEME_STYLE_ID}">${THEME_CSS}</style>\n`;
  const headEnd = html.search(/<\/head>/i);
  let page = headEnd >= 0 ? html.slice(0, headEnd) + style + html.slice(headEnd) : style + html;
  // The chart is the one `<svg class="chart" …>` and holds no other svg element.
  page = page.replace(
    /<svg class="chart"[\s\S]*?<\/svg>/,
    (chart) => `<div class="caseline-chart-scroll">${chart}</div>`,
  );
  return page;
}
