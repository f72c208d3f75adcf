"""What a run measures with, and on: FlexPlan's release build (`lpbench` and `flexplan`, built
through the benchmarks package), the peers (glpsol and CBC from apt, HiGHS and PuLP in the venv)
and their versions, and the machine and commit the records are stamped with."""

import os
import platform
import shutil
import sys
import time

from paths import BUILD, HERE, ROOT, VENV
from shell import log, sh


def build(skip):
    lpbench, flexplan = os.path.join(BUILD, "lpbench"), os.path.join(BUILD, "flexplan")
    if skip:
        if not (os.path.exists(lpbench) and os.path.exists(flexplan)):
            raise SystemExit("run: --no-build, but %s or %s is missing" % (lpbench, flexplan))
        return
    for extra in ([], ["--product", "flexplan"]):
        # Without manifest caching: SwiftPM otherwise misses source files added to the
        # path dependency (FlexPlan itself) since the last build of this package.
        cmd = ["swift", "build", "-c", "release", "--package-path", HERE,
               "--disable-build-manifest-caching"] + extra
        log("$ " + " ".join(cmd))
        for attempt in range(3):     # a file edited during the build fails it: try again
            r = sh(cmd)
            if r.returncode == 0 or "modified during the build" not in r.stdout + r.stderr:
                break
            log("run: a source file changed during the build; building again")
            time.sleep(5)
        if r.returncode != 0:
            log(r.stdout[-4000:] + r.stderr[-4000:])
            raise SystemExit("run: the release build failed")


def venv_python():
    return os.path.join(VENV, "bin", "python")


def install_peers(wanted, allowed):
    """Makes the peers in `wanted` available when they are missing; returns the set available."""
    have = set(["flexplan"])
    apt = [p for s, p in (("glpsol", "glpk-utils"), ("cbc", "coinor-cbc"))
           if s in wanted and not shutil.which(s)]
    if apt and allowed:
        prefix = [] if os.geteuid() == 0 else (["sudo"] if shutil.which("sudo") else None)
        if prefix is None:
            log("run: cannot install %s (not root, no sudo)" % ", ".join(apt))
        else:
            log("$ apt-get update && apt-get install -y " + " ".join(apt))
            if sh(prefix + ["apt-get", "update"]).returncode == 0:
                r = sh(prefix + ["apt-get", "install", "-y"] + apt)
                if r.returncode != 0:
                    log(r.stderr[-2000:])
    for s in ("glpsol", "cbc"):
        if s in wanted and shutil.which(s):
            have.add(s)
    py = [(s, m) for s, m in (("highs", "highspy"), ("pulp", "pulp")) if s in wanted]
    if py:
        def importable(module):
            return os.path.exists(venv_python()) and \
                sh([venv_python(), "-c", "import " + module]).returncode == 0
        missing = [m for _, m in py if not importable(m)]
        if missing and allowed:
            if not os.path.exists(venv_python()):
                log("$ python3 -m venv " + VENV)
                sh([sys.executable, "-m", "venv", VENV])
            log("$ %s -m pip install %s" % (venv_python(), " ".join(missing)))
            r = sh([venv_python(), "-m", "pip", "install", "--quiet"] + missing)
            if r.returncode != 0:
                log(r.stderr[-2000:])
        for s, m in py:
            if importable(m):
                have.add(s)
    for s in sorted(set(wanted) - have):
        log("run: %s is not available; its records are skipped" % s)
    return have


def versions(available):
    v = {"swift": (sh(["swift", "--version"]).stdout or sh(["swift", "--version"]).stderr)
         .splitlines()[0] if shutil.which("swift") else None}
    if "glpsol" in available:
        v["glpsol"] = sh(["glpsol", "--version"]).stdout.splitlines()[0]
    if "cbc" in available:
        line = [l for l in sh(["cbc", "-quit"]).stdout.splitlines() if l.startswith("Version")]
        v["cbc"] = line[0].replace("Version:", "CBC").strip() if line else "cbc"
    for s, m in (("highs", "highspy"), ("pulp", "pulp")):
        if s in available:
            r = sh([venv_python(), "-c", "import importlib.metadata as m; print(m.version('%s'))" % m])
            v[s] = m + " " + r.stdout.strip()
    return v


def git(*args):
    try:
        r = sh(["git", "-C", ROOT] + list(args))
        return r.stdout.strip() if r.returncode == 0 else None
    except OSError:
        return None


def machine_info():
    commit = git("rev-parse", "HEAD")
    # changes to what the benchmarks build (the working tree is built, not the commit)
    dirty = git("status", "--porcelain", "--", "Sources", "Package.swift", "benchmarks")
    return {"commit": commit, "dirty": bool(dirty), "cores": os.cpu_count(),
            "machine": platform.machine(), "system": platform.platform(terse=True)}
