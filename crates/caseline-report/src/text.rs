//! Dates and counts in plain English for the report ("2024-06-01 to 2024-06-30",
//! "26 to 46"). Shared by the layout (which stores words for text alternatives)
//! and the HTML tables. Must not depend on HTML: escaping happens in `html.rs`.

use caseline_check::CountRange;
use caseline_check::Interval;

/// An interval as words: one day, a range, or an open end.
pub fn describe_interval(i: &Interval) -> String {
    match (i.earliest, i.latest) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a} to {b}"),
        (Some(a), None) => format!("on or after {a}"),
        (None, Some(b)) => format!("on or before {b}"),
        (None, None) => "date not known".to_string(),
    }
}

/// A count that may be uncertain, e.g. "12", "26 to 46", "at least 3".
pub fn describe_count(c: &CountRange) -> String {
    match (c.min, c.max) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{} to {}", a.min(b), a.max(b)),
        (Some(a), None) => format!("at least {a}"),
        (None, Some(b)) => format!("up to {b}"),
        (None, None) => "unknown".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn intervals_read_as_words() {
        assert_eq!(
            describe_interval(&Interval::day(d(2024, 11, 5))),
            "2024-11-05"
        );
        assert_eq!(
            describe_interval(&Interval::range(d(2024, 6, 1), d(2024, 6, 30))),
            "2024-06-01 to 2024-06-30"
        );
        assert_eq!(
            describe_interval(&Interval::new(Some(d(2024, 6, 1)), None)),
            "on or after 2024-06-01"
        );
        assert_eq!(describe_interval(&Interval::unknown()), "date not known");
    }

    #[test]
    fn counts_read_as_words() {
        let c = |min, max| CountRange { min, max };
        assert_eq!(describe_count(&c(Some(12), Some(12))), "12");
        assert_eq!(describe_count(&c(Some(26), Some(46))), "26 to 46");
        assert_eq!(describe_count(&c(Some(3), None)), "at least 3");
        assert_eq!(describe_count(&c(None, Some(5))), "up to 5");
    }
}
