import Crypto
import Foundation
import SchoolModel

/// The plan file: a versioned JSON record of a solved timetable, deterministic for the same
/// input, scenario and seed (it holds no clock time).
public struct PlanFile: Codable, Sendable, Equatable {
    public static let currentFormatVersion = 1

    /// Which school file, by path and content hash.
    public struct SchoolReference: Codable, Sendable, Equatable {
        public var path: String
        public var sha256: String
        /// True when the school was a `.fet` read with `--ignore-unsupported` (hard rules of
        /// the file were left out); commands that re-read the school from the plan read it so.
        public var ignoreUnsupported: Bool?

        public init(path: String, sha256: String, ignoreUnsupported: Bool = false) {
            self.path = path
            self.sha256 = sha256
            self.ignoreUnsupported = ignoreUnsupported ? true : nil
        }
    }

    public var formatVersion: Int
    public var school: SchoolReference
    /// The scenario overlay applied, if any.
    public var scenario: String?
    public var seed: UInt64
    /// "FlexPlan x.y.z".
    public var createdBy: String
    public var status: String
    /// The plan's total penalty as the solver claims it (the checker's `softScore` must equal it).
    public var objective: Double?
    public var bound: Double?
    public var placements: [Placement]
    /// Per team with a requirement: its blocks (every member free) and minutes.
    public var teams: [TeamTime]
    /// Per teacher with a planning requirement: individual planning minutes.
    public var planning: [PlanningTime]
    /// Penalty per soft rule, from the checker.
    public var scores: [String: Double]
    /// Students loaded into sections (`flexplan load`); absent before loading.
    public var sections: [SectionAssignment]?
    /// A week's flex assignment (`flexplan flex`); absent otherwise.
    public var flex: FlexWeekPlan?

    public init(
        school: SchoolReference, scenario: String?, seed: UInt64, createdBy: String, status: String,
        objective: Double?, bound: Double?, placements: [Placement], teams: [TeamTime] = [],
        planning: [PlanningTime] = [], scores: [String: Double]
    ) {
        formatVersion = Self.currentFormatVersion
        self.school = school
        self.scenario = scenario
        self.seed = seed
        self.createdBy = createdBy
        self.status = status
        self.objective = objective
        self.bound = bound
        self.placements = placements
        self.teams = teams
        self.planning = planning
        self.scores = scores
    }

    private enum CodingKeys: String, CodingKey {
        case formatVersion, school, scenario, seed, createdBy, status, objective, bound, placements, teams, planning,
            scores, sections, flex
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try container.decode(Int.self, forKey: .formatVersion)
        school = try container.decode(SchoolReference.self, forKey: .school)
        scenario = try container.decodeIfPresent(String.self, forKey: .scenario)
        if let seed = try? container.decode(UInt64.self, forKey: .seed) {
            self.seed = seed
        } else {
            let seed = try container.decode(Int64.self, forKey: .seed)
            throw DecodingError.dataCorruptedError(
                forKey: .seed, in: container, debugDescription: "a seed is 0 or more, not \(seed)")
        }
        createdBy = try container.decode(String.self, forKey: .createdBy)
        status = try container.decode(String.self, forKey: .status)
        objective = try container.decodeIfPresent(Double.self, forKey: .objective)
        bound = try container.decodeIfPresent(Double.self, forKey: .bound)
        placements = try container.decode([Placement].self, forKey: .placements)
        // Plans written before team time was planned have neither.
        teams = try container.decodeIfPresent([TeamTime].self, forKey: .teams) ?? []
        planning = try container.decodeIfPresent([PlanningTime].self, forKey: .planning) ?? []
        scores = try container.decodeIfPresent([String: Double].self, forKey: .scores) ?? [:]
        sections = try container.decodeIfPresent([SectionAssignment].self, forKey: .sections)
        flex = try container.decodeIfPresent(FlexWeekPlan.self, forKey: .flex)
    }

    /// Reads a plan file.
    public static func read(from path: String) throws -> PlanFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InterchangeError(file: path, message: "no readable file")
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw SchoolJSON.unrepresentableNumber(error, in: data, file: path)
                ?? SchoolJSON.syntaxError(error, in: data, file: path)
        }
        let problems = schemaCheck.problems(of: object)
        if !problems.isEmpty { throw SchoolJSON.schemaError(problems, object: object, data: data, file: path) }
        do {
            let plan = try JSONDecoder().decode(PlanFile.self, from: data)
            guard plan.formatVersion == currentFormatVersion else {
                throw InterchangeError(
                    file: path, path: "$.formatVersion",
                    message: "plan format version \(plan.formatVersion) is not supported")
            }
            return plan
        } catch let error as DecodingError {
            func located(_ context: DecodingError.Context, _ message: String) -> InterchangeError {
                let steps = context.codingPath.map {
                    $0.intValue.map(JSONSchemaCheck.Step.index) ?? .key($0.stringValue)
                }
                return InterchangeError(
                    file: path, line: JSONLineLocator.lines(of: [steps], in: data)[steps],
                    path: SchoolJSON.jsonPath(steps, in: object), message: message)
            }
            switch error {
            case .keyNotFound(let key, let context):
                throw located(context, "missing field '\(key.stringValue)'")
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                throw located(context, "invalid value: \(context.debugDescription)")
            @unknown default:
                throw InterchangeError(file: path, message: "\(error)")
            }
        }
    }

    /// The checker of ``PlanFileSchema``, built once.
    private static let schemaCheck: JSONSchemaCheck = {
        do {
            return try JSONSchemaCheck(schemaText: PlanFileSchema.text)
        } catch {
            preconditionFailure("the plan file's schema does not parse: \(error)")
        }
    }()

    /// The plan as pretty JSON with sorted keys.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        var data = try encoder.encode(self)
        data.append(0x0A)
        return data
    }

    /// Writes the plan atomically.
    public func write(to path: String) throws {
        try AtomicFile.write(encoded(), to: path)
    }

    /// SHA-256 of a file's bytes (for a folder, of its files in name order), in hex.
    public static func sha256(of path: String) -> String {
        var hasher = SHA256()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter {
                !$0.hasPrefix(".")
            }.sorted()
            for name in names {
                hasher.update(data: Data(name.utf8))
                hasher.update(data: FileManager.default.contents(atPath: path + "/" + name) ?? Data())
            }
        } else {
            hasher.update(data: FileManager.default.contents(atPath: path) ?? Data())
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
