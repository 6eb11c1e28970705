# Vitrine: `make run` and `make test` work on a fresh Debian 12 machine.
BUILD_DIR  ?= build
# RelWithDebInfo with line tables only (-g1): backtraces name functions and lines, and a build
# from scratch takes about 40% less compiler time than with full debug information.
BUILD_TYPE ?= RelWithDebInfo
VITRINE_DB ?= $(HOME)/.local/share/vitrine/demo.vitrine
CTEST_ARGS ?=

.PHONY: all deps configure build run demo test bench clean

all: build

deps:
	@bash .ci/install-deps.sh

$(BUILD_DIR)/build.ninja: CMakeLists.txt | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
		-DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g1 -DNDEBUG"

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR)

# Creates the demo catalog at $(VITRINE_DB) if there is none, then opens it in the studio.
run: build
	@if [ ! -f "$(VITRINE_DB)" ]; then \
		echo "Creating the demo catalog at $(VITRINE_DB) ..."; \
		$(BUILD_DIR)/app/vitrine-cli --db "$(VITRINE_DB)" demo; \
	fi
	$(BUILD_DIR)/app/vitrine "$(VITRINE_DB)"

demo: build
	$(BUILD_DIR)/app/vitrine-cli --db "$(VITRINE_DB)" demo --replace

test: build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure $(CTEST_ARGS)

bench: build
	bash tests/bench/run-benchmarks.sh

clean:
	rm -rf $(BUILD_DIR)

# Reliability (docs/reliability.md). Presets in CMakePresets.json; build dirs build-asan, build-fuzz.
FUZZ_SECONDS ?= 60

.PHONY: asan-test fuzz

# Every test suite under AddressSanitizer + UndefinedBehaviorSanitizer, leaks included, with the
# fuzz corpora and their past findings replayed as tests too.
asan-test: deps
	cmake --preset asan
	cmake --build --preset asan
	ctest --preset asan $(CTEST_ARGS)

# The libFuzzer targets (clang): replays the seed corpora and regressions, then fuzzes each
# target for FUZZ_SECONDS from a scratch copy of its corpus (build-fuzz/fuzz-work).
fuzz: deps
	cmake --preset fuzz
	cmake --build --preset fuzz
	ctest --test-dir build-fuzz/tests/fuzz --output-on-failure
	bash tests/fuzz/run-fuzzers.sh build-fuzz $(FUZZ_SECONDS)
