#!/usr/bin/env bash
# libFuzzer targets for envtop's parsers, built with `swiftc -sanitize=fuzzer,address` from the
# same sources as the app (Fuzz/Targets/*.swift are the entry points).
#
#   scripts/fuzz.sh [RUNS] [TARGET...]     default 20000 runs each, every target
#
# Targets: page (fast page decoder against JSONDecoder), text (SafeText, DisplayWidth),
# config (YAML config and theme readers), query (search language), dates (RFC 3339, HTTP
# dates), input (key, paste and mouse decoders). Each starts from Fuzz/corpus/TARGET (the
# committed seeds) and a scratch copy of it, so new inputs never land in git. A crash leaves
# its input in .build-fuzz/crashes/TARGET/ and fails the script: turn it into a regression test.
set -euo pipefail
cd "$(dirname "$0")/.."

runs=${1:-20000}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(page text config query dates input)

root=$(pwd)
out=$root/.build-fuzz
mkdir -p "$out"
flags=(-sanitize=fuzzer,address -parse-as-library -swift-version 6 -Onone -g -use-ld=lld -I "$out"
    -Xcc "-fmodule-map-file=$root/Sources/CLibYAML/module.modulemap"
    -Xcc "-fmodule-map-file=$root/Sources/CNcurses/module.modulemap")

# The app's modules, instrumented, as static libraries (rebuilt when a source is newer).
library() {
    local name=$1
    shift
    local sources=("$@")
    local archive="$out/lib$name.a"
    if [ -f "$archive" ] && [ -z "$(find "${sources[@]}" -newer "$archive" 2>/dev/null | head -1)" ]; then return; fi
    echo "fuzz: building $name"
    swiftc "${flags[@]}" -emit-library -static -emit-module -emit-module-path "$out/$name.swiftmodule" \
        -module-name "$name" -o "$archive" "${sources[@]}" 2>&1 | grep -v "warning: Cannot export local symbol" || true
    [ -f "$archive" ] || { echo "fuzz: $name did not build" >&2; exit 1; }
}

library EnvtopModels $(find Sources/EnvtopModels -name '*.swift' | sort)
library EnvtopCore $(find Sources/EnvtopCore -name '*.swift' | sort)
library EnvtopUI $(find Sources/EnvtopUI -name '*.swift' | sort)

# Which app files each entry point is compiled with (their internals are then reachable).
extra_sources() {
    case $1 in
        page) echo Sources/EnvtopClient/Responses/{WorkPageFastDecoder,WorkPageFastDecoder+JSON,LoneSurrogates,ResponseDecoding}.swift ;;
        dates) echo Sources/EnvtopClient/Retry/HTTPDate.swift ;;
        input) find Sources/EnvtopTerminal/Input -name '*.swift' | sort ;;
    esac
}

status=0
for target in "${targets[@]}"; do
    binary="$out/fuzz-$target"
    sources=(Fuzz/Targets/$target.swift $(extra_sources "$target"))
    if [ ! -f "$binary" ] || [ -n "$(find "${sources[@]}" "$out"/*.a -newer "$binary" | head -1)" ]; then
        echo "fuzz: building $target"
        swiftc "${flags[@]}" -module-name "Fuzz_$target" "${sources[@]}" -L "$out" \
            -lEnvtopUI -lEnvtopCore -lEnvtopModels -lyaml -lncursesw -o "$binary" 2>&1 \
            | grep -v "warning: Cannot export local symbol" || true
        [ -x "$binary" ] || { echo "fuzz: $target did not build" >&2; exit 1; }
    fi
    corpus="$out/corpus/$target"
    crashes="$out/crashes/$target"
    mkdir -p "$corpus" "$crashes"
    cp -n Fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
    started=$(date +%s.%N)
    if "$binary" -runs="$runs" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
        -artifact_prefix="$crashes/" "$corpus" >"$out/$target.log" 2>&1; then
        result=ok
    else
        result=CRASH
        status=1
    fi
    elapsed=$(echo "$(date +%s.%N) - $started" | bc)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/$target.log" | tail -1)
    cov=$(grep -o 'cov: [0-9]*' "$out/$target.log" | tail -1 | cut -d' ' -f2)
    printf 'fuzz: %-7s %-5s %8s runs in %5.1f s, coverage %s edges, corpus %s inputs\n' \
        "$target" "$result" "${execs:-?}" "$elapsed" "${cov:-?}" "$(ls "$corpus" | wc -l)"
    if [ "$result" = CRASH ]; then
        grep -m5 -E "Fatal error|ERROR: |SUMMARY" "$out/$target.log" | sed 's/^/        /'
    fi
done
exit $status
