/// Weights of the soft rules, each a penalty per unit of violation.
///
/// Units: `teacherGap` and `cohortGap` per idle period between two lessons of one day;
/// `preferredTime` per lesson starting outside its preferred times; `preferredRoom` per lesson
/// outside its preferred rooms (for a lesson that needs no room, per lesson in none of them); `roomChange` per change of room between a cohort's consecutive
/// lessons; `lateStart` per cohort day whose first lesson is not in the first teaching period;
/// `unevenDays` per period a teacher's or cohort's day exceeds their even share (weekly load over
/// the days, rounded up); `shortDay` per period a teacher's teaching day falls below their
/// `minPeriodsPerDay`; `unmetRequest` per unit of request weight not met. Relations carry their
/// own weights.
public struct SoftRuleWeights: Codable, Sendable, Equatable {
    public var teacherGap: Double?
    public var cohortGap: Double?
    public var preferredTime: Double?
    public var preferredRoom: Double?
    public var roomChange: Double?
    public var lateStart: Double?
    public var unevenDays: Double?
    public var shortDay: Double?
    public var unmetRequest: Double?

    public init() {}

    /// The weights with FlexPlan's defaults where absent.
    public var resolved: SoftRuleWeights {
        var result = self
        result.teacherGap = teacherGap ?? 1
        result.cohortGap = cohortGap ?? 3
        result.preferredTime = preferredTime ?? 1
        result.preferredRoom = preferredRoom ?? 1
        result.roomChange = roomChange ?? 0
        result.lateStart = lateStart ?? 2
        result.unevenDays = unevenDays ?? 0
        result.shortDay = shortDay ?? 1
        result.unmetRequest = unmetRequest ?? 10
        return result
    }
}
