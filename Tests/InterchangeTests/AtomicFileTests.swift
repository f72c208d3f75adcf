import Foundation
import Interchange
import Testing

@Suite("Atomic writes of files and folders")
struct AtomicFileTests {
    @Test("a write removes the temporary files of killed writers, and leaves a live writer's")
    func leftovers() throws {
        let folder = try temporaryFolder("atomic")
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("plan.json").path
        // A writer that is gone (no process has pid 2^22 + 1: above Linux's largest pid), one
        // from before process ids were in the name, and one whose process is alive (ours' parent).
        let dead = ".plan.json.4194305.\(UUID().uuidString).tmp"
        let legacy = ".plan.json.\(UUID().uuidString).tmp"
        let live = ".plan.json.\(getppid()).\(UUID().uuidString).tmp"
        let other = ".other.json.4194305.\(UUID().uuidString).tmp"
        for name in [dead, legacy, live, other] {
            try Data("half".utf8).write(to: folder.appendingPathComponent(name))
        }
        try AtomicFile.write(Data("{}".utf8), to: target)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(names == ["plan.json", live, other])
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "{}")
    }

    @Test("a folder left aside by a run killed between its two renames comes back before the next run")
    func folderAside() throws {
        let parent = try temporaryFolder("aside")
        defer { try? FileManager.default.removeItem(at: parent) }
        let target = parent.appendingPathComponent("out")
        let aside = parent.appendingPathComponent(".out.flexplan-old-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: aside, withIntermediateDirectories: false)
        try Data("previous".utf8).write(to: aside.appendingPathComponent("plan.json"))
        struct Failed: Error {}
        // The next run fails before its swap: the previous output is there again, whole.
        #expect(throws: Failed.self) { try OutputPaths.writeFolder(target.path) { _ in throw Failed() } }
        #expect(try String(contentsOf: target.appendingPathComponent("plan.json"), encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["out"])
    }
}
