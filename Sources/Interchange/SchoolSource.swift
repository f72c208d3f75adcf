import Foundation
import Timetabling

/// Where a school comes from: the contract's `SCHOOL` argument.
public enum SchoolSource {
    /// Loads a school from a FlexPlan JSON file or a school folder holding `school.json`.
    public static func load(_ path: String) throws -> School {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InterchangeError(file: path, message: "no such file or folder")
        }
        if isDirectory.boolValue {
            let json = URL(fileURLWithPath: path).appendingPathComponent("school.json").path
            guard FileManager.default.fileExists(atPath: json) else {
                throw InterchangeError(file: path, message: "a school folder holds school.json; none here")
            }
            return try SchoolJSON.read(from: json)
        }
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "json":
            return try SchoolJSON.read(from: path)
        default:
            throw InterchangeError(
                file: path, message: "unknown school format; expected a .json file or a school folder")
        }
    }
}
