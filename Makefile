# The two commands: `make demo` and `make test`. Both install what is missing first.
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
SWIFT_BUILD_FLAGS ?=

.PHONY: deps demo test build lint clean sanitize fuzz

# GLPK from Debian (no pkg-config file there; the CGLPK module map links -lglpk itself), and
# FET's real school files (fet-data) and command-line generator (fet-cl) for the FET tests.
deps:
	@missing=""; \
	[ -f /usr/include/glpk.h ] || missing="$$missing libglpk-dev"; \
	[ -d /usr/share/doc/fet-data/examples ] || missing="$$missing fet-data"; \
	[ -x /usr/bin/fet-cl ] || missing="$$missing fet"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing$$missing (apt-get)"; \
	  $(SUDO) apt-get update && $(SUDO) apt-get install -y $$missing; \
	fi
	@python3 -c 'import jsonschema' 2>/dev/null || pip install --quiet jsonschema

build: deps
	swift build $(SWIFT_BUILD_FLAGS)

# The main job on a bundled example.
demo: build
	.build/debug/flexplan validate Examples/primary-school
	.build/debug/flexplan solve Examples/primary-school --time-limit 60 -o primary-plan.json
	.build/debug/flexplan check Examples/primary-school primary-plan.json
	.build/debug/flexplan flex Examples/middle-school --week 1 -o flex-week-1.json
	.build/debug/flexplan flex Examples/middle-school --week 2 --requests Examples/middle-school/flex-week-2.csv \
	  --previous flex-week-1.json -o flex-week-2.json

# The suite, then the concurrency tests again under ThreadSanitizer (own build folder).
test: deps
	python3 -m unittest discover -s benchmarks -p 'test_*.py'
	swift test $(SWIFT_BUILD_FLAGS)
	swift test --sanitize=thread --scratch-path .build-tsan --filter 'ConcurrencyTests|ProgressTests'

# The whole suite under AddressSanitizer, then under ThreadSanitizer (own build folders). No
# verdict depends on speed, so the suite needs no change to run several times slower there.
sanitize: deps
	swift test --sanitize=address --scratch-path .build-asan
	swift test --sanitize=thread --scratch-path .build-tsan

# The fuzzing campaign: every reader under libFuzzer, 1,000,000 inputs each (fuzz/run).
fuzz: deps
	fuzz/run

lint:
	swift format lint --strict --recursive Package.swift Sources Tests

clean:
	rm -rf .build
