import Foundation

/// Writes files the contract's way: a temporary file in the same folder, fsync, rename.
public enum AtomicFile {
    /// Replaces `path` with `data` atomically. A symbolic link is followed: the file it
    /// points to is replaced, the link stays.
    public static func write(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: target(of: path))
        let folder = url.deletingLastPathComponent()
        removeLeftovers(of: url.lastPathComponent, in: folder)
        let temporary = folder.appendingPathComponent(
            ".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp"
        ).path
        guard FileManager.default.createFile(atPath: temporary, contents: nil) else {
            throw InterchangeError(file: path, message: "cannot create a file in \(folder.path)")
        }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            defer { try? handle.close() }
            try handle.write(contentsOf: data)
            try handle.synchronize()
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw InterchangeError(file: path, message: "cannot write: \(error.localizedDescription)")
        }
        guard rename(temporary, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw InterchangeError(file: path, message: "cannot replace: \(reason)")
        }
    }

    /// Removes the temporary files of writes to `name` that a killed process left behind
    /// (`.NAME.PID.UUID.tmp` whose process is gone); a live writer's file stays.
    static func removeLeftovers(of name: String, in folder: URL) {
        let prefix = ".\(name)."
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for leftover in names where leftover.hasPrefix(prefix) && leftover.hasSuffix(".tmp") {
            let fields = leftover.dropFirst(prefix.count).split(separator: ".")
            // Files of writers before the process id was part of the name have no number here.
            let owner = fields.first.flatMap { pid_t($0) }
            if let owner, owner != getpid(), kill(owner, 0) == 0 || errno != ESRCH { continue }
            try? FileManager.default.removeItem(at: folder.appendingPathComponent(leftover))
        }
    }

    /// The file `path` names: itself, or what the symbolic link at `path` points to (even when
    /// that does not exist yet), following up to 16 links.
    public static func target(of path: String) -> String {
        var current = path
        for _ in 0..<16 {
            guard let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else { break }
            current =
                destination.hasPrefix("/")
                ? destination
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(destination).path
        }
        return current
    }
}
