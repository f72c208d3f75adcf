"""Where the benchmarks keep things: the benchmarks folder (HERE) and the repository (ROOT),
the results, the peers' venv, the release build, the baseline, the chart, the README, the model
generators and the peers' scripts. Every module of benchmarks/run imports them from here."""

import os

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
RESULTS = os.path.join(HERE, "results")
VENV = os.path.join(HERE, ".venv")
BUILD = os.path.join(HERE, ".build", "release")
BASELINE = os.path.join(HERE, "baseline.json")
CHART = os.path.join(HERE, "chart.svg")
README = os.path.join(HERE, "README.md")
GENERATORS = os.path.join(HERE, "generators")
PEERS = os.path.join(HERE, "peers")
