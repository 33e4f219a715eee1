# Parallax: the two commands are `make demo` and `make test`.
BUILD ?= build
JOBS ?= 2
CMAKE_FLAGS ?=

.PHONY: all build deps test demo eval bench clean asan

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

bench: build
	scripts/install-deps --bench
	bench/run.sh $(BUILD)

asan:
	$(MAKE) BUILD=build-asan CMAKE_FLAGS="-DPARALLAX_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPARALLAX_BENCHMARKS=OFF" test

clean:
	rm -rf $(BUILD) build-asan demo
