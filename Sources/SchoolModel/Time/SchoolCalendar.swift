/// The term, for calendar exports: rotating cycle days are laid onto school days in order.
public struct SchoolCalendar: Codable, Sendable, Equatable {
    /// First day of the term, "YYYY-MM-DD".
    public var termStart: String
    /// Last day of the term, "YYYY-MM-DD".
    public var termEnd: String
    /// Days without school, "YYYY-MM-DD".
    public var holidays: [String]?
    /// IANA time zone of the school, e.g. "America/Chicago".
    public var timeZone: String?

    public init(termStart: String, termEnd: String, holidays: [String]? = nil, timeZone: String? = nil) {
        self.termStart = termStart
        self.termEnd = termEnd
        self.holidays = holidays
        self.timeZone = timeZone
    }
}
