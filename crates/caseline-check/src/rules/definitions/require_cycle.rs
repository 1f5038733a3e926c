declare_rule! {
    /// ## What it checks
    /// A procedure whose `require A before B` rules (with those of the procedures it `use`s) form a cycle, such as `a before b` and `b before a`.
    /// Found when the workspace's definitions are loaded; reported on the procedure's name.
    ///
    /// ## Why it matters
    /// No timeline can satisfy a cycle: every case using the procedure would get a `stage-missing` or `stage-order` error whatever it records.
    ///
    /// ## Example
    /// ```caseline
    /// procedure corporate-loop
    ///   event stage1.response "stage 1 response"
    ///   event stage2.requested "stage 2 request"
    ///   require stage1.response before stage2.requested
    ///   require stage2.requested before stage1.response
    /// ```
    ///
    /// ## How to fix
    /// Remove or reverse the `require` line that closes the loop.
    ///
    /// ## References
    /// docs/format.md#procedures (`require`).
    pub(crate) static REQUIRE_CYCLE = crate::rules::STABLE_0_1;
}

#[cfg(test)]
mod tests {
    #[test]
    fn fixtures() {
        crate::testing::check_rule(crate::Rule::RequireCycle);
    }
}
