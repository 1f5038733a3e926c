use crate::analysis::Cx;
use crate::analysis::timeline::namespace;
use crate::suggest;
use crate::{Fix, Rule};
use std::collections::HashMap;

declare_rule! {
    /// ## What it checks
    /// An event kind that is not one of the case's procedure events but looks like one: within two edits of a procedure event (`stage2.adjudicaton`), or in a procedure's namespace without being defined there (`stage2.decision` when the procedure has `stage2.*` events but no `stage2.decision`).
    /// Other kinds (`meeting`, `assessment.completed`) are free events and are not checked.
    /// In a definitions file, a `deadline` or `require` line of a procedure that names an event the procedure (with what it `use`s) does not declare is reported too.
    ///
    /// ## Why it matters
    /// A mistyped stage event is silently treated as a free event, which switches its deadline check off: the stage looks missing or overdue, or a late response goes unreported.
    ///
    /// ## Example
    /// ```caseline
    /// case "1"
    ///   procedure children-statutory
    ///   as-of 2024-06-01
    ///
    /// 2024-01-02 stage1.received
    /// 2024-01-10 stage1.respnse
    /// ```
    ///
    /// ## How to fix
    /// Use the suggested event name (the quick fix does this).
    /// To record something that is not a procedure stage, give it a name outside the procedure's namespaces, e.g. `meeting` or `assessment.completed`.
    ///
    /// ## References
    /// docs/format.md#entries and docs/format.md#procedures.
    pub(crate) static EVENT_UNKNOWN = crate::rules::STABLE_0_1;
}

pub(crate) fn check(cx: &mut Cx) {
    if cx.procs.events.is_empty() {
        return;
    }
    let mut found = Vec::new();
    // A long timeline repeats the same few free kinds (`note`, `meeting`,
    // `assessment.completed`) hundreds of times: judge each kind once. The
    // editor runs this on every keystroke.
    let mut verdicts: HashMap<&str, Option<(String, Option<String>)>> = HashMap::new();
    for (i, e) in cx.doc.entries.iter().enumerate() {
        let Some(kind) = &e.kind else { continue };
        let k = kind.value.as_str();
        let verdict = verdicts.entry(k).or_insert_with(|| judge(cx, k));
        if let Some((message, suggestion)) = verdict {
            found.push((i, kind.range, message.clone(), suggestion.clone()));
        }
    }
    for (i, range, message, suggestion) in found {
        cx.event_reported.insert(i);
        let d = cx.report(Rule::EventUnknown, range, message);
        if let Some(s) = suggestion {
            d.fixes.push(Fix::replace(range, &s));
        }
    }
}

/// The problem with an entry of kind `k`, if any: the message and the
/// suggested event.
pub(crate) fn judge(cx: &Cx, k: &str) -> Option<(String, Option<String>)> {
    if super::is_generic(k) || cx.procs.events.contains_key(k) {
        return None;
    }
    let near = suggest::closest(k, cx.procs.event_names.iter().copied(), 2);
    let in_namespace = cx.procs.namespaces.contains(namespace(k)) && k.contains('.');
    if near.is_none() && !in_namespace {
        return None;
    }
    // In a known namespace but far from every event: suggest the closest
    // event of that namespace.
    let suggestion = near.or_else(|| {
        let ns = namespace(k);
        let mut best: Option<(usize, &str)> = None;
        for &ev in cx.procs.event_names.iter().filter(|ev| namespace(ev) == ns) {
            let d = suggest::distance_within(k, ev, usize::MAX / 2).unwrap_or(usize::MAX);
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, ev));
            }
        }
        best.map(|(_, ev)| ev)
    });
    let mut message = format!("`{k}` is not an event of {}", super::named_procedures(cx));
    if let Some(s) = suggestion {
        message.push_str(&format!(": did you mean `{s}`?"));
    }
    let owners = super::owners_of(cx, k);
    if !owners.is_empty() {
        let quoted: Vec<String> = owners.iter().map(|o| format!("`{o}`")).collect();
        message.push_str(&format!(
            " (`{k}` is an event of {}, which this case does not name: if that procedure applies, add it to the `procedure` line.)",
            super::list(&quoted)
        ));
    }
    message.push_str(" A mistyped stage switches its deadline checks off.");
    Some((message, suggestion.map(str::to_string)))
}

/// `event-unknown` for deadline and require lines of a user procedure that
/// name an event neither it nor what it uses declares: such a line would never
/// apply, silently.
pub(crate) fn undeclared_events(
    p: &crate::Procedure,
    file: usize,
    problems: &mut Vec<(usize, crate::diagnostic::Diagnostic)>,
) {
    let names: Vec<&str> = p.all_events().iter().map(|e| e.name.as_str()).collect();
    let mut check = |name: &str, range: caseline_syntax::TextRange| {
        if names.contains(&name) {
            return;
        }
        let mut message = format!(
            "procedure `{}` declares no event `{name}`, so this line never applies",
            p.name
        );
        let mut fixes = Vec::new();
        if let Some(s) = crate::suggest::closest(name, names.iter().copied(), 2) {
            message.push_str(&format!(": did you mean `{s}`?"));
            fixes.push(Fix::replace(range, s));
        } else {
            message.push_str(&format!(" (add `event {name} \"label\"` to the procedure)"));
        }
        let mut d = crate::rules::definitions::diag(Rule::EventUnknown, range, message, Vec::new());
        d.fixes = fixes;
        problems.push((file, d));
    };
    for d in &p.deadlines {
        check(&d.target, d.target_range);
        check(&d.start, d.start_range);
        for o in &d.alternatives {
            check(&o.kind, o.range);
        }
        for (s, r) in &d.more_starts {
            check(s, *r);
        }
    }
    for pa in &p.pauses {
        check(&pa.from, pa.from_range);
        check(&pa.until, pa.until_range);
    }
    // A pause or exception reaches the deadlines through the outcome it
    // names: one that names no outcome of the procedure's own deadlines
    // applies to nothing, silently.
    let ends = |t: &str| p.deadlines.iter().any(|d| d.ends_in(t));
    let targets = p
        .pauses
        .iter()
        .map(|pa| (pa.target.as_str(), pa.target_range, "pause"))
        .chain(
            p.exceptions
                .iter()
                .flat_map(|e| e.targets.iter().map(|(t, r)| (t.as_str(), *r, "exception"))),
        );
    let mut nothing = Vec::new();
    for (t, range, what) in targets {
        if !names.contains(&t) {
            check(t, range);
        } else if !ends(t) {
            nothing.push((t, range, what));
        }
    }
    for r in &p.requires {
        check(&r.first, r.first_range);
        check(&r.then, r.then_range);
    }
    for (t, range, what) in nothing {
        {
            let d = crate::rules::definitions::diag(
                Rule::EventUnknown,
                range,
                format!(
                    "no deadline of procedure `{}` ends in `{t}`, so this `{what}` line applies to \
                     nothing: name the outcome whose time limit it concerns",
                    p.name
                ),
                Vec::new(),
            );
            problems.push((file, d));
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::EventUnknown);
    }
}
