import Foundation

/// Where a command will write, checked before any work starts, and folders of outputs
/// written as a whole.
///
/// A solve that runs for minutes must not end in "cannot write": a file path whose folder is
/// missing or is a file, a folder path that is a file, are refused at once (exit 2, naming
/// the path). A folder of outputs (`--out DIR`) is built beside its target and swapped in, so
/// that it holds one run's files: never a mix of two runs, never a previous school's files.
public enum OutputPaths {
    /// Refuses a file path that cannot be written: a folder, or a path whose folder is missing,
    /// is a file, or is not writable; or one of the command's `inputs` (a plan written over the
    /// school it was made from would lose the school).
    public static func checkFile(_ path: String, sparing inputs: [String] = []) throws {
        let real = realPath(path)
        if let input = inputs.first(where: { realPath($0) == real }) {
            throw InterchangeError(
                file: path, message: "is read by this command (as \(input)); write the output to another file")
        }
        var isDirectory: ObjCBool = false
        let resolved = URL(fileURLWithPath: AtomicFile.target(of: path))
        if FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw InterchangeError(file: path, message: "is a folder; a file name is needed here")
        }
        let folder = resolved.deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else {
            throw InterchangeError(file: path, message: "its folder \(folder) does not exist")
        }
        guard isDirectory.boolValue else {
            throw InterchangeError(file: path, message: "\(folder) is a file, not a folder")
        }
        guard FileManager.default.isWritableFile(atPath: folder) else {
            throw InterchangeError(file: path, message: "the folder \(folder) is not writable")
        }
    }

    /// Refuses a folder path that cannot be written: an existing file, or a path under a file,
    /// or whose nearest existing folder is not writable.
    /// A folder that holds one of the command's `inputs` is refused too: it would be replaced.
    public static func checkFolder(_ path: String, sparing inputs: [String] = []) throws {
        let real = realPath(path)
        if let input = inputs.first(where: { realPath($0) == real || realPath($0).hasPrefix(real + "/") }) {
            throw InterchangeError(
                file: path,
                message: "holds \(input), an input of this command, and would replace it; write to another folder")
        }
        var isDirectory: ObjCBool = false
        var url = URL(fileURLWithPath: path).standardizedFileURL
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw InterchangeError(file: path, message: "is a file; a folder is needed here")
            }
            url.deleteLastPathComponent()
        }
        while !FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            url.deleteLastPathComponent()
        }
        guard isDirectory.boolValue else {
            throw InterchangeError(file: path, message: "\(url.path) is a file, so no folder can be made under it")
        }
        guard FileManager.default.isWritableFile(atPath: url.path) else {
            throw InterchangeError(file: path, message: "the folder \(url.path) is not writable")
        }
    }

    /// `path` absolute, with symbolic links resolved: two names of one file compare equal.
    private static func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Writes the folder `path` as a whole: `body` fills a new folder beside it, which then
    /// replaces `path` (what was there before is removed). If `body` throws, `path` is left
    /// as it was. Leftovers of a run killed half-way (hidden siblings named after `path`)
    /// are removed first; a previous folder set aside by a run killed between its two
    /// renames is put back first.
    public static func writeFolder<Result>(_ path: String, _ body: (String) throws -> Result) throws -> Result {
        try checkFolder(path)
        let target = URL(fileURLWithPath: path).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        let prefix = ".\(target.lastPathComponent).flexplan-"
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? []).filter {
            $0.hasPrefix(prefix)
        }
        // A run killed between its two renames left no folder, and the previous one aside: it
        // comes back, so that a kill never loses the last whole output.
        if !FileManager.default.fileExists(atPath: target.path),
            let aside = leftovers.first(where: { $0.hasPrefix(prefix + "old-") })
        {
            _ = rename(parent.appendingPathComponent(aside).path, target.path)
        }
        for leftover in leftovers
        where FileManager.default.fileExists(atPath: parent.appendingPathComponent(leftover).path) {
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(leftover))
        }
        let fresh = parent.appendingPathComponent(prefix + "new-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: false)
        let result: Result
        do {
            result = try body(fresh.path)
        } catch {
            try? FileManager.default.removeItem(at: fresh)
            throw error
        }
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) {
            let aside = parent.appendingPathComponent(prefix + "old-" + UUID().uuidString)
            guard rename(target.path, aside.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: fresh)
                throw InterchangeError(file: path, message: "cannot replace the folder: \(reason)")
            }
            guard rename(fresh.path, target.path) == 0 else {
                let reason = String(cString: strerror(errno))
                _ = rename(aside.path, target.path)
                try? FileManager.default.removeItem(at: fresh)
                throw InterchangeError(file: path, message: "cannot replace the folder: \(reason)")
            }
            try? FileManager.default.removeItem(at: aside)
        } else {
            guard rename(fresh.path, target.path) == 0 else {
                let reason = String(cString: strerror(errno))
                try? FileManager.default.removeItem(at: fresh)
                throw InterchangeError(file: path, message: "cannot create the folder: \(reason)")
            }
        }
        return result
    }
}
