declare_rule! {
    /// ## What it checks
    /// Two definitions of the same procedure or calendar name in one workspace, including a user definition that reuses a built-in name.
    /// Found when the workspace's definitions are loaded (`Definitions::with_workspace`); the first definition wins and the later one is reported.
    ///
    /// ## Why it matters
    /// Cases name procedures by name.
    /// If two definitions shared one, which rules a case was checked against would depend on file order, and a user file could silently weaken a statutory procedure.
    ///
    /// ## Example
    /// ```caseline
    /// procedure lgsco
    ///   event ombudsman.received "complaint to the Ombudsman"
    /// ```
    ///
    /// ## How to fix
    /// Rename your definition (e.g. `worcestershire-corporate`).
    /// To build on a built-in, `use` it inside a procedure of your own.
    ///
    /// ## References
    /// docs/format.md#procedures and docs/format.md#checks.
    pub(crate) static DEFINITION_CONFLICT = crate::rules::STABLE_0_1;
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::DefinitionConflict);
    }
}
