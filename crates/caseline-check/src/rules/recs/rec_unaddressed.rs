use crate::Rule;
use crate::analysis::Cx;

declare_rule! {
    /// ## What it checks
    /// A recommendation or promise with no due date, made before the as-of date, that no `done` or `declined` entry addresses by that date.
    ///
    /// ## Why it matters
    /// Unaddressed recommendations are how complaints come back: the Ombudsman checks that what a stage 2 or panel recommended was carried out or declined with reasons.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   as-of 2024-06-01
    ///
    /// 2024-02-21 note "stage 2 outcome"
    ///   promise m1 "Offer Mr X a meeting"
    /// ```
    ///
    /// ## How to fix
    /// Record what happened: `DATE done m1`, or `DATE declined m1 "reason"` (the quick fix inserts a `YYYY-MM-DD done` line where the as-of date falls, and the finding stays until you write the real date).
    ///
    /// ## References
    /// docs/format.md#entries (recommendations) and docs/format.md#checks; LGSCO Manual for Councils, Part 8.
    pub(crate) static REC_UNADDRESSED = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    let mut found = Vec::new();
    for (r, j) in cx.recs.iter().zip(&cx.rec_facts.judged) {
        if !j.unaddressed {
            continue;
        }
        let message = format!(
            "{} {} ({}) has no due date and is not recorded as done or declined by {}",
            super::noun(r.kind),
            r.id,
            super::made_at(cx, r),
            cx.as_of
        );
        found.push((r.range, message, super::done_fix(cx, &r.id)));
    }
    for (range, message, fix) in found {
        cx.report(Rule::RecUnaddressed, range, message)
            .fixes
            .push(fix);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::RecUnaddressed);
    }
}

#[cfg(test)]
mod fix_tests {
    use crate::Rule;
    use crate::testing::{apply, run};

    #[test]
    fn the_fix_inserts_a_done_line_in_date_order_with_the_file_s_line_endings() {
        let text = "case \"1\"\r\n  as-of 2024-06-01\r\n\r\n2024-02-21 note\r\n  promise m1 \"Meet\"\r\n2024-07-01 note \"later\"\r\n";
        let (all, _, _) = run(text);
        let d = all
            .iter()
            .find(|d| d.rule == Rule::RecUnaddressed)
            .expect("m1 is unaddressed");
        let fixed = apply(text, &d.fixes[0].edits);
        assert_eq!(
            fixed,
            "case \"1\"\r\n  as-of 2024-06-01\r\n\r\n2024-02-21 note\r\n  promise m1 \"Meet\"\r\nYYYY-MM-DD done m1\r\n2024-07-01 note \"later\"\r\n"
        );
        // The fix records no date: until one is written the finding stays,
        // and the placeholder line is itself reported.
        let (after, _, _) = run(&fixed);
        assert!(after.iter().any(|d| d.rule == Rule::RecUnaddressed));
        assert!(after.iter().any(|d| d.rule == Rule::Syntax));
    }

    #[test]
    fn at_the_end_of_a_file_without_a_final_newline() {
        let text = "case \"1\"\n  as-of 2024-06-01\n\n2024-02-21 note\n  promise m1 \"Meet\"";
        let (all, _, _) = run(text);
        let d = all
            .iter()
            .find(|d| d.rule == Rule::RecUnaddressed)
            .expect("m1 is unaddressed");
        assert_eq!(
            apply(text, &d.fixes[0].edits),
            format!("{text}\nYYYY-MM-DD done m1\n")
        );
    }
}
