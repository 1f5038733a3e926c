//! The HTML report as text: self-contained (nothing fetched from anywhere), a text
//! alternative on every drawn mark, user text escaped, and the stage 2 bar of the
//! Worcestershire sample drawn past its extended limit.
//! Reads the HTML as text only; must not depend on a browser or the binary.

mod common;

use common::{attr, groups, report, sample, stage_2};

/// Every kind of user text, each trying to break out of HTML.
const HOSTILE: &str = r#"case "<b>24</b> & 'x'"
  title "</title><script>alert(1)</script>"
  body "Council <img src=x onerror=alert(2)>"
  procedure children-statutory
  as-of 2024-03-01
  source "https://evil.example/<x>"

2024-01-10 stage1.received "<svg onload=alert(3)> & more"
2024-01-20 stage1.response
2024-01-21 stage2.report "report"
  rec r1 within 10wd "Do <this> & \"that\""
"#;

#[test]
fn nothing_is_fetched_and_no_script_runs() {
    for (name, text) in [
        ("worcestershire", sample("worcestershire-24-017-518.case")),
        ("hostile", HOSTILE.to_string()),
    ] {
        let (_, html) = report(&text);
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script"), "{name}: a script element");
        assert!(!lower.contains("<img"), "{name}: an image element");
        assert!(!lower.contains("@import"), "{name}: a CSS import");
        for attr in attribute_names(&lower) {
            assert!(
                !attr.starts_with("on") && !attr.ends_with("href") && attr != "src",
                "{name}: attribute {attr}"
            );
        }
        assert!(
            html.contains(
                "<meta http-equiv=\"Content-Security-Policy\" \
                 content=\"default-src 'none'; style-src 'unsafe-inline'\">"
            ),
            "{name}: the page forbids itself fetches and scripts"
        );
        // Every CSS/SVG url() points inside the page.
        for (i, _) in lower.match_indices("url(") {
            assert!(
                lower[i..].starts_with("url(#"),
                "{name}: {}",
                &lower[i..i + 30]
            );
        }
        // A URL appears only inside the case's own (escaped) text.
        let allowed = lower.matches("https://evil.example/&lt;x&gt;").count();
        let urls = lower.matches("http://").count() + lower.matches("https://").count();
        assert_eq!(urls, allowed, "{name}");
    }
}

/// Every attribute name of every tag. User text is escaped, so a raw `<` always
/// opens a real tag and a raw `"` always delimits a real attribute value.
fn attribute_names(html: &str) -> Vec<String> {
    let mut names = Vec::new();
    for tag in html.split('<').skip(1) {
        let Some(end) = tag.find('>') else { continue };
        let tag = &tag[..end];
        if tag.starts_with('!') || tag.starts_with('/') {
            continue;
        }
        let mut rest = tag.trim_start_matches(|c: char| !c.is_whitespace());
        loop {
            rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if rest.is_empty() {
                break;
            }
            let name_end = rest
                .find(|c: char| c == '=' || c.is_whitespace())
                .unwrap_or(rest.len());
            names.push(rest[..name_end].to_string());
            rest = &rest[name_end..];
            if let Some(v) = rest.strip_prefix("=\"") {
                let close = v.find('"').expect("attribute value closes");
                rest = &v[close + 1..];
            }
        }
    }
    names
}

#[test]
fn user_text_is_escaped() {
    let (_, html) = report(HOSTILE);
    assert!(html.contains("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(html.contains("Council &lt;img src=x onerror=alert(2)&gt;"));
    assert!(html.contains("&lt;svg onload=alert(3)&gt; &amp; more"));
    assert!(html.contains("Do &lt;this&gt; &amp; &quot;that&quot;"));
    assert!(html.contains("&lt;b&gt;24&lt;/b&gt; &amp; &#39;x&#39;"));
    // The only <title> elements are the page's and the SVG marks' own.
    assert!(!html.contains("<b>24"));
}

#[test]
fn every_bar_and_mark_has_a_text_alternative() {
    let (l, html) = report(&sample("worcestershire-24-017-518.case"));
    let bars = groups(&html, "bar ");
    assert_eq!(bars.len(), l.bars.len() + l.recs.len());
    let marks = groups(&html, "mark");
    // Events, holidays and the as-of line.
    assert_eq!(marks.len(), l.events.len() + l.holidays.len() + 1);
    for (open, body) in bars.iter().chain(&marks) {
        let label = attr(open, "<g", "aria-label").unwrap_or("");
        assert!(label.len() > 10, "no aria-label: {open}");
        assert!(open.contains("role=\"img\""), "{open}");
        let title = body
            .strip_prefix("\n")
            .unwrap_or(body)
            .strip_prefix("<title>")
            .and_then(|t| t.split("</title>").next())
            .unwrap_or("");
        assert_eq!(title, label, "the hover text says the same as the label");
    }
    // Holidays are named on hover.
    assert!(html.contains("<title>2024-08-26: Summer bank holiday (not a working day)</title>"));
}

#[test]
fn lateness_is_said_in_words_too() {
    let (_, html) = report(&sample("worcestershire-24-017-518.case"));
    let (open, body) = groups(&html, "bar stage")
        .into_iter()
        .find(|(open, _)| open.contains("stage 2 adjudication:"))
        .expect("stage 2 bar");
    assert!(open.contains("s-late"));
    assert!(open.contains("late by 26 to 46 working days"), "{open}");
    assert!(
        body.contains("fill=\"url(#p-late)\""),
        "the late stretch is patterned"
    );
    // `2024-06 stage2.requested` is drawn as a hatched range over June.
    assert!(
        body.contains(
            "fill=\"url(#p-vague)\"><title>some day from 2024-06-01 to 2024-06-30</title>"
        ),
        "{body}"
    );
    assert!(body.contains(">LATE by 26 to 46 working days<"), "{body}");
    // Stage 1 (possibly late) and stage 2 (late) of 4 judged deadlines (the
    // panel's report is not judged); a, d, e and p1 done late of 11; o1-o3 open.
    assert!(html.contains(
        "<p class=\"summary\">2 of 4 deadlines late, possibly late or overdue as of 2025-08-10; \
         4 of 11 recommendations and promises done late or overdue; 3 still open.</p>"
    ));
    // Rec a's row in the table: 12 working days late.
    assert!(html.contains("<td class=\"status-cell\">done late: 2024-12-05</td><td>12</td>"));
}

#[test]
fn stage_2_bar_ends_past_its_extended_limit() {
    let (l, html) = report(&sample("worcestershire-24-017-518.case"));
    let common::Stage2 {
        end: bar_end,
        ext,
        limit,
        ..
    } = stage_2(&html);
    assert!(limit < ext, "the standard limit comes first");
    assert!(
        bar_end > ext,
        "bar ends at {bar_end}, extended limit at {ext}"
    );
    // 2024-10-01 .. 2024-11-05 is 36 days; at this scale that is well over 50 px.
    let px_per_day = (1360.0 - 330.0 - 24.0) / ((l.last_day - l.first_day).num_days() + 1) as f64;
    assert!((bar_end - ext - 36.0 * px_per_day).abs() < 0.5);
}

#[test]
fn a_repeated_stage_is_told_apart_by_its_start() {
    let text = "case \"R\"\n  procedure children-statutory\n  as-of 2024-06-01\n\n\
                2024-01-10 stage1.received\n2024-01-12 stage1.response\n\
                2024-03-04 stage1.received\n2024-03-05 stage1.response\n";
    let (l, html) = report(text);
    assert_eq!(l.bars.len(), 2);
    assert!(html.contains(">Stage 1 response (from 2024-01-10)<"));
    assert!(html.contains(">Stage 1 response (from 2024-03-04)<"));
}

#[test]
fn a_running_stage_says_when_it_is_due() {
    // Received Wed 10 Jan 2024; as of 15 Jan the 10 wd limit (Wed 24 Jan) has not
    // passed, nor the 20 wd extended one (Wed 7 Feb).
    let text = "case \"P\"\n  procedure children-statutory\n  as-of 2024-01-15\n\n\
                2024-01-10 stage1.received\n";
    let (l, html) = report(text);
    assert_eq!(l.bars.len(), 1);
    assert!(html.contains(">PENDING, due 2024-01-24<"), "{html}");
    assert!(
        html.contains("class=\"body open\""),
        "drawn as still running"
    );
}

/// A late stage 1 response acknowledged with a reason (line 7), a line that
/// cannot be read (line 8) and one more (line 10).
const ACKNOWLEDGED: &str = r#"case "ack"
  procedure children-statutory
  as-of 2024-12-31

2024-01-02 stage1.received
# caseline: allow deadline-missed "Council & complainant agreed <in writing> to wait"
2024-03-01 stage1.response
this line is not an entry
2024-03-02 note "fine"
nor is this one
"#;

#[test]
fn acknowledged_findings_are_listed_with_their_reasons() {
    let (l, html) = report(ACKNOWLEDGED);
    assert_eq!(l.acknowledged.len(), 1);
    assert_eq!(l.acknowledged[0].rule, "deadline-missed");
    assert_eq!(l.acknowledged[0].line, 7);
    assert!(
        !l.findings.iter().any(|f| f.rule == "deadline-missed"),
        "silenced: not among the findings"
    );
    let section = html
        .split("<h2 id=\"ack-h\">Acknowledged findings</h2>")
        .nth(1)
        .and_then(|rest| rest.split("</section>").next())
        .unwrap_or_else(|| panic!("an Acknowledged findings section:\n{html}"));
    assert!(section.contains("<td>7</td>"), "{section}");
    assert!(
        section.contains("<code>deadline-missed</code>"),
        "{section}"
    );
    assert!(
        section.contains("stage 1 response on 2024-03-01 was 43 working days after"),
        "the finding's message: {section}"
    );
    // The reason, escaped.
    assert!(
        section.contains("Council &amp; complainant agreed &lt;in writing&gt; to wait"),
        "{section}"
    );
    // A case with no acknowledgement has no such section.
    let (_, plain) = report(&sample("kent-24-003-873.case"));
    assert!(!plain.contains("Acknowledged findings"));
}

#[test]
fn lines_that_could_not_be_read_are_named_at_the_top() {
    let (l, html) = report(ACKNOWLEDGED);
    assert_eq!(l.unreadable_lines, [8, 10]);
    let banner = "<p class=\"alert\" role=\"alert\">2 lines could not be read and are left out \
                  of this timeline: line 8, line 10.";
    let at = html
        .find(banner)
        .unwrap_or_else(|| panic!("the banner:\n{html}"));
    // Before anything else of the case: right after the page heading.
    let h1 = html.find("</h1>").unwrap_or(usize::MAX);
    assert!(h1 < at, "after the heading");
    assert!(
        at < html.find("<dl class=\"case\">").unwrap_or(0),
        "before the case details"
    );
    let (_, one) = report(
        "case \"x\"\n  procedure lgsco\n  as-of 2024-12-31\n\n2024-01-02 ombudsman.decision\nnot an entry\n",
    );
    assert!(
        one.contains("1 line could not be read and is left out of this timeline: line 6."),
        "{one}"
    );
    let (_, clean) = report(&sample("kent-24-003-873.case"));
    assert!(!clean.contains("could not be read"));
}

#[test]
fn the_page_says_what_was_checked() {
    let (l, html) = report(&sample("kent-24-003-873.case"));
    assert_eq!(
        l.checked,
        "children-statutory, lgsco · 4 deadlines checked (2 late) · 2 recommendations tracked"
    );
    assert!(
        html.contains(&format!("<dt>Checked</dt><dd>{}</dd>", l.checked)),
        "near the top, with the case details"
    );
    assert!(!html.contains("Nothing was checked"));
    // A case naming no procedure: said at the top, and the empty findings
    // list does not read as a clean bill.
    let (l, html) = report("case \"n\"\n  as-of 2024-12-31\n\n2024-01-02 note \"x\"\n");
    assert!(l.nothing_checked);
    assert!(
        html.contains("<p class=\"alert\" role=\"alert\">Nothing was checked in this case"),
        "{html}"
    );
    assert!(!html.contains("caseline found nothing to report.</p>"));
}
