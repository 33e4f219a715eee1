# Parallax: the two commands are `make demo` and `make test`.
BUILD ?= build
JOBS ?= 2
CMAKE_FLAGS ?=

FUZZ_SECONDS ?= 60
# AddressSanitizer, UndefinedBehaviorSanitizer and libFuzzer's coverage, with clang: one build
# serves `make asan` (the whole suite under the sanitizers) and `make fuzz`.
SANITIZE_FLAGS = -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DPARALLAX_SANITIZE=ON -DPARALLAX_FUZZ=ON \
                 -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARALLAX_BENCHMARKS=OFF

.PHONY: all build deps test demo eval bench clean asan fuzz sanitize-deps

all: build

deps:
	@scripts/install-deps

$(BUILD)/CMakeCache.txt: | deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j$(JOBS)

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

demo: build
	$(BUILD)/parallax demo

eval: build
	python3 tools/stance_gold.py ../shared/data $(BUILD)/stance-gold
	$(BUILD)/tools/parallax_eval ../shared/data --stance-gold $(BUILD)/stance-gold | tee docs/EVALUATION.md

# The peers (Xapian, the npm packages) are installed first, and the build gains the harness
# that needs Xapian.
bench: deps
	scripts/install-deps --bench
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release -DPARALLAX_BENCH_PEERS=ON $(CMAKE_FLAGS)
	cmake --build $(BUILD) -j$(JOBS)
	bench/run.sh $(BUILD)

sanitize-deps:
	@scripts/install-deps --sanitize

asan: sanitize-deps
	$(MAKE) BUILD=build-asan CMAKE_FLAGS="$(SANITIZE_FLAGS)" test

# Runs every fuzz target for FUZZ_SECONDS (CI: 10); the table goes to build-asan/fuzz-out/summary.md.
fuzz: sanitize-deps
	$(MAKE) BUILD=build-asan CMAKE_FLAGS="$(SANITIZE_FLAGS)" build
	fuzz/run.sh build-asan $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) build-asan demo
