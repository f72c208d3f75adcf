import Foundation

extension OneRoster {
    /// The spec's columns of each file, in the spec's order (OneRoster 1.1 CSV binding; 1.2 where
    /// it differs). Extension columns `metadata.*` may follow them.
    static func columns(of file: String, version: Version) -> [String] {
        switch (file, version) {
        case ("orgs.csv", _):
            return ["sourcedId", "status", "dateLastModified", "name", "type", "identifier", "parentSourcedId"]
        case ("academicSessions.csv", _):
            return [
                "sourcedId", "status", "dateLastModified", "title", "type", "startDate", "endDate", "parentSourcedId",
                "schoolYear",
            ]
        case ("courses.csv", _):
            return [
                "sourcedId", "status", "dateLastModified", "schoolYearSourcedId", "title", "courseCode", "grades",
                "orgSourcedId", "subjects", "subjectCodes",
            ]
        case ("classes.csv", _):
            return [
                "sourcedId", "status", "dateLastModified", "title", "grades", "courseSourcedId", "classCode",
                "classType", "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes", "periods",
            ]
        case ("users.csv", .v1_1):
            return [
                "sourcedId", "status", "dateLastModified", "enabledUser", "orgSourcedIds", "role", "username",
                "userIds", "givenName", "familyName", "middleName", "identifier", "email", "sms", "phone",
                "agentSourcedIds", "grades", "password",
            ]
        case ("users.csv", .v1_2):
            return [
                "sourcedId", "status", "dateLastModified", "enabledUser", "username", "userIds", "givenName",
                "familyName", "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades",
                "password", "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName", "preferredMiddleName",
                "preferredFamilyName", "primaryOrgSourcedId", "pronouns",
            ]
        case ("roles.csv", _):
            return [
                "sourcedId", "status", "dateLastModified", "userSourcedId", "roleType", "role", "orgSourcedId",
                "userProfileSourcedId", "beginDate", "endDate",
            ]
        case ("enrollments.csv", _):
            return [
                "sourcedId", "status", "dateLastModified", "classSourcedId", "schoolSourcedId", "userSourcedId", "role",
                "primary", "beginDate", "endDate",
            ]
        default:
            return []
        }
    }

    /// The words of `status`: OneRoster 1.1 and 1.2 have active and tobedeleted; 1.0's inactive
    /// is read too (as tobedeleted is: the record is left out).
    static let statuses = ["active", "tobedeleted", "inactive"]

    /// The words of `role` (users.csv in 1.1, roles.csv in 1.2, enrollments.csv): the roles of
    /// OneRoster 1.1 and 1.2 together. OneRoster 1.2 also allows extensions, `ext:…`.
    static let roles = [
        "administrator", "aide", "counselor", "districtAdministrator", "guardian", "parent", "principal", "proctor",
        "relative", "siteAdministrator", "student", "systemAdministrator", "teacher",
    ]

    /// Columns the importer reads, which must be there.
    static func requiredColumns(of file: String, version: Version) -> [String] {
        switch file {
        case "orgs.csv": return ["sourcedId", "name", "type"]
        case "academicSessions.csv": return ["sourcedId", "title", "type", "startDate", "endDate"]
        case "courses.csv": return ["sourcedId", "title", "courseCode"]
        case "classes.csv": return ["sourcedId", "title", "courseSourcedId", "classType"]
        case "users.csv":
            return version == .v1_1
                ? ["sourcedId", "role", "givenName", "familyName", "grades"]
                : ["sourcedId", "givenName", "familyName", "grades"]
        case "roles.csv": return ["userSourcedId", "roleType", "role"]
        case "enrollments.csv": return ["sourcedId", "classSourcedId", "userSourcedId", "role"]
        default: return []
        }
    }

    /// Checks a header against the spec: only the spec's columns, in its order (optional ones
    /// may be left out), then `metadata.*` extensions; names are case-sensitive.
    static func checkHeader(_ table: CSVTable, version: Version) throws -> [String: Int] {
        let name = URL(fileURLWithPath: table.file).lastPathComponent
        let spec = columns(of: name, version: version)
        var positions: [String: Int] = [:]
        var specIndex = 0
        var extensionColumn: Int?
        for (index, column) in table.header.enumerated() {
            if column.hasPrefix("metadata.") {
                extensionColumn = extensionColumn ?? index
                continue
            }
            if extensionColumn != nil {
                throw InterchangeError(
                    file: table.file, line: 1, column: index + 1,
                    message: "'\(column)' after the metadata.* extension columns; extensions go to the right")
            }
            guard let found = spec[specIndex...].firstIndex(of: column) else {
                let message =
                    spec.contains(column)
                    ? "column '\(column)' out of the spec's order (\(spec.joined(separator: ",")))"
                    : spec.contains(where: { $0.lowercased() == column.lowercased() })
                        ? "'\(column)': OneRoster headers are case-sensitive; expected one of \(spec.joined(separator: ","))"
                        : "unknown column '\(column)'; OneRoster \(version.rawValue) has \(spec.joined(separator: ",")) and metadata.* extensions"
                throw InterchangeError(file: table.file, line: 1, column: index + 1, message: message)
            }
            positions[column] = index
            specIndex = found + 1
        }
        for column in requiredColumns(of: name, version: version) where positions[column] == nil {
            throw InterchangeError(
                file: table.file, line: 1, message: "missing column '\(column)' (OneRoster \(version.rawValue))")
        }
        return positions
    }
}
