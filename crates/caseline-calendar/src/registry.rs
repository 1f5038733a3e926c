//! The calendar registry: the five built-ins plus calendars defined in a workspace
//! (`calendar NAME / extends ... / closed ...`, docs/format.md#calendars).
//! Must not depend on syntax or the checker's rules; reporting problems with a
//! definition's text is the checker's job, this only says what went wrong.

use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::Calendar;
use crate::data::Division;

/// The calendar a case uses when its header names none.
pub const DEFAULT_CALENDAR: &str = "england-and-wales";

/// Built-ins are created once per process so their tables are built once.
static BUILTINS: LazyLock<Vec<Calendar>> = LazyLock::new(|| {
    let mut v: Vec<Calendar> = Division::ALL
        .iter()
        .map(|d| Calendar::division(*d))
        .collect();
    v.push(Calendar::weekdays());
    let divisions = v[..Division::ALL.len()].to_vec();
    v.push(Calendar::builtin_union(UK_ANY, divisions));
    v
});

/// The built-in union of the three divisions: a day is not a working day if it
/// is a bank holiday in any part of the United Kingdom (FOIA 2000 s.10(6)).
pub const UK_ANY: &str = "uk-any";

/// Why a calendar definition was refused. Messages are for the person writing it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CalendarError {
    #[error("there is already a calendar called \"{0}\"")]
    AlreadyDefined(String),
    #[error("calendar \"{name}\" extends \"{base}\", but there is no calendar called \"{base}\"")]
    UnknownBase { name: String, base: String },
}

/// The calendars visible to a case: built-ins first, then user calendars in the
/// order they were defined.
#[derive(Debug, Clone)]
pub struct Calendars {
    list: Vec<Calendar>,
}

impl Default for Calendars {
    fn default() -> Calendars {
        Calendars::builtin()
    }
}

impl Calendars {
    /// `england-and-wales` (the default), `scotland`, `northern-ireland`,
    /// `weekdays` and `uk-any` (a holiday in any of the three is closed).
    pub fn builtin() -> Calendars {
        Calendars {
            list: BUILTINS.clone(),
        }
    }

    /// Whether `name` is one of the calendars that ship with caseline.
    pub fn is_builtin_name(name: &str) -> bool {
        BUILTINS.iter().any(|c| c.name() == name)
    }

    pub fn get(&self, name: &str) -> Option<Calendar> {
        self.list.iter().find(|c| c.name() == name).cloned()
    }

    /// `england-and-wales`.
    pub fn default_calendar(&self) -> Calendar {
        // The default is a built-in and cannot be removed, so the fallback never
        // runs; it avoids a panic path all the same.
        self.get(DEFAULT_CALENDAR)
            .unwrap_or_else(|| BUILTINS[0].clone())
    }

    pub fn names(&self) -> Vec<String> {
        self.list.iter().map(|c| c.name().to_string()).collect()
    }

    /// A user calendar: working days are Monday to Friday minus every closed day of
    /// the calendars it `extends` and its own `closed` days. Names must be new.
    pub fn define(
        &mut self,
        name: &str,
        extends: &[&str],
        closed: &[(NaiveDate, String)],
    ) -> Result<(), CalendarError> {
        if self.get(name).is_some() {
            return Err(CalendarError::AlreadyDefined(name.to_string()));
        }
        let mut bases = Vec::with_capacity(extends.len());
        for base in extends {
            match self.get(base) {
                Some(c) => {
                    if !bases.contains(&c) {
                        bases.push(c);
                    }
                }
                None => {
                    return Err(CalendarError::UnknownBase {
                        name: name.to_string(),
                        base: base.to_string(),
                    });
                }
            }
        }
        self.list.push(Calendar::user(name, bases, closed));
        Ok(())
    }
}
