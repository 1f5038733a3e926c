//! What the analysis found out about each deadline and each recommendation,
//! whether or not it produced a diagnostic. The LSP builds inlay hints and
//! hovers from these (`→ adjudication due 2023-10-27 · 2023-12-22 if extended`,
//! `40 wd late · 105 wd · limit 65 wd`), and every front end shows [`Checked`].
//!
//! Plain data only; no rendering and no wire format.

use caseline_calendar::{Calendar, Duration, Interval};
use caseline_syntax::ast::RecKind;
use text_size::TextRange;

/// A count of days that may be uncertain: `min..=max`, `None` where a date is
/// open-ended (a `?` at the start or end of the file). The default is a count
/// not known at all.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CountRange {
    pub min: Option<i64>,
    pub max: Option<i64>,
}

impl CountRange {
    /// True when the count is known exactly.
    pub fn exact(&self) -> Option<i64> {
        match (self.min, self.max) {
            (Some(a), Some(b)) if a == b => Some(a),
            _ => None,
        }
    }
}

/// What the counts of a deadline are measured in: working days for `wd`
/// limits, calendar days for every other unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountUnit {
    WorkingDays,
    Days,
}

/// The outcome of one deadline for one start occurrence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineStatus {
    /// The target happened within the limit under every reading of the dates.
    Met,
    /// Late under every reading (`deadline-missed`).
    Missed,
    /// Late under some readings only (`deadline-possibly-missed`).
    PossiblyMissed,
    /// Within the extended limit only, with no `extended` line (`extension-unrecorded`).
    ExtensionUnrecorded,
    /// Within the extended limit, and the extension is recorded.
    MetWithExtension,
    /// No target recorded and the limit has passed (`deadline-overdue`).
    Overdue,
    /// No target recorded and the limit has not (certainly) passed yet.
    Pending,
    /// Not judged: no target is recorded but the procedure moved on past it,
    /// or the start or target date is not a real day (`date-invalid` says so);
    /// [`DeadlineRecord::not_judged`] says which.
    NotJudged,
}

/// Why a deadline was not judged ([`DeadlineStatus::NotJudged`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotJudged {
    /// No target is recorded, but a later event of the procedure is: the
    /// procedure moved on past it.
    MovedOn,
    /// The start or target date is not a real day (`date-invalid`).
    InvalidDate,
    /// An `exception` line the procedure allows switched the limit off
    /// ([`DeadlineRecord::exception`] holds the reason).
    Exception,
    /// The clock is paused (a `pause` began and has not ended) and no
    /// outcome is recorded.
    Paused,
}

/// What the counting rules of one deadline line did to its due day, so that
/// every front end can explain the arithmetic.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counting {
    /// `starting with`: the start day itself is day one.
    pub inclusive: bool,
    /// `roll-forward`, and the due day (some reading of it) was not a working
    /// day, so it moved to the next one.
    pub rolled_forward: bool,
    /// The same for the extended due day.
    pub extended_rolled_forward: bool,
    /// The calendar the deadline counted in, when its procedure names one
    /// (`uk-any` for FOI): otherwise the case's (`Analysis::case_calendar`).
    /// Front ends list its closed days; they never resolve a calendar by name.
    pub calendar: Option<Calendar>,
    /// Days disregarded by `pause` lines (in the deadline's unit), with the
    /// labels of the events that began and ended each pause.
    pub paused: Option<CountRange>,
    pub pause_events: Option<(String, String)>,
    /// `latest of`: the labels of every start event, and whether the clock
    /// started at a later one than the first.
    pub latest_of: Vec<String>,
    /// `repeating`: each outcome starts the next period.
    pub repeating: bool,
    /// The other outcomes' labels, for a line with alternatives (`or`).
    pub alternatives: Vec<String>,
}

/// One deadline evaluated for one occurrence of its start event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineRecord {
    /// The procedure that declares the deadline.
    pub procedure: String,
    /// The deadline line's citation, as written (`"SI 2006/1738 reg. 14"`).
    pub citation: Option<String>,
    /// The declaring procedure's `source` line, as written: what the
    /// citation's instrument is (`caseline_check::wording::authority`).
    pub source: Option<String>,
    /// Index into `Document::entries` of the start entry.
    pub start_entry: usize,
    /// The start entry's first line.
    pub start_range: TextRange,
    pub start_kind: String,
    pub start_label: String,
    pub target_kind: String,
    pub target_label: String,
    /// The paired target entry, when one is recorded.
    pub target_entry: Option<usize>,
    pub target_range: Option<TextRange>,
    pub limit: Duration,
    pub extended_limit: Option<Duration>,
    /// `extendable without limit`: any lateness is covered by a recorded
    /// extension (`extended_limit` and `extended_due` are then `None`).
    pub uncapped_extension: bool,
    /// When the target was due under the standard limit.
    pub due: Interval,
    /// When it was due with the extension, if the deadline is extendable.
    pub extended_due: Option<Interval>,
    /// When the target happened (if recorded).
    pub actual: Option<Interval>,
    /// What `taken` and `late` count.
    pub unit: CountUnit,
    /// Days from start to target (target recorded) or to the as-of date (not recorded).
    pub taken: Option<CountRange>,
    /// Days after the limit that decides lateness: the extended one where the
    /// deadline is extendable (positive = late; negative = that many days to
    /// spare). For a missing target: days past that limit as of the as-of date.
    pub late: Option<CountRange>,
    /// Whether an `extended` line covers the target's stage.
    pub extension_recorded: bool,
    pub status: DeadlineStatus,
    /// Why, when the status is [`DeadlineStatus::NotJudged`].
    pub not_judged: Option<NotJudged>,
    /// A limit from guidance, not law (`guidance`): a finding is
    /// `guidance-missed`, a warning, instead of a deadline finding.
    pub guidance: bool,
    /// How the due day was counted beyond "N units after the start".
    pub counting: Counting,
    /// The reason of the `exception` line that switched the limit off, and the
    /// line itself; with the procedure's citation for the exception.
    pub exception: Option<(String, TextRange)>,
    pub exception_citation: Option<String>,
    /// The entry of an event that ended the procedure (`event ... ends`) with
    /// no outcome recorded. With `Overdue`, the lateness is counted to it,
    /// not to the as-of date.
    pub closed_by: Option<usize>,
}

/// What became of a recommendation or promise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RecStatus {
    Open,
    Done,
    Declined,
    Partial,
}

/// How a recommendation's due date was set when it counts from an entry:
/// `rec a within 10wd`, or `agree a within 10wd` on a later entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueAfter {
    /// The period, as written on the `rec` or `agree` line.
    pub period: Duration,
    /// Index into `Document::entries` of the entry it counts from.
    pub entry: usize,
}

/// One recommendation or promise and its life cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecRecord {
    pub id: String,
    pub kind: RecKind,
    /// The `rec`/`promise` line.
    pub range: TextRange,
    /// Index into `Document::entries` of the entry that made it.
    pub entry: usize,
    pub text: Option<String>,
    /// When it was due (from its own `within`/`by`, or from an `agree` line).
    pub due: Option<Interval>,
    /// How the due date was set, in words ("10 working days after 2024-11-05").
    pub due_basis: Option<String>,
    /// The same as data, when the due date counts from an entry (not for `by DATE`).
    pub due_after: Option<DueAfter>,
    pub status: RecStatus,
    /// The `done`/`declined`/`partial` entries that name it (their first lines).
    pub addressed: Vec<TextRange>,
    /// The same entries, as indices into `Document::entries`, in file order.
    pub addressed_entries: Vec<usize>,
    /// The entry that closed it, the first `done` or `declined` naming it
    /// (what `status` and `late` are judged from).
    pub closed_entry: Option<usize>,
    /// Working days between the due date and when it was done, if done late.
    pub late: Option<CountRange>,
    /// Working days between the due date and the as-of date, if it is
    /// overdue (not done or declined by then, and past every reading of its
    /// due date): the figure `rec-overdue` gives.
    pub overdue: Option<CountRange>,
    /// Not done or declined by the as-of date, and past some readings of a
    /// vague due date but not all of them (the as-of date falls inside it):
    /// "possibly overdue". No finding says so; the editor shows it.
    pub possibly_overdue: bool,
}

/// What a check actually judged in one file, so that a case with nothing
/// checked never looks clean: every front end (the CLI's summary line and
/// `--summary`, JSON, the editor's hint on the `case` line, the report) shows
/// these figures, phrased by [`Checked::describe`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Checked {
    /// Whether the file has a `case` header.
    pub has_header: bool,
    /// Dated entries in the file (a file with none and no header is a definitions file).
    pub entries: usize,
    /// The procedures in force (named in the header and known), in header order.
    pub procedures: Vec<String>,
    /// Names on the header's `procedure` line that no definition has.
    pub unknown_procedures: Vec<String>,
    /// Deadlines judged: every record except those not judged because the
    /// procedure moved on past their target.
    pub deadlines: usize,
    /// Of those, late under every reading (missed, or overdue as of the as-of date).
    pub late: usize,
    /// Of those, late under some readings of uncertain dates only.
    pub possibly_late: usize,
    /// Recommendations and promises tracked.
    pub recommendations: usize,
    /// Of those, overdue or done late.
    pub recommendations_late: usize,
    /// Recorded stage events whose time limits could not be checked
    /// (`deadline-unchecked`).
    pub unchecked_stages: usize,
    /// Lines the parser could not read (left out of every check): distinct
    /// lines with a syntax error, whatever the settings say of the rule.
    pub unreadable_lines: usize,
    /// Findings silenced by an acknowledgement comment.
    pub acknowledged: usize,
    /// Limits switched off by an `exception` line (not judged, and not in
    /// `deadlines`): shown so that a limit that was switched off never looks
    /// checked.
    pub switched_off: usize,
    /// Deadlines whose clock is paused (a `pause` has begun and not ended,
    /// and no outcome is recorded): not judged yet, and not in `deadlines`.
    pub paused: usize,
}

impl Checked {
    /// True when the file is a case but no deadline was judged and no
    /// recommendation tracked: "no problems found" would mean nothing.
    pub fn nothing_checked(&self) -> bool {
        self.deadlines == 0 && self.recommendations == 0
    }

    /// One line for people, the same everywhere:
    /// `children-statutory · 5 deadlines checked (2 late) · 3 recommendations tracked`,
    /// or what stopped the checks (`no procedure named · no deadline checked`).
    pub fn describe(&self) -> String {
        fn n(count: usize, one: &str, many: &str) -> String {
            if count == 1 {
                format!("1 {one}")
            } else {
                format!("{count} {many}")
            }
        }
        let mut parts = Vec::new();
        if !self.has_header {
            parts.push("no case header".to_string());
        }
        if self.procedures.is_empty() && !self.unknown_procedures.is_empty() {
            let names: Vec<String> = self
                .unknown_procedures
                .iter()
                .map(|n| format!("`{n}`"))
                .collect();
            parts.push(format!("unknown procedure {}", names.join(", ")));
        } else if self.procedures.is_empty() {
            parts.push("no procedure named".to_string());
        } else {
            parts.push(self.procedures.join(", "));
        }
        let deadlines = if self.deadlines == 0 {
            "no deadline checked".to_string()
        } else {
            let mut s = format!("{} checked", n(self.deadlines, "deadline", "deadlines"));
            let mut late = Vec::new();
            if self.late > 0 {
                late.push(format!("{} late", self.late));
            }
            if self.possibly_late > 0 {
                late.push(format!("{} possibly late", self.possibly_late));
            }
            if !late.is_empty() {
                s.push_str(&format!(" ({})", late.join(", ")));
            }
            s
        };
        parts.push(deadlines);
        if self.unchecked_stages > 0 {
            parts.push(format!(
                "{} not checked",
                n(self.unchecked_stages, "stage", "stages")
            ));
        }
        let mut recs = format!(
            "{} tracked",
            n(self.recommendations, "recommendation", "recommendations")
        );
        if self.recommendations_late > 0 {
            recs.push_str(&format!(" ({} late)", self.recommendations_late));
        }
        parts.push(recs);
        if self.paused > 0 {
            parts.push(format!("{} paused", n(self.paused, "clock", "clocks")));
        }
        if self.switched_off > 0 {
            parts.push(format!(
                "{} switched off by an exception",
                n(self.switched_off, "limit", "limits")
            ));
        }
        if self.acknowledged > 0 {
            parts.push(format!("{} acknowledged", self.acknowledged));
        }
        if self.unreadable_lines > 0 {
            parts.push(format!(
                "{} not read",
                n(self.unreadable_lines, "line", "lines")
            ));
        }
        parts.join(" · ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A count is exact only when both ends are known and equal: `3..=3` is
    /// 3 (whatever the number), `2..=5` and a count with an open end are not
    /// exact, and neither is a count not known at all. The mutants of
    /// `CountRange::exact` (returning `None`, `Some(0)`, `Some(1)` or
    /// `Some(-1)`, and the guard `a == b` made `true`, `false` or `!=`)
    /// each got one of these wrong.
    #[test]
    fn a_count_is_exact_only_when_both_ends_agree() {
        let range = |min, max| CountRange { min, max };
        assert_eq!(range(Some(3), Some(3)).exact(), Some(3));
        assert_eq!(range(Some(-2), Some(-2)).exact(), Some(-2));
        assert_eq!(range(Some(2), Some(5)).exact(), None);
        assert_eq!(range(None, Some(3)).exact(), None);
        assert_eq!(range(Some(3), None).exact(), None);
        assert_eq!(CountRange::default().exact(), None);
    }

    /// "Nothing checked" means no deadline judged and no recommendation
    /// tracked; either one alone is something checked. The mutants of
    /// `Checked::nothing_checked` (`true`, `false`, `&&` -> `||`, either
    /// `==` -> `!=`) each got one of these three wrong.
    #[test]
    fn nothing_checked_means_no_deadline_and_no_recommendation() {
        let none = Checked::default();
        assert!(none.nothing_checked());
        let deadline = Checked {
            deadlines: 1,
            ..Checked::default()
        };
        assert!(!deadline.nothing_checked());
        let recommendations = Checked {
            recommendations: 2,
            ..Checked::default()
        };
        assert!(!recommendations.nothing_checked());
    }

    /// The summary line names each figure that is not zero, with its count,
    /// and leaves out each that is zero (no "0 late", no empty brackets, no
    /// "no case header" on a case with one). The mutants of
    /// `Checked::describe` on the header, the procedures, and every `> 0`
    /// (made `==`, `<` or `>=`) and `!late.is_empty()` showed a figure of 0
    /// or hid a positive one.
    #[test]
    fn the_summary_line_names_every_figure_that_is_not_zero() {
        let quiet = Checked {
            has_header: true,
            procedures: vec!["children-statutory".to_string()],
            ..Checked::default()
        };
        assert_eq!(
            quiet.describe(),
            "children-statutory · no deadline checked · 0 recommendations tracked"
        );
        let on_time = Checked {
            deadlines: 4,
            recommendations: 1,
            ..quiet.clone()
        };
        assert_eq!(
            on_time.describe(),
            "children-statutory · 4 deadlines checked · 1 recommendation tracked"
        );
        let busy = Checked {
            has_header: false,
            procedures: Vec::new(),
            unknown_procedures: vec!["nosuch".to_string()],
            deadlines: 5,
            late: 2,
            possibly_late: 1,
            unchecked_stages: 1,
            recommendations: 3,
            recommendations_late: 1,
            paused: 2,
            switched_off: 1,
            acknowledged: 2,
            unreadable_lines: 3,
            ..Checked::default()
        };
        assert_eq!(
            busy.describe(),
            "no case header · unknown procedure `nosuch` · 5 deadlines checked (2 late, 1 possibly late) · 1 stage not checked · 3 recommendations tracked (1 late) · 2 clocks paused · 1 limit switched off by an exception · 2 acknowledged · 3 lines not read"
        );
        // Only possibly late: the brackets say so and nothing else.
        let possibly = Checked {
            deadlines: 2,
            possibly_late: 2,
            ..quiet.clone()
        };
        assert_eq!(
            possibly.describe(),
            "children-statutory · 2 deadlines checked (2 possibly late) · 0 recommendations tracked"
        );
    }

    /// The procedures part: the procedures in force; "unknown procedure" only
    /// when none is in force (a known one alongside an unknown one is named,
    /// the unknown one has its own finding); "no procedure named" when the
    /// header names none. The mutants `Checked::describe: && -> ||` and
    /// `delete !` on that test got the first or the last wrong.
    #[test]
    fn the_summary_line_names_the_procedures_in_force() {
        let mixed = Checked {
            has_header: true,
            procedures: vec!["lgsco".to_string()],
            unknown_procedures: vec!["nosuch".to_string()],
            ..Checked::default()
        };
        assert!(
            mixed.describe().starts_with("lgsco · "),
            "{}",
            mixed.describe()
        );
        let none = Checked {
            has_header: true,
            ..Checked::default()
        };
        assert!(
            none.describe().starts_with("no procedure named · "),
            "{}",
            none.describe()
        );
        let unknown = Checked {
            has_header: true,
            unknown_procedures: vec!["a".to_string(), "b".to_string()],
            ..Checked::default()
        };
        assert!(
            unknown
                .describe()
                .starts_with("unknown procedure `a`, `b` · "),
            "{}",
            unknown.describe()
        );
    }
}
