#!/usr/bin/env bash
# A short run of every fuzz target (fuzz/fuzz_targets/) on the committed
# corpus, a few seconds each, so that a regression shows in CI.
#
# The same harnesses (tests/fuzz_harness/mod.rs) run on stable in
# `cargo test` over every file of the corpus (tests/fuzz_corpus.rs); this
# adds libFuzzer's own mutations. It needs the nightly toolchain and
# cargo-fuzz: cargo-fuzz is installed from crates.io when missing; without
# a nightly toolchain (which may not be installable where rustup's servers
# are out of reach), or when nightly cannot build cargo-fuzz, the run is
# skipped and says so; targets that do not build fail. A crash, or a broken oracle,
# fails. FUZZ_SECONDS sets the time per target (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${FUZZ_SECONDS:-5}"
skip() {
    echo "fuzz smoke: SKIPPED ($1); the harnesses ran on the corpus in cargo test (tests/fuzz_corpus.rs)"
    exit 0
}

cargo +nightly --version >/dev/null 2>&1 || skip "no nightly toolchain"
if ! cargo +nightly fuzz --version >/dev/null 2>&1; then
    echo "== installing cargo-fuzz"
    cargo +nightly install --locked cargo-fuzz >/dev/null 2>&1 || skip "cargo-fuzz could not be installed"
fi

cd fuzz
echo "== cargo +nightly fuzz build"
# A target that does not compile is a regression of the harnesses (a
# dependency missing from fuzz/Cargo.toml hid one): it fails, with the
# compiler's words.
if ! cargo +nightly fuzz build --sanitizer none >target-fuzz-build.log 2>&1; then
    grep -E '^(error|warning: unused)' -A8 target-fuzz-build.log | head -60 >&2
    rm -f target-fuzz-build.log
    echo "fuzz smoke: FAIL (the fuzz targets do not build)" >&2
    exit 1
fi
rm -f target-fuzz-build.log

scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
for target in $(cargo +nightly fuzz list); do
    mkdir -p "$scratch/$target"
    # New inputs go to the scratch directory; the committed corpus is read only.
    if ! cargo +nightly fuzz run --sanitizer none "$target" "$scratch/$target" "corpus/$target" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        >"$scratch/$target.log" 2>&1; then
        tail -n 40 "$scratch/$target.log"
        echo "fuzz smoke: $target FAILED (the input is under fuzz/artifacts/$target/)"
        exit 1
    fi
    runs="$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$scratch/$target.log" | grep -o '[0-9]*$' || echo '?')"
    coverage="$(grep 'DONE' "$scratch/$target.log" | grep -o 'cov: [0-9]* ft: [0-9]*' | tail -n 1 || true)"
    echo "fuzz smoke: $target ok, $runs runs in ${seconds}s, ${coverage:-no coverage printed}"
done
