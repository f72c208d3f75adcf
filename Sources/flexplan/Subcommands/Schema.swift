import ArgumentParser
import Interchange
import SchoolModel

/// `flexplan schema`: the JSON Schema of the school format.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (2020-12) of the FlexPlan school format.")

    @OptionGroup var log: VerboseFlag

    func run() throws {
        let text = try SchoolJSONSchema.text()
        if log.verbose { Log.info("schema: \(text.utf8.count) bytes (JSON Schema 2020-12)") }
        print(text, terminator: "")
    }
}
