//! The shipped UK bank holiday data (GOV.UK, 2012–2028), embedded at build time and
//! parsed once.
//!
//! Contains public sector information licensed under the Open Government Licence v3.0.
//! Source: the GOV.UK bank holidays list (<https://www.gov.uk/bank-holidays.json>),
//! Crown copyright; see `data/README.md`.
//!
//! Reads no files at run time and must not depend on syntax or rules.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};

/// The three UK bank holiday divisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Division {
    EnglandAndWales,
    Scotland,
    NorthernIreland,
}

impl Division {
    pub(crate) const ALL: [Division; 3] = [
        Division::EnglandAndWales,
        Division::Scotland,
        Division::NorthernIreland,
    ];

    /// The key in the GOV.UK JSON, which is also the calendar's name in caseline.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Division::EnglandAndWales => "england-and-wales",
            Division::Scotland => "scotland",
            Division::NorthernIreland => "northern-ireland",
        }
    }

    fn index(self) -> usize {
        match self {
            Division::EnglandAndWales => 0,
            Division::Scotland => 1,
            Division::NorthernIreland => 2,
        }
    }
}

const RAW: &str = include_str!("../data/uk-bank-holidays.json");

/// One division's holidays from the file.
#[derive(Debug, Default)]
pub(crate) struct DivisionData {
    /// Date → name, e.g. "Christmas Day (substitute day)".
    pub(crate) holidays: BTreeMap<NaiveDate, String>,
    /// The calendar years the file covers, inclusive; `None` if it has no events.
    pub(crate) years: Option<(i32, i32)>,
}

impl DivisionData {
    pub(crate) fn covers_year(&self, year: i32) -> bool {
        self.years
            .is_some_and(|(first, last)| first <= year && year <= last)
    }
}

static DATA: LazyLock<[DivisionData; 3]> = LazyLock::new(|| parse(RAW));

pub(crate) fn division(div: Division) -> &'static DivisionData {
    &DATA[div.index()]
}

/// Parses the GOV.UK shape. The file is ours and tested, but a malformed entry is
/// skipped rather than panicking: the division then falls back to the rules, which
/// are a close approximation, and `covers` reports it.
fn parse(raw: &str) -> [DivisionData; 3] {
    let mut out: [DivisionData; 3] = Default::default();
    let Ok(root) = serde_json::from_str::<serde_json::Value>(raw) else {
        return out;
    };
    for div in Division::ALL {
        let events = root
            .get(div.key())
            .and_then(|d| d.get("events"))
            .and_then(|e| e.as_array());
        let Some(events) = events else { continue };
        let data = &mut out[div.index()];
        for event in events {
            let date = event
                .get("date")
                .and_then(|d| d.as_str())
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            let title = event.get("title").and_then(|t| t.as_str());
            let (Some(date), Some(title)) = (date, title) else {
                continue;
            };
            let notes = event.get("notes").and_then(|n| n.as_str()).unwrap_or("");
            let name = if notes.eq_ignore_ascii_case("substitute day") {
                format!("{title} (substitute day)")
            } else {
                title.to_string()
            };
            data.holidays.insert(date, name);
        }
        let first = data.holidays.keys().next().map(|d| d.year());
        let last = data.holidays.keys().next_back().map(|d| d.year());
        data.years = first.zip(last);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_file_loads_every_division() {
        // Counts from the file itself: 140, 157 and 174 events, 2012 to 2028.
        let expected = [
            (Division::EnglandAndWales, 140),
            (Division::Scotland, 157),
            (Division::NorthernIreland, 174),
        ];
        for (div, count) in expected {
            let data = division(div);
            assert_eq!(data.holidays.len(), count, "{div:?}");
            assert_eq!(data.years, Some((2012, 2028)), "{div:?}");
        }
        let ew = division(Division::EnglandAndWales);
        let d = NaiveDate::from_ymd_opt(2012, 1, 2).expect("date");
        assert_eq!(
            ew.holidays.get(&d).map(String::as_str),
            Some("New Year’s Day (substitute day)")
        );
    }

    #[test]
    fn malformed_input_gives_empty_data_not_a_panic() {
        let out = parse("{not json");
        assert!(
            out.iter()
                .all(|d| d.holidays.is_empty() && d.years.is_none())
        );
        let out = parse(
            r#"{"scotland":{"events":[{"date":"2024-13-01","title":"x"},{"date":"2024-01-02","title":"2nd January"}]}}"#,
        );
        assert_eq!(out[1].holidays.len(), 1);
        assert!(out[0].holidays.is_empty());
    }
}
