internal import CGLPKGuard

/// GLPK's environment, which Debian's GLPK keeps per thread (``WorkerPool`` frees each
/// worker's).
enum GLPKEnvironment {
    /// Frees the calling thread's GLPK environment (`glp_free_env`). Every solver still alive
    /// on this thread becomes dead (its uses throw ``LinearProgrammingError/deadSolver``).
    ///
    /// A thread that solved models calls it before it ends: otherwise GLPK's thread-local
    /// environment leaks (LeakSanitizer reports it). The calling thread may use GLPK again
    /// afterwards; a new environment is made.
    static func releaseForCurrentThread() {
        fpg_release_environment()
    }
}
