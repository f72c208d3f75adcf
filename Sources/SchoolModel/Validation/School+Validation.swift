/// Everything `flexplan validate` checks: references, ranges, the time grid, cycles, and
/// warnings for data that is valid but suspicious.
extension School {
    /// Every problem of the school, errors and warnings, in document order.
    public func validate() -> [ValidationIssue] {
        var validator = SchoolValidator(school: self)
        validator.run()
        return validator.issues
    }
}
