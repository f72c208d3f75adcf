import ArgumentParser
import Interchange

/// `flexplan schema`: the JSON Schema of the school format.
struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (2020-12) of the FlexPlan school format.")

    func run() throws {
        do {
            print(try SchoolJSONSchema.text(), terminator: "")
        } catch {
            throw CommandFailure(error)
        }
    }
}
