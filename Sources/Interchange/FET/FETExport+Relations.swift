import SchoolModel

extension FET {
    /// The school's activity relations as FET time constraints, so that an exported file
    /// imports with them: a weight below 100 as FET's weight percentage (100 and more as
    /// 99.9, still soft), none as 100%. FET has no grouping of more than three activities and
    /// only back-to-back rules that let breaks lie between them: a `grouped` relation of four
    /// or more is left out, and `consecutive` reads back with `acrossBreaks`. FET's ordered
    /// pairs want the first to end before the second starts (FlexPlan's: to start before it),
    /// the same for lessons of one hour or that share a teacher or students.
    static func writeRelations(_ school: School, ids: [String: String], to xml: inout FETWriter) {
        for relation in school.activityRelations ?? [] {
            let activities = relation.activities.compactMap { ids[$0] }
            let percentage = relation.weight.map { min($0, 99.9) } ?? 100
            func write(_ name: String, _ body: (inout FETWriter) -> Void) {
                xml.open(name)
                xml.value("Weight_Percentage", FETWriter.number(percentage))
                body(&xml)
                xml.value("Active", "true")
                xml.value("Comments", "")
                xml.close(name)
            }
            func list(_ name: String, _ extra: (String, String)? = nil) {
                write(name) { xml in
                    if name == "ConstraintMinDaysBetweenActivities" { xml.value("Consecutive_If_Same_Day", "false") }
                    xml.value("Number_of_Activities", "\(activities.count)")
                    for id in activities { xml.value("Activity_Id", id) }
                    if let extra { xml.value(extra.0, extra.1) }
                }
            }
            func named(_ name: String, _ members: [String]) {
                write(name) { xml in
                    for (field, id) in zip(["First_Activity_Id", "Second_Activity_Id", "Third_Activity_Id"], members) {
                        xml.value(field, id)
                    }
                }
            }
            if relation.kind == .endsCohortsDay {
                for id in activities { write("ConstraintActivityEndsStudentsDay") { $0.value("Activity_Id", id) } }
                continue
            }
            guard activities.count > 1 else { continue }
            let links = zip(activities, activities.dropFirst()).map { [$0, $1] }
            switch relation.kind {
            case .sameStart: list("ConstraintActivitiesSameStartingTime")
            case .sameDay: list("ConstraintActivitiesSameStartingDay")
            case .samePeriod: list("ConstraintActivitiesSameStartingHour")
            case .notOverlapping: list("ConstraintActivitiesNotOverlapping")
            case .minDaysApart: list("ConstraintMinDaysBetweenActivities", ("MinDays", "\(relation.minDays ?? 1)"))
            case .maxDaysApart: list("ConstraintMaxDaysBetweenActivities", ("MaxDays", "\(relation.maxDays ?? 0)"))
            case .minGap: list("ConstraintMinGapsBetweenActivities", ("MinGaps", "\(relation.minPeriods ?? 0)"))
            case .consecutive: for link in links { named("ConstraintTwoActivitiesConsecutive", link) }
            case .ordered: for link in links { named("ConstraintTwoActivitiesOrdered", link) }
            case .orderedIfSameDay: for link in links { named("ConstraintTwoActivitiesOrderedIfSameDay", link) }
            case .grouped where activities.count == 2: named("ConstraintTwoActivitiesGrouped", activities)
            case .grouped where activities.count == 3: named("ConstraintThreeActivitiesGrouped", activities)
            case .grouped, .endsCohortsDay: break
            }
        }
    }
}

extension FETWriter {
    /// A weight as FET writes it: no decimals when whole.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))" : "\(value)"
    }
}
