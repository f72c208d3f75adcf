import SchoolModel

extension FET {
    /// How sets of activities use selected time slots (hard only: a ``SlotRule`` has no weight).
    static let slotRuleConstraints: Set<String> = [
        "ConstraintActivitiesOccupyMaxTimeSlotsFromSelection", "ConstraintActivitiesMaxSimultaneousInSelectedTimeSlots",
        "ConstraintActivitiesMinSimultaneousInSelectedTimeSlots",
    ]
}

extension FETSchoolBuilder {
    /// Applies one constraint of ``FET/slotRuleConstraints`` as a ``SlotRule`` over its active
    /// activities and selected slots. False for a soft instance.
    mutating func applySlotRule(_ element: FETElement, hard: Bool, weight: Double?) throws -> Bool {
        guard hard else { return false }
        let ids = try activityIDs(element)
        let slots = try slots(element, container: "Selected_Time_Slot", day: "Selected_Day", hour: "Selected_Hour")
        let rule: SlotRule
        switch element.name {
        case "ConstraintActivitiesOccupyMaxTimeSlotsFromSelection":
            rule = SlotRule(
                kind: .maxOccupied, activities: ids, slots: slots,
                count: try required(element, "Max_Number_of_Occupied_Time_Slots"))
        case "ConstraintActivitiesMaxSimultaneousInSelectedTimeSlots":
            rule = SlotRule(
                kind: .maxSimultaneous, activities: ids, slots: slots,
                count: try required(element, "Max_Number_of_Simultaneous_Activities"))
        default:
            rule = SlotRule(
                kind: .minSimultaneous, activities: ids, slots: slots,
                count: try required(element, "Min_Number_of_Simultaneous_Activities"),
                allowEmpty: try flag(element, "Allow_Empty_Slots"))
        }
        school.slotRules = (school.slotRules ?? []) + [rule]
        return true
    }

    /// The whole number in `field`, which the constraint must have.
    func required(_ element: FETElement, _ field: String) throws -> Int {
        guard let number = try wholeNumber(element, field) else {
            throw failure(element, "\(element.name): \(field) is missing")
        }
        return number
    }
}
