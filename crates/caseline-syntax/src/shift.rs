//! Moving lowered items by a byte offset, so that `reparse` can reuse the
//! blocks an edit did not touch instead of lowering them again.
//!
//! Every impl destructures its type completely: a new field in `ast.rs` that
//! holds a range is a compile error here until it is shifted too. Must not
//! depend on tree-sitter, calendars or rules.

use crate::ast::{
    AgreeLine, CalendarDef, ClosedLine, Comment, DeadlineDecl, Due, Entry, EntryChild, EventDecl,
    ExceptionDecl, ExceptionLine, ExtendedLine, FieldLine, PauseDecl, ProcedureDef, RecLine,
    RequireDecl, Spanned,
};
use crate::errors::SyntaxError;
use text_size::{TextRange, TextSize};

/// Moves every byte range inside a value by `delta` bytes.
pub(crate) trait Shift {
    fn shift(&mut self, delta: i64);
}

fn at(offset: TextSize, delta: i64) -> TextSize {
    let moved = i64::from(u32::from(offset)) + delta;
    TextSize::from(u32::try_from(moved.max(0)).unwrap_or(u32::MAX))
}

impl Shift for TextRange {
    fn shift(&mut self, delta: i64) {
        *self = TextRange::new(at(self.start(), delta), at(self.end(), delta));
    }
}

impl<T> Shift for Spanned<T> {
    fn shift(&mut self, delta: i64) {
        self.range.shift(delta);
    }
}

impl<T: Shift> Shift for Option<T> {
    fn shift(&mut self, delta: i64) {
        if let Some(v) = self {
            v.shift(delta);
        }
    }
}

impl<T: Shift> Shift for Vec<T> {
    fn shift(&mut self, delta: i64) {
        for v in self {
            v.shift(delta);
        }
    }
}

impl Shift for SyntaxError {
    fn shift(&mut self, delta: i64) {
        let SyntaxError {
            range,
            kind: _,
            message: _,
            fix,
        } = self;
        range.shift(delta);
        for edit in fix.iter_mut().flat_map(|f| f.edits.iter_mut()) {
            edit.range.shift(delta);
        }
    }
}

impl Shift for Comment {
    fn shift(&mut self, delta: i64) {
        let Comment { range, text: _ } = self;
        range.shift(delta);
    }
}

impl Shift for FieldLine {
    fn shift(&mut self, delta: i64) {
        let FieldLine { range, key, value } = self;
        range.shift(delta);
        key.shift(delta);
        value.shift(delta);
    }
}

impl Shift for Due {
    fn shift(&mut self, delta: i64) {
        match self {
            Due::Within(d) => d.shift(delta),
            Due::By(d) => d.shift(delta),
        }
    }
}

impl Shift for Entry {
    fn shift(&mut self, delta: i64) {
        let Entry {
            range,
            head_range,
            date,
            date_range,
            kind,
            ids,
            text,
            children,
        } = self;
        range.shift(delta);
        head_range.shift(delta);
        date.shift(delta);
        date_range.shift(delta);
        kind.shift(delta);
        ids.shift(delta);
        text.shift(delta);
        children.shift(delta);
    }
}

impl Shift for EntryChild {
    fn shift(&mut self, delta: i64) {
        match self {
            EntryChild::Rec(RecLine {
                range,
                kind: _,
                keyword_range,
                id,
                due,
                text,
            }) => {
                range.shift(delta);
                keyword_range.shift(delta);
                id.shift(delta);
                due.shift(delta);
                text.shift(delta);
            }
            EntryChild::Agree(AgreeLine { range, ids, due }) => {
                range.shift(delta);
                ids.shift(delta);
                due.shift(delta);
            }
            EntryChild::Extended(ExtendedLine { range, reason }) => {
                range.shift(delta);
                reason.shift(delta);
            }
            EntryChild::Exception(ExceptionLine {
                range,
                target,
                reason,
            }) => {
                range.shift(delta);
                target.shift(delta);
                reason.shift(delta);
            }
            EntryChild::Prose(text) => text.shift(delta),
            EntryChild::Field(field) => field.shift(delta),
        }
    }
}

impl Shift for ProcedureDef {
    fn shift(&mut self, delta: i64) {
        let ProcedureDef {
            range,
            head_range,
            name,
            title,
            source,
            uses,
            events,
            deadlines,
            requires,
            calendar,
            pauses,
            exceptions,
            other_fields,
        } = self;
        range.shift(delta);
        head_range.shift(delta);
        name.shift(delta);
        title.shift(delta);
        source.shift(delta);
        uses.shift(delta);
        for EventDecl {
            range,
            name,
            label,
            recommends: _,
            ends: _,
        } in events
        {
            range.shift(delta);
            name.shift(delta);
            label.shift(delta);
        }
        for DeadlineDecl {
            range,
            target,
            limit,
            alternatives,
            start,
            more_starts,
            inclusive: _,
            extended_limit,
            uncapped_extension: _,
            repeating: _,
            roll_forward: _,
            guidance: _,
            citation,
        } in deadlines
        {
            range.shift(delta);
            target.shift(delta);
            limit.shift(delta);
            for (t, l) in alternatives {
                t.shift(delta);
                l.shift(delta);
            }
            start.shift(delta);
            more_starts.shift(delta);
            extended_limit.shift(delta);
            citation.shift(delta);
        }
        calendar.shift(delta);
        for PauseDecl {
            range,
            target,
            from,
            until,
            citation,
        } in pauses
        {
            range.shift(delta);
            target.shift(delta);
            from.shift(delta);
            until.shift(delta);
            citation.shift(delta);
        }
        for ExceptionDecl {
            range,
            targets,
            citation,
        } in exceptions
        {
            range.shift(delta);
            targets.shift(delta);
            citation.shift(delta);
        }
        for RequireDecl { range, first, then } in requires {
            range.shift(delta);
            first.shift(delta);
            then.shift(delta);
        }
        other_fields.shift(delta);
    }
}

impl Shift for CalendarDef {
    fn shift(&mut self, delta: i64) {
        let CalendarDef {
            range,
            head_range,
            name,
            extends,
            closed,
            other_fields,
        } = self;
        range.shift(delta);
        head_range.shift(delta);
        name.shift(delta);
        extends.shift(delta);
        for ClosedLine {
            range,
            dates,
            reason,
        } in closed
        {
            range.shift(delta);
            dates.shift(delta);
            reason.shift(delta);
        }
        other_fields.shift(delta);
    }
}
