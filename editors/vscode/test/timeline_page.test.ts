//! Tests of the webview's dressing of the server's timeline page
//! (`src/timeline_page.ts`) under plain Node: the theme's colours are added after the
//! page's own styles, the chart is put in a sideways-scrolling box with a minimum
//! width, and nothing else of the page changes. The same on the real server's page
//! is checked in `server-e2e.test.ts`, and in a real VS Code by `e2e/test.mjs`.

import { strict as assert } from "node:assert";
import { describe, it } from "node:test";

import { CHART_MIN_WIDTH_PX, forWebview, THEME_CSS, THEME_STYLE_ID } from "../src/timeline_page";

const page = [
  "<!DOCTYPE html>",
  '<html lang="en"><head><meta charset="utf-8"><style>body { color: #1a1a1a; background: #ffffff; }</style></head>',
  '<body><main><h1>Case</h1><ul class="legend"><li><svg width="34" height="14"><rect/></svg> met</li></ul>',
  '<svg class="chart" viewBox="0 0 1360 400" width="1360" height="400"><defs></defs><text class="label">stage 1</text></svg>',
  "<table><tr><td>x</td></tr></table></main></body></html>",
].join("\n");

describe("forWebview", () => {
  it("adds the theme's style sheet after the page's own, inside the head", () => {
    const out = forWebview(page);
    const own = out.indexOf("<style>body");
    const theme = out.indexOf(`<style id="${THEME_STYLE_ID}">`);
    assert.ok(own >= 0 && theme > own, "the theme's styles come after the page's, so they win");
    assert.ok(theme < out.indexOf("</head>"));
  });

  it("takes every colour that a dark theme changes from VS Code's theme variables", () => {
    for (const variable of [
      "--vscode-editor-background",
      "--vscode-editor-foreground",
      "--vscode-descriptionForeground",
      "--vscode-errorForeground",
    ]) {
      assert.ok(THEME_CSS.includes(`var(${variable}`), variable);
    }
    // Each variable has the page's own colour as a fallback, for a webview without them.
    for (const use of THEME_CSS.matchAll(/var\((--vscode-[\w-]+)(,?)/g)) {
      assert.equal(use[2], ",", `${use[1]} has a fallback`);
    }
  });

  it("puts the chart, and only the chart, in a box that scrolls sideways at a readable width", () => {
    const out = forWebview(page);
    assert.match(out, /<div class="caseline-chart-scroll"><svg class="chart"[^>]*>.*?<\/svg><\/div>/s);
    assert.equal(out.match(/caseline-chart-scroll"/g)?.length, 1, "the legend's small pictures are not wrapped");
    assert.ok(THEME_CSS.includes(`min-width: ${CHART_MIN_WIDTH_PX}px`));
    // 12-unit labels in a 1,360-unit drawing: at the minimum width they are still about 10 px high.
    assert.ok((12 * CHART_MIN_WIDTH_PX) / 1360 >= 9.5);
  });

  it("leaves the rest of the page as the server drew it", () => {
    const out = forWebview(page);
    const undressed = out
      .replace(/<style id="caseline-vscode-theme">[\s\S]*?<\/style>\n/, "")
      .replace('<div class="caseline-chart-scroll">', "")
      .replace("</svg></div>", "</svg>");
    assert.equal(undressed, page);
  });

  it("still styles a page without a head or a chart", () => {
    const out = forWebview("<p>No deadlines</p>");
    assert.ok(out.startsWith(`<style id="${THEME_STYLE_ID}">`));
    assert.ok(out.endsWith("<p>No deadlines</p>"));
  });
});
