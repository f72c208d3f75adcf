extension SchoolValidator {
    /// Slot rules: known activities and periods, a count in range.
    mutating func checkSlotRules() {
        for (index, rule) in (school.slotRules ?? []).enumerated() {
            let base = "$.slotRules[\(index)]"
            checkReferences(
                rule.activities, in: activityIDs, kind: "activity", at: base, record: nil, field: "activities")
            checkSlots(rule.slots, at: base, record: nil, field: "slots")
            if !(0...100_000).contains(rule.count) {
                error("\(base).count", field: "count", "count \(rule.count) is not 0 to 100000")
            }
            if rule.allowEmpty != nil && rule.kind != .minSimultaneous {
                warning("\(base).allowEmpty", field: "allowEmpty", "allowEmpty is for minSimultaneous rules only")
            }
        }
    }
}
