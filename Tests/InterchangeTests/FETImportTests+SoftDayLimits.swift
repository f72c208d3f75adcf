import Foundation
import Interchange
import SchoolModel
import Testing

/// FET's max hours daily below 100%, on the tiny school (teachers Ann and Bo; students Y1 with
/// groups Y1a, split in Y1a-1 and Y1a-2, and Y1b).
extension FETImportTests {
    @Test(
        "soft max hours daily and continuously become soft day limits, soft room not available times avoided room times; both export back"
    )
    func softDayLimits() throws {
        let school = try importedWith(replacing: [
            (
                "</Time_Constraints_List>",
                """
                <ConstraintTeacherMaxHoursDaily><Weight_Percentage>95</Weight_Percentage><Teacher_Name>Ann</Teacher_Name><Maximum_Hours_Daily>3</Maximum_Hours_Daily><Active>true</Active><Comments></Comments></ConstraintTeacherMaxHoursDaily>
                <ConstraintTeachersMaxHoursDaily><Weight_Percentage>50</Weight_Percentage><Maximum_Hours_Daily>4</Maximum_Hours_Daily><Active>true</Active><Comments></Comments></ConstraintTeachersMaxHoursDaily>
                <ConstraintStudentsSetMaxHoursDaily><Weight_Percentage>80</Weight_Percentage><Maximum_Hours_Daily>2</Maximum_Hours_Daily><Students>Y1b</Students><Active>true</Active><Comments></Comments></ConstraintStudentsSetMaxHoursDaily>
                <ConstraintStudentsMaxHoursDaily><Weight_Percentage>10.5</Weight_Percentage><Maximum_Hours_Daily>3</Maximum_Hours_Daily><Active>true</Active><Comments></Comments></ConstraintStudentsMaxHoursDaily>
                <ConstraintTeacherActivityTagMaxHoursContinuously><Weight_Percentage>30</Weight_Percentage><Teacher_Name>Bo</Teacher_Name><Activity_Tag_Name>Lab</Activity_Tag_Name><Maximum_Hours_Continuously>1</Maximum_Hours_Continuously><Active>true</Active><Comments></Comments></ConstraintTeacherActivityTagMaxHoursContinuously>
                <ConstraintTeachersMaxHoursContinuously><Weight_Percentage>60</Weight_Percentage><Maximum_Hours_Continuously>2</Maximum_Hours_Continuously><Active>true</Active><Comments></Comments></ConstraintTeachersMaxHoursContinuously>
                </Time_Constraints_List>
                """
            ),
            (
                "</Space_Constraints_List>",
                """
                <ConstraintRoomNotAvailableTimes><Weight_Percentage>70</Weight_Percentage><Room>Lab</Room><Number_of_Not_Available_Times>1</Number_of_Not_Available_Times><Not_Available_Time><Day>Mon</Day><Hour>9:00</Hour></Not_Available_Time><Active>true</Active><Comments></Comments></ConstraintRoomNotAvailableTimes>
                </Space_Constraints_List>
                """
            ),
        ])
        let expected = [
            SoftDayLimit(teachers: ["Ann"], maxPeriodsPerDay: 3, weight: 95),
            SoftDayLimit(teachers: ["Ann", "Bo"], maxPeriodsPerDay: 4, weight: 50),
            SoftDayLimit(cohorts: ["Y1b"], maxPeriodsPerDay: 2, weight: 80),
            SoftDayLimit(cohorts: ["Y1a-1", "Y1a-2", "Y1b"], maxPeriodsPerDay: 3, weight: 10.5),
            SoftDayLimit(teachers: ["Bo"], tag: "Lab", maxConsecutive: 1, weight: 30),
            SoftDayLimit(teachers: ["Ann", "Bo"], maxConsecutive: 2, weight: 60),
        ]
        #expect(school.softDayLimits == expected)
        #expect(
            school.avoidedRoomTimes == [
                AvoidedRoomTimes(room: "Lab", times: [TimeSlots(day: "Mon", periods: ["9:00"])], weight: 70)
            ])
        #expect(school.rooms.allSatisfy { $0.unavailable == nil }, "a soft rule is no unavailability")
        #expect(school.teachers.allSatisfy { $0.maxPeriodsPerDay == nil }, "a soft rule is no hard limit")
        #expect(school.validate().filter { $0.severity == .error }.isEmpty)
        let again = try reimported(school)
        // Written back one FET constraint per person: the same limits on the same people.
        func limits(_ school: School) -> Set<String> {
            Set(
                (school.softDayLimits ?? []).flatMap { limit in
                    ((limit.teachers ?? []) + (limit.cohorts ?? [])).map {
                        "\($0) \(limit.tag ?? "") \(limit.maxPeriodsPerDay ?? -1) \(limit.maxConsecutive ?? -1) \(limit.weight)"
                    }
                })
        }
        #expect(limits(again) == limits(school))
        #expect(again.avoidedRoomTimes == school.avoidedRoomTimes)
    }
}
