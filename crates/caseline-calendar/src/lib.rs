//! caseline-calendar: working-day calendars, durations and date intervals.
//! Knows nothing of syntax, rules, LSP or the system clock.
