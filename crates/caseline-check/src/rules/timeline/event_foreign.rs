use std::collections::HashMap;

use caseline_syntax::{TextEdit, TextRange};

use crate::analysis::{Cx, fix};
use crate::{Fix, Rule};

declare_rule! {
    /// ## What it checks
    /// An entry whose event kind belongs to a known procedure (built in, or defined in the workspace) that the case's `procedure` line does not name: `stage3.panel` in a case that names only `council-code`, or `complaint.received` (an adult social care event) in a children's case.
    ///
    /// ## Why it matters
    /// Only the named procedures' time limits are checked. An event of another procedure is recorded as a free event, so its deadlines are silently not checked.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure lgsco
    ///   as-of 2024-06-01
    ///
    /// 2024-01-02 stage1.received
    /// 2024-04-10 stage1.response
    /// ```
    ///
    /// ## How to fix
    /// Add the procedure to the header's `procedure` line (the quick fix does this), or, if the event was meant to be one of the named procedure's, use that name (a suggestion is given when one fits).
    ///
    /// ## References
    /// docs/format.md#the-case-header (`procedure` names the procedures) and docs/format.md#entries (free events).
    pub(crate) static EVENT_FOREIGN = crate::rules::Status::Preview { since: "0.2.0" };
}

/// What is wrong with one kind: the message, the procedures to add, and the
/// case's own event it may have been meant as.
type Verdict = Option<(String, Vec<String>, Option<String>)>;

pub(crate) fn check(cx: &mut Cx) {
    if cx.procs.list.is_empty() {
        return;
    }
    let Some(line_end) = procedure_line_end(cx) else {
        return;
    };
    let named: Vec<String> = cx.procs.list.iter().map(|p| p.name.clone()).collect();
    let mut verdicts: HashMap<&str, Verdict> = HashMap::new();
    let mut found = Vec::new();
    for (i, e) in cx.doc.entries.iter().enumerate() {
        let Some(kind) = &e.kind else { continue };
        let k = kind.value.as_str();
        let verdict = verdicts.entry(k).or_insert_with(|| judge(cx, k, &named));
        if let Some((message, owners, suggestion)) = verdict {
            let mut fixes = Vec::new();
            if let Some(s) = suggestion {
                fixes.push(Fix::replace(kind.range, s));
            }
            for o in owners.iter().take(3) {
                fixes.push(fix(
                    format!("Add `{o}` to the case's procedures"),
                    vec![TextEdit {
                        range: TextRange::empty(line_end),
                        new_text: format!(" {o}"),
                    }],
                ));
            }
            found.push((i, kind.range, message.clone(), fixes));
        }
    }
    for (i, range, message, fixes) in found {
        cx.event_reported.insert(i);
        let d = cx.report(Rule::EventForeign, range, message);
        d.fixes = fixes;
    }
}

/// Where a procedure name is appended: after the last name on the `procedure` line.
fn procedure_line_end(cx: &Cx) -> Option<caseline_syntax::TextSize> {
    let names = cx.doc.header.as_ref()?.procedures.as_ref()?;
    names.last().map(|n| n.range.end())
}

fn judge(cx: &Cx, k: &str, named: &[String]) -> Verdict {
    if super::is_generic(k) || cx.procs.events.contains_key(k) {
        return None;
    }
    // A near-miss of the case's own events is `event-unknown`'s.
    if super::event_unknown::judge(cx, k).is_some() {
        return None;
    }
    let owners = super::owners_of(cx, k);
    if owners.is_empty() {
        return None;
    }
    let quoted: Vec<String> = owners.iter().map(|o| format!("`{o}`")).collect();
    let named_q: Vec<String> = named.iter().map(|o| format!("`{o}`")).collect();
    let mut message = format!(
        "`{k}` is an event of {} {}, which this case does not name (it names {}), so no time \
         limit is checked for it: add {} to the `procedure` line",
        if owners.len() == 1 {
            "the procedure"
        } else {
            "the procedures"
        },
        super::list(&quoted),
        super::list(&named_q),
        if owners.len() == 1 {
            quoted[0].clone()
        } else {
            "the one that applies".to_string()
        },
    );
    // Another procedure's event shares a word with many (`received`): ask
    // for two before suggesting one of the case's own.
    let suggestion = super::event_lookalike::suggest(cx, k, &[], 2);
    if let Some(s) = &suggestion {
        message.push_str(&format!(
            ", or, if you meant a stage of {}, write `{}` ({})",
            super::list(&named_q),
            s.event,
            s.label
        ));
    }
    Some((message, owners, suggestion.map(|s| s.event)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::EventForeign);
    }

    /// "Add `X` to the case's procedures" appends the name to the `procedure`
    /// line, after the last name on it, and the event is then checked.
    #[test]
    fn the_fix_appends_the_procedure_to_the_procedure_line() {
        use crate::Rule;
        let text = "case \"1\"\n  title \"T\"\n  procedure lgsco  # the Ombudsman's\n  as-of 2024-06-01\n\n2024-01-02 stage2.adjudication\n";
        let (all, _, _) = crate::testing::run(text);
        let d = all
            .iter()
            .find(|d| d.rule == Rule::EventForeign)
            .expect("the children's event is found in an Ombudsman case");
        let add = d
            .fixes
            .iter()
            .find(|f| f.title == "Add `children-statutory` to the case's procedures")
            .expect("the fix that adds the procedure");
        let fixed = add.apply(text);
        assert_eq!(
            fixed,
            "case \"1\"\n  title \"T\"\n  procedure lgsco children-statutory  # the Ombudsman's\n  as-of 2024-06-01\n\n2024-01-02 stage2.adjudication\n"
        );
        let (after, analysis, _) = crate::testing::run(&fixed);
        assert!(
            !after.iter().any(|d| d.rule == Rule::EventForeign),
            "{after:#?}"
        );
        assert_eq!(
            analysis.checked.procedures.len(),
            2,
            "{:?}",
            analysis.checked
        );
    }
}
