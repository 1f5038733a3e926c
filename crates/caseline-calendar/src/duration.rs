//! Durations as written in `.case` files (`10wd`, `15d`, `4w`, `1m`, `1y`).
//! Plain data: the arithmetic lives in `calendar.rs`. Must not depend on syntax or rules.

use std::fmt;

/// The unit of a [`Duration`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// `wd`: working days of the case's calendar.
    WorkingDays,
    /// `d`: calendar days.
    Days,
    /// `w`: weeks of seven calendar days.
    Weeks,
    /// `m`: calendar months, keeping the day of month (clamped to the month's end).
    Months,
    /// `y`: years, the same as twelve months.
    Years,
}

impl Unit {
    /// The suffix used in `.case` files.
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::WorkingDays => "wd",
            Unit::Days => "d",
            Unit::Weeks => "w",
            Unit::Months => "m",
            Unit::Years => "y",
        }
    }

    /// The unit for a suffix as written in `.case` files (`wd`, `d`, `w`, `m`, `y`).
    pub fn from_suffix(s: &str) -> Option<Unit> {
        Some(match s {
            "wd" => Unit::WorkingDays,
            "d" => Unit::Days,
            "w" => Unit::Weeks,
            "m" => Unit::Months,
            "y" => Unit::Years,
            _ => return None,
        })
    }

    /// The unit in plain English, singular or plural to suit `amount`.
    pub fn describe(self, amount: u32) -> &'static str {
        let one = amount == 1;
        match (self, one) {
            (Unit::WorkingDays, true) => "working day",
            (Unit::WorkingDays, false) => "working days",
            (Unit::Days, true) => "day",
            (Unit::Days, false) => "days",
            (Unit::Weeks, true) => "week",
            (Unit::Weeks, false) => "weeks",
            (Unit::Months, true) => "month",
            (Unit::Months, false) => "months",
            (Unit::Years, true) => "year",
            (Unit::Years, false) => "years",
        }
    }
}

/// A length of time such as `10wd` or `1m`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Duration {
    pub amount: u32,
    pub unit: Unit,
}

impl Duration {
    pub fn new(amount: u32, unit: Unit) -> Duration {
        Duration { amount, unit }
    }

    pub fn working_days(amount: u32) -> Duration {
        Duration::new(amount, Unit::WorkingDays)
    }

    /// Parses the compact form used in `.case` files, e.g. `10wd` or `1m`.
    /// Returns `None` for anything else (including amounts too large for `u32`).
    pub fn parse(s: &str) -> Option<Duration> {
        let split = s.find(|c: char| !c.is_ascii_digit())?;
        let (digits, suffix) = s.split_at(split);
        if digits.is_empty() {
            return None;
        }
        Some(Duration::new(
            digits.parse().ok()?,
            Unit::from_suffix(suffix)?,
        ))
    }

    /// Plain English, e.g. "10 working days", "1 month".
    pub fn describe(&self) -> String {
        format!("{} {}", self.amount, self.unit.describe(self.amount))
    }
}

/// The compact form used in `.case` files, e.g. `10wd`.
impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}{}", self.amount, self.unit.suffix())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_display_round_trip() {
        for s in ["10wd", "15d", "4w", "1m", "1y", "0wd"] {
            let d = Duration::parse(s).expect(s);
            assert_eq!(d.to_string(), s);
        }
        assert_eq!(Duration::parse("65wd"), Some(Duration::working_days(65)));
        assert_eq!(Duration::parse("wd"), None);
        assert_eq!(Duration::parse("10"), None);
        assert_eq!(Duration::parse("10x"), None);
        assert_eq!(Duration::parse("99999999999wd"), None);
    }

    #[test]
    fn describe_is_plain_english() {
        assert_eq!(Duration::working_days(1).describe(), "1 working day");
        assert_eq!(Duration::new(3, Unit::Months).describe(), "3 months");
    }
}
