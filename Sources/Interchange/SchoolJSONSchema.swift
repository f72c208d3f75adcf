import Foundation

/// The JSON Schema of the school format, bundled with the module.
public enum SchoolJSONSchema {
    /// The schema's text (JSON Schema 2020-12).
    public static func text() throws -> String {
        guard let url = Bundle.module.url(forResource: "school.schema", withExtension: "json"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else {
            throw InterchangeError(file: "school.schema.json", message: "the bundled schema is missing")
        }
        return text
    }
}
