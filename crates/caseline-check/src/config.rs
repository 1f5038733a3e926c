//! `caseline.toml`: the default calendar, per-rule severities and which files to
//! check. Parsed from text handed in by the caller (this crate reads no files).
//!
//! ```toml
//! calendar = "scotland"
//! include = ["cases/**/*.case"]
//! exclude = ["cases/archive/**"]
//!
//! [rules]
//! rec-unaddressed = "error"
//! calendar-coverage = "off"
//! ```

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::{Rule, Severity};

/// Project settings from `caseline.toml`. `Default` is "no file".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The calendar for cases whose header names none.
    pub calendar: Option<String>,
    /// Severity overrides: `None` turns the rule off.
    pub rules: BTreeMap<Rule, Option<Severity>>,
    /// Glob patterns of files to check (empty: every `.case` file).
    pub include: Vec<String>,
    /// Glob patterns of files to skip.
    pub exclude: Vec<String>,
}

/// Why a `caseline.toml` could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConfigError {
    /// Not valid TOML, an unknown key, or a value of the wrong type.
    #[error("caseline.toml: {0}")]
    Invalid(String),
    #[error("caseline.toml: [rules] names an unknown rule `{name}`{suggestion}")]
    UnknownRule { name: String, suggestion: String },
    #[error(
        "caseline.toml: `{key}` has a file pattern caseline cannot read, `{pattern}` ({reason}); patterns look like \"cases/**\" or \"archive/*.case\""
    )]
    BadGlob {
        key: &'static str,
        pattern: String,
        reason: String,
    },
    #[error(
        "caseline.toml: rule `{rule}` is set to `{value}`; use \"off\", \"error\", \"warning\", \"info\" or \"hint\""
    )]
    BadSeverity { rule: String, value: String },
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    calendar: Option<String>,
    #[serde(default)]
    rules: BTreeMap<String, String>,
    #[serde(default, deserialize_with = "pattern_list")]
    include: Vec<String>,
    #[serde(default, deserialize_with = "pattern_list")]
    exclude: Vec<String>,
}

/// A list of file patterns, with a message that says how to write one when
/// the value is something else (a single pattern without the brackets is
/// the usual slip; serde's own words would be "expected a sequence").
fn pattern_list<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    struct Patterns;
    impl<'de> serde::de::Visitor<'de> for Patterns {
        type Value = Vec<String>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(r#"a list of file patterns in square brackets, like ["cases/**"]"#)
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Err(E::custom(format!(
                r#"file patterns go in a list in square brackets, like ["{v}"]"#
            )))
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(
            self,
            mut seq: A,
        ) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(pattern) = seq.next_element::<String>()? {
                out.push(pattern);
            }
            Ok(out)
        }
    }
    d.deserialize_any(Patterns)
}

impl Config {
    /// Parses the text of a `caseline.toml`.
    pub fn from_toml(text: &str) -> Result<Config, ConfigError> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| {
            let message = e.message().trim_end_matches('.').to_string();
            // Say where, as a 1-based line, when the parser knows.
            match e.span().and_then(|span| text.get(..span.start)) {
                Some(before) => {
                    let line = before.matches('\n').count() + 1;
                    ConfigError::Invalid(format!("line {line}: {message}"))
                }
                None => ConfigError::Invalid(message),
            }
        })?;
        let mut rules = BTreeMap::new();
        for (name, value) in raw.rules {
            let Some(rule) = Rule::from_name(&name) else {
                let names: Vec<&str> = Rule::all().iter().map(|r| r.name()).collect();
                let suggestion = crate::suggest::did_you_mean(&name, names.iter().copied())
                    .map(|s| format!(" (did you mean `{s}`?)"))
                    .unwrap_or_default();
                return Err(ConfigError::UnknownRule { name, suggestion });
            };
            let severity = if value == "off" {
                None
            } else {
                Some(
                    Severity::from_name(&value).ok_or_else(|| ConfigError::BadSeverity {
                        rule: name.clone(),
                        value,
                    })?,
                )
            };
            rules.insert(rule, severity);
        }
        for (key, list) in [("include", &raw.include), ("exclude", &raw.exclude)] {
            for pattern in list {
                if let Err(e) = globset::Glob::new(pattern) {
                    return Err(ConfigError::BadGlob {
                        key,
                        pattern: pattern.clone(),
                        reason: e.kind().to_string(),
                    });
                }
            }
        }
        Ok(Config {
            calendar: raw.calendar,
            rules,
            include: raw.include,
            exclude: raw.exclude,
        })
    }

    /// The severity a rule reports with, or `None` when it is turned off.
    pub fn severity(&self, rule: Rule) -> Option<Severity> {
        match self.rules.get(&rule) {
            Some(over) => *over,
            None => Some(rule.default_severity()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key() {
        let c = Config::from_toml(
            "calendar = \"scotland\"\ninclude = [\"a/**\"]\nexclude = [\"b/**\"]\n[rules]\nrec-late = \"error\"\ncalendar-coverage = \"off\"\n",
        )
        .expect("valid config");
        assert_eq!(c.calendar.as_deref(), Some("scotland"));
        assert_eq!(c.include, vec!["a/**".to_string()]);
        assert_eq!(c.exclude, vec!["b/**".to_string()]);
        assert_eq!(c.severity(Rule::RecLate), Some(Severity::Error));
        assert_eq!(c.severity(Rule::CalendarCoverage), None);
        assert_eq!(c.severity(Rule::DeadlineMissed), Some(Severity::Error));
    }

    #[test]
    fn empty_text_is_the_default() {
        assert_eq!(
            Config::from_toml("").expect("empty is valid"),
            Config::default()
        );
    }

    #[test]
    fn unknown_rule_suggests_a_name() {
        let e = Config::from_toml("[rules]\ndeadline-mised = \"off\"\n").unwrap_err();
        assert!(e.to_string().contains("deadline-mised"), "{e}");
        assert!(
            e.to_string().contains("did you mean `deadline-missed`"),
            "{e}"
        );
    }

    #[test]
    fn a_pattern_without_brackets_says_how_to_write_the_list() {
        let err = Config::from_toml("include = \"cases\"\n").expect_err("not a list");
        assert!(
            err.to_string()
                .contains(r#"file patterns go in a list in square brackets, like ["cases"]"#),
            "{err}"
        );
        let ok = Config::from_toml("exclude = [\"archive/**\"]\n").expect("a list");
        assert_eq!(ok.exclude, vec!["archive/**".to_string()]);
    }

    /// Every severity docs/format.md lists for `[rules]` ("off, error,
    /// warning, info or hint") is accepted and means what it says. The
    /// mutants `Severity::from_name: delete match arm "warning"` and
    /// `... "info"` made those two a `BadSeverity` error.
    #[test]
    fn every_documented_severity_is_accepted() {
        let c = Config::from_toml(
            "[rules]\nrec-late = \"warning\"\nrec-overdue = \"info\"\nrec-unaddressed = \"hint\"\ndeadline-overdue = \"error\"\ncalendar-coverage = \"off\"\n",
        )
        .expect("all five severities are valid");
        assert_eq!(c.severity(Rule::RecLate), Some(Severity::Warning));
        assert_eq!(c.severity(Rule::RecOverdue), Some(Severity::Info));
        assert_eq!(c.severity(Rule::RecUnaddressed), Some(Severity::Hint));
        assert_eq!(c.severity(Rule::DeadlineOverdue), Some(Severity::Error));
        assert_eq!(c.severity(Rule::CalendarCoverage), None);
    }

    /// A value for `include` or `exclude` that is neither a list nor a single
    /// pattern (a number, `true`) is an error that says how to write the list,
    /// not serde's bare "expected ...". The mutant `pattern_list`'s
    /// `expecting -> Ok(Default::default())` left the sentence empty.
    #[test]
    fn a_pattern_list_of_the_wrong_type_says_how_to_write_it() {
        for text in ["include = 3\n", "exclude = true\n"] {
            let e = Config::from_toml(text).expect_err("not a list");
            assert!(matches!(e, ConfigError::Invalid(_)), "{e}");
            assert!(
                e.to_string()
                    .contains(r#"a list of file patterns in square brackets, like ["cases/**"]"#),
                "{e}"
            );
        }
    }

    #[test]
    fn unknown_key_and_bad_severity_are_errors() {
        let e = Config::from_toml("\ncalender = \"x\"\n").unwrap_err();
        assert!(e.to_string().contains("calender"), "{e}");
        assert!(e.to_string().contains("line 2"), "{e}");
        let e = Config::from_toml("[rules]\nrec-late = \"loud\"\n").unwrap_err();
        assert!(matches!(e, ConfigError::BadSeverity { .. }), "{e}");
        let e = Config::from_toml("exclude = [\"cases/[archive\"]\n").unwrap_err();
        assert!(
            matches!(e, ConfigError::BadGlob { key: "exclude", .. }),
            "{e}"
        );
        let e = Config::from_toml("include = \"cases\"\n").unwrap_err();
        assert!(matches!(e, ConfigError::Invalid(_)), "{e}");
    }
}
