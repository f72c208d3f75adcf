import Foundation
import Interchange
import SchoolModel
import Testing

/// `FET.lock`: a plan locked into the user's own file names its days, hours and rooms exactly as
/// the file spells them (FET matches names exactly, FlexPlan reads them trimmed).
@Suite("FET lock into the original")
struct FETLockTests {
    static let original = """
        <?xml version="1.0" encoding="UTF-8"?>
        <fet version="5.41.0">
        <Days_List><Number_of_Days>1</Number_of_Days><Day><Name>Mon </Name></Day></Days_List>
        <Hours_List><Number_of_Hours>1</Number_of_Hours><Hour><Name> 1</Name></Hour></Hours_List>
        <Activities_List><Activity><Id>1</Id></Activity></Activities_List>
        <Rooms_List><Room><Name>Aula: 1º BACH B\t\t</Name></Room></Rooms_List>
        <Time_Constraints_List>
        </Time_Constraints_List>
        <Space_Constraints_List>
        </Space_Constraints_List>
        </fet>

        """

    @Test("names with spaces or tabs around them are written as the file has them")
    func namesAsSpelled() throws {
        let placement = Placement(activity: "1", day: "Mon", period: "1", room: "Aula: 1º BACH B")
        let locked = try FET.lock([placement], into: Self.original, file: "school.fet")
        #expect(locked.contains("<Room>Aula: 1º BACH B\t\t</Room>"))
        #expect(locked.contains("<Preferred_Day>Mon </Preferred_Day>"))
        #expect(locked.contains("<Preferred_Hour> 1</Preferred_Hour>"))
        #expect(locked.hasPrefix(Self.original.components(separatedBy: "<Time_Constraints_List>")[0]))
    }

    @Test("a room the file does not have is refused, by the plan's name")
    func unknownRoom() {
        let placement = Placement(activity: "1", day: "Mon", period: "1", room: "Lab")
        #expect(throws: InterchangeError.self) {
            try FET.lock([placement], into: Self.original, file: "school.fet")
        }
    }
}
