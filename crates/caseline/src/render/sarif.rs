//! `--format sarif`: a SARIF 2.1.0 log for code-scanning upload.
//!
//! One run; `tool.driver.rules` lists every rule of the registry; each result names
//! its rule by id and index and gives a region in characters (`columnKind:
//! unicodeCodePoints`, 1-based, `endColumn` just past the range). Artifact URIs are
//! relative to the current directory (the repository root in CI) with `%SRCROOT%`
//! as their base. Acknowledged findings are kept as results with an in-source
//! suppression, so code scanning shows them as dismissed with the reason.
//! Files that could not be read become tool execution notifications.

use super::{FileReport, Finding, Level, RuleInfo, Sink, Unreadable, pretty_at, span};
use serde::Serialize;

#[derive(Serialize)]
pub struct Log<'a> {
    #[serde(rename = "$schema")]
    pub schema: &'static str,
    pub version: &'static str,
    pub runs: Vec<Run<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Run<'a> {
    pub tool: Tool<'a>,
    pub column_kind: &'static str,
    pub results: Vec<SarifResult<'a>>,
    pub invocations: Vec<Invocation>,
}

#[derive(Serialize)]
pub struct Tool<'a> {
    pub driver: Driver<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Driver<'a> {
    pub name: &'static str,
    pub version: &'static str,
    pub semantic_version: &'static str,
    pub rules: Vec<Rule<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub short_description: Text<'a>,
    pub full_description: Text<'a>,
    pub help: Help<'a>,
    pub default_configuration: Configuration,
}

#[derive(Serialize)]
pub struct Text<'a> {
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct Help<'a> {
    pub text: &'a str,
    pub markdown: &'a str,
}

#[derive(Serialize)]
pub struct Configuration {
    pub level: &'static str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SarifResult<'a> {
    pub rule_id: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rule_index: Option<usize>,
    pub level: &'static str,
    pub message: Text<'a>,
    pub locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related_locations: Vec<Location<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub suppressions: Vec<Suppression<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<usize>,
    pub physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Text<'a>>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhysicalLocation {
    pub artifact_location: ArtifactLocation,
    pub region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactLocation {
    pub uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Region {
    pub start_line: u32,
    pub start_column: u32,
    pub end_line: u32,
    pub end_column: u32,
}

#[derive(Serialize)]
pub struct Suppression<'a> {
    pub kind: &'static str,
    pub justification: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Invocation {
    pub execution_successful: bool,
    pub tool_execution_notifications: Vec<Notification>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Notification {
    pub level: &'static str,
    pub message: OwnedText,
    pub locations: Vec<NotificationLocation>,
}

#[derive(Serialize)]
pub struct OwnedText {
    pub text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct NotificationLocation {
    pub physical_location: ArtifactOnly,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ArtifactOnly {
    pub artifact_location: ArtifactLocation,
}

fn level(l: Level) -> &'static str {
    match l {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info | Level::Hint => "note",
    }
}

/// A path as a SARIF URI reference: relative paths stay relative (resolved against
/// `%SRCROOT%`), with `/` separators and the characters a URI forbids escaped.
pub fn artifact(path: &str) -> ArtifactLocation {
    let absolute = path.starts_with('/');
    let mut uri = String::with_capacity(path.len() + 8);
    if absolute {
        uri.push_str("file://");
    }
    for b in path.bytes() {
        let keep = b.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(&b);
        if keep {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    ArtifactLocation {
        uri,
        uri_base_id: (!absolute).then_some("%SRCROOT%"),
    }
}

fn region(file: &FileReport, range: caseline_syntax::TextRange) -> Region {
    let (start_line, start_column, end_line, end_column) = span(&file.index, range);
    Region {
        start_line,
        start_column,
        end_line,
        end_column,
    }
}

fn result<'a>(
    rules: &[RuleInfo],
    file: &'a FileReport,
    f: &'a Finding,
    reason: Option<&'a str>,
) -> SarifResult<'a> {
    SarifResult {
        rule_id: f.code,
        rule_index: rules.iter().position(|r| r.name == f.code),
        level: level(f.level),
        message: Text { text: &f.message },
        locations: vec![Location {
            id: None,
            physical_location: PhysicalLocation {
                artifact_location: artifact(&file.path),
                region: region(file, f.range),
            },
            message: None,
        }],
        related_locations: f
            .notes
            .iter()
            .enumerate()
            .map(|(i, n)| Location {
                id: Some(i),
                physical_location: PhysicalLocation {
                    artifact_location: artifact(&file.path),
                    region: region(file, n.range),
                },
                message: Some(Text { text: &n.message }),
            })
            .collect(),
        suppressions: reason
            .map(|justification| Suppression {
                kind: "inSource",
                justification,
            })
            .into_iter()
            .collect(),
    }
}

/// The whole log as one value, built the simple way: the tests check the
/// streamed output against it byte for byte.
#[cfg(test)]
pub fn to_sarif<'a>(report: &'a super::Report) -> Log<'a> {
    let mut results = Vec::new();
    for file in &report.files {
        results.extend(file_results(&report.rules, file));
    }
    log(&report.rules, results, &report.unreadable)
}

/// One file's results: its findings, then its acknowledged ones.
fn file_results<'a>(rules: &[RuleInfo], file: &'a FileReport) -> Vec<SarifResult<'a>> {
    let mut results: Vec<SarifResult<'a>> = file
        .findings
        .iter()
        .map(|f| result(rules, file, f, None))
        .collect();
    results.extend(
        file.silenced
            .iter()
            .map(|s| result(rules, file, &s.finding, Some(&s.reason))),
    );
    results
}

fn log<'a>(
    rules: &'a [RuleInfo],
    results: Vec<SarifResult<'a>>,
    unreadable: &[Unreadable],
) -> Log<'a> {
    let notifications = unreadable
        .iter()
        .map(|u| Notification {
            level: "error",
            message: OwnedText {
                text: format!("{}: {}", u.path, u.message),
            },
            locations: vec![NotificationLocation {
                physical_location: ArtifactOnly {
                    artifact_location: artifact(&u.path),
                },
            }],
        })
        .collect::<Vec<_>>();
    Log {
        schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: vec![Run {
            tool: Tool {
                driver: Driver {
                    name: "caseline",
                    version: env!("CARGO_PKG_VERSION"),
                    semantic_version: env!("CARGO_PKG_VERSION"),
                    rules: rules
                        .iter()
                        .map(|r| Rule {
                            id: r.name,
                            name: r.name,
                            short_description: Text { text: r.summary },
                            full_description: Text {
                                text: r.explanation,
                            },
                            help: Help {
                                text: r.explanation,
                                markdown: r.explanation,
                            },
                            default_configuration: Configuration {
                                level: level(r.level),
                            },
                        })
                        .collect(),
                },
            },
            column_kind: "unicodeCodePoints",
            results,
            invocations: vec![Invocation {
                execution_successful: notifications.is_empty(),
                tool_execution_notifications: notifications,
            }],
        }],
    }
}

/// Writes the log as `serde_json::to_writer_pretty` writes [`to_sarif`]'s
/// value, and a line break.
#[cfg(test)]
pub fn render(report: &super::Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    super::render_all(&mut Sarif::new(&report.rules), report, out)
}

/// SARIF as a [`Sink`]: the log around the results is serialised whole (with
/// no results) and the results are spliced into it as their files come.
pub struct Sarif<'r> {
    rules: &'r [RuleInfo],
    started: bool,
    any: bool,
}

/// What introduces the results array in the pretty-printed log.
const RESULTS: &str = "\"results\": [";

impl<'r> Sarif<'r> {
    pub fn new(rules: &'r [RuleInfo]) -> Sarif<'r> {
        Sarif {
            rules,
            started: false,
            any: false,
        }
    }

    /// The pretty log with no results, cut just inside the results array.
    fn halves(&self, unreadable: &[Unreadable]) -> std::io::Result<(String, String)> {
        let whole = serde_json::to_string_pretty(&log(self.rules, Vec::new(), unreadable))?;
        let at = whole
            .find(RESULTS)
            .map(|i| i + RESULTS.len())
            .ok_or_else(|| std::io::Error::other("the SARIF log has no results array"))?;
        Ok((whole[..at].to_owned(), whole[at..].to_owned()))
    }

    fn start(&mut self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        if !self.started {
            out.write_all(self.halves(&[])?.0.as_bytes())?;
            self.started = true;
        }
        Ok(())
    }
}

impl Sink for Sarif<'_> {
    fn files(&mut self, batch: &[FileReport], out: &mut dyn std::io::Write) -> std::io::Result<()> {
        self.start(out)?;
        // A result at a time: a batch's results together are megabytes.
        let mut buf = Vec::new();
        for file in batch {
            for r in file_results(self.rules, file) {
                buf.clear();
                buf.extend_from_slice(if self.any {
                    b",\n        "
                } else {
                    b"\n        "
                });
                pretty_at(&mut buf, &r, 4)?;
                out.write_all(&buf)?;
                self.any = true;
            }
        }
        Ok(())
    }

    fn finish(
        &mut self,
        unreadable: &[Unreadable],
        out: &mut dyn std::io::Write,
    ) -> std::io::Result<()> {
        self.start(out)?;
        if self.any {
            out.write_all(b"\n      ")?;
        }
        out.write_all(self.halves(unreadable)?.1.as_bytes())?;
        writeln!(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::render::Report;

    #[test]
    fn uris_stay_relative_and_escaped() {
        let a = artifact("cases/Mr X £.case");
        assert_eq!(a.uri, "cases/Mr%20X%20%C2%A3.case");
        assert_eq!(a.uri_base_id, Some("%SRCROOT%"));
        let a = artifact("/tmp/a.case");
        assert_eq!(a.uri, "file:///tmp/a.case");
        assert_eq!(a.uri_base_id, None);
    }
}
