import Interchange
import Timetabling

/// Reads the contract's `SCHOOL` argument and applies `--scenario`, logging the reader's
/// warnings with `--verbose`.
enum SchoolLoading {
    static func load(_ path: String, scenario: String?, verbose: Bool) throws -> School {
        let source = try SchoolSource.read(path)
        var school = source.school
        if verbose { for warning in source.warnings { Log.info("warning: \(warning)") } }
        if let scenario {
            let overlay = try ScenarioOverlay.read(from: scenario)
            school = try overlay.apply(to: school)
            if verbose { Log.info("\(scenario): applied '\(overlay.name)', \(overlay.operations.count) operations") }
        }
        return school
    }
}
