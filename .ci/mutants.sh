#!/usr/bin/env bash
# Mutation testing with cargo-mutants over the checks (src/check/), the
# number parser (src/number.rs) and the importers (src/rows.rs,
# src/printed.rs, src/decode.rs, src/json.rs), one module at a time.
#
#   bash .ci/mutants.sh [check|check/<file>|check/families|number|rows|printed|decode|json|all] [extra cargo-mutants args]
#
# (`check/interval` is src/check/interval.rs alone; `check/families` the
# fourteen rule-family files, ratio.rs to not_applicable.rs.)
#
# Not part of .ci/run: it takes long (see docs/testing.md, "Mutation testing").
# Each mutant is built with the `mutants` profile (no debug information)
# and tested with the fast part of the suite that concerns the module
# (`check_tests` and `import_tests` below). A
# mutant that survives is either killed by a test of tests/*_edges.rs or
# listed in .ci/mutants-equivalent.txt with the reason it is equivalent;
# the listed ones are excluded here (--exclude-re) and counted in docs/testing.md.
# Results: mutants.out.<module>/mutants.out/ (caught.txt, missed.txt,
# unviable.txt, timeout.txt).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! cargo mutants --version >/dev/null 2>&1; then
    cargo install --locked cargo-mutants
fi

module="${1:-all}"
shift || true

# The test targets each module's mutants are built and tested with (as
# cargo arguments, so that only these are built for each mutant).
# `properties` (about 35 s even with few cases: its configurations set
# their own counts) and `memory` (8 MiB inputs) are left out.
check_tests=(
    --lib --test check_families --test check_edges --test family_words_and_decisions --test check_core
    --test sample_findings
    --test source_document --test template --test locate --test allocations
)
import_tests=(
    --lib --test input --test json --test rows_import --test import_edges
    --test source_document --test limits --test fuzz_corpus --test json_and_printed_edges
)

# Mutants that cannot be told apart from the original by any input (see
# the reasons in the file), as regular expressions on their names. The
# file gives each as `file:line:col: mutation in function`; the line is
# matched as any number, since others edit these files and lines shift.
# The column stays: it tells apart the same mutation twice in a function
# (`a || b || c`), and changes only if that line itself is edited. An
# entry that matches no mutant, or more than one, is reported below.
# (cargo-mutants 27.1 does not apply --exclude-re to its `delete field …
# from struct … expression` mutants: an equivalent one of those is still
# run, and shows as missed; docs/testing.md counts it as equivalent.)
quote_re() { printf '%s' "$1" | sed 's/[][\\.*^$(){}+?|]/\\&/g'; }

excluded=()
patterns=()
while IFS= read -r line; do
    case "$line" in '' | '#'*) continue ;; esac
    name="${line%%	*}"
    file="${name%%:*}"
    column="${name#*:*:}"
    column="${column%%:*}"
    rest="${name#*:*:*: }"
    pattern="^$(quote_re "$file"):[0-9]+:$column: $(quote_re "$rest")\$"
    patterns+=("$pattern")
    excluded+=(--exclude-re "$pattern")
done < .ci/mutants-equivalent.txt

check_equivalents() {
    local listed
    listed="$(cargo mutants --list 2>/dev/null)" || return 0
    for pattern in "${patterns[@]}"; do
        local count entries
        count="$(grep -cE -- "$pattern" <<<"$listed" || true)"
        # Two entries may share a pattern (the same mutation at the same
        # column on two lines): then it should match two mutants.
        entries="$(printf '%s\n' "${patterns[@]}" | grep -cxF -- "$pattern")"
        if [ "$count" != "$entries" ]; then
            echo "warning: .ci/mutants-equivalent.txt: $pattern matches $count mutants" >&2
        fi
    done
}

run() {
    local name="$1"
    shift
    local -n selected="$1"
    shift
    local cargo_args=()
    for arg in "${selected[@]}"; do cargo_args+=(--cargo-arg="$arg"); done
    check_equivalents
    echo "== mutants of $name ($*)"
    nice -n 10 cargo mutants \
        --profile mutants --all-features --timeout 90 --build-timeout 600 \
        --output "mutants.out.${name//\//-}" "${excluded[@]}" "${cargo_args[@]}" "$@" || true
    local out="mutants.out.${name//\//-}/mutants.out"
    echo "$name: caught $(wc -l < "$out/caught.txt"), missed $(wc -l < "$out/missed.txt"), unviable $(wc -l < "$out/unviable.txt"), timeouts $(wc -l < "$out/timeout.txt")"
}

case "$module" in
    check) run check check_tests --file 'src/check/**' "$@" ;;
    check/families)
        files=()
        for each in ratio sum part_whole level_range bound share derivable full covers \
            across_forms conditional implies within_reference not_applicable; do
            files+=(--file "src/check/$each.rs")
        done
        run "$module" check_tests "${files[@]}" "$@"
        ;;
    check/*) run "$module" check_tests --file "src/$module.rs" "$@" ;;
    number) run number import_tests --file src/number.rs "$@" ;;
    rows | printed | decode | json) run "$module" import_tests --file "src/$module.rs" "$@" ;;
    all)
        for each in check number rows printed decode json; do
            bash "$0" "$each" "$@"
        done
        ;;
    *)
        echo "unknown module $module" >&2
        exit 2
        ;;
esac
