import Foundation
import Interchange
import SchoolModel
import Testing

/// FET's building changes and rooms shared by activities, on the tiny school (rooms Lab and
/// R1; activities 1 and 2 of Ann for Y1a, 3 of Bo for Y1, 4 of Bo for Y1b).
extension FETImportTests {
    @Test("buildings and building-change rules of each form, and rooms shared by activities, read and export back")
    func roomRules() throws {
        let school = try importedReplacing(
            ("<Name>Lab</Name><Building></Building>", "<Name>Lab</Name><Building>East</Building>"),
            ("<Name>R1</Name><Building></Building>", "<Name>R1</Name><Building>West</Building>"),
            (
                "</Space_Constraints_List>",
                """
                <ConstraintTeacherMaxBuildingChangesPerDay><Weight_Percentage>100</Weight_Percentage><Teacher>Bo</Teacher><Max_Building_Changes_Per_Day>1</Max_Building_Changes_Per_Day><Active>true</Active><Comments></Comments></ConstraintTeacherMaxBuildingChangesPerDay>
                <ConstraintStudentsMaxBuildingChangesPerWeek><Weight_Percentage>100</Weight_Percentage><Max_Building_Changes_Per_Week>3</Max_Building_Changes_Per_Week><Active>true</Active><Comments></Comments></ConstraintStudentsMaxBuildingChangesPerWeek>
                <ConstraintStudentsSetMinGapsBetweenBuildingChanges><Weight_Percentage>100</Weight_Percentage><Students>Y1b</Students><Min_Gaps_Between_Building_Changes>1</Min_Gaps_Between_Building_Changes><Active>true</Active><Comments></Comments></ConstraintStudentsSetMinGapsBetweenBuildingChanges>
                <ConstraintTeachersMinGapsBetweenBuildingChanges><Weight_Percentage>95</Weight_Percentage><Min_Gaps_Between_Building_Changes>1</Min_Gaps_Between_Building_Changes><Active>true</Active><Comments></Comments></ConstraintTeachersMinGapsBetweenBuildingChanges>
                <ConstraintActivitiesOccupyMaxDifferentRooms><Weight_Percentage>100</Weight_Percentage><Number_of_Activities>3</Number_of_Activities><Activity_Id>1</Activity_Id><Activity_Id>2</Activity_Id><Activity_Id>4</Activity_Id><Max_Number_of_Different_Rooms>1</Max_Number_of_Different_Rooms><Active>true</Active><Comments></Comments></ConstraintActivitiesOccupyMaxDifferentRooms>
                <ConstraintActivitiesSameRoomIfConsecutive><Weight_Percentage>100</Weight_Percentage><Number_of_Activities>2</Number_of_Activities><Activity_Id>1</Activity_Id><Activity_Id>5</Activity_Id><Active>true</Active><Comments></Comments></ConstraintActivitiesSameRoomIfConsecutive>
                </Space_Constraints_List>
                """
            ))
        #expect(school.school.rooms.map(\.building) == ["East", "West"])
        let expected = [
            RoomRule(kind: .maxBuildingChangesPerDay, teachers: ["Bo"], count: 1),
            RoomRule(kind: .maxBuildingChangesPerWeek, cohorts: ["Y1a-1", "Y1a-2", "Y1b"], count: 3),
            RoomRule(kind: .minGapsBetweenBuildingChanges, cohorts: ["Y1b"], count: 1),
            RoomRule(kind: .maxDifferentRooms, activities: ["1", "2", "4"], count: 1),
        ]
        // The soft (95%) rule is reported, not read; the rule over activities 1 and the
        // inactive 5 has nothing to keep.
        #expect(school.school.roomRules == expected)
        #expect(school.report.unsupported["ConstraintTeachersMinGapsBetweenBuildingChanges"]?.count == 1)
        #expect(school.school.validate().filter { $0.severity == .error }.isEmpty)
        let again = try reimported(school.school)
        #expect(again.rooms.map(\.building) == ["East", "West"])
        // Written back one FET constraint per person: the same rules on the same people.
        func rules(_ school: School) -> Set<String> {
            Set(
                (school.roomRules ?? []).flatMap { rule in
                    rule.isBuildingRule
                        ? ((rule.teachers ?? []) + (rule.cohorts ?? [])).map {
                            "\(rule.kind) \($0) \(rule.count ?? -1)"
                        }
                        : ["\(rule.kind) \(rule.activities ?? []) \(rule.count ?? -1)"]
                })
        }
        #expect(rules(again) == rules(school.school))
    }
}
