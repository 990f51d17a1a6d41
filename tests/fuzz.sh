#!/bin/sh
# Fuzzes each libFuzzer target for SECONDS (default 60) with clang's
# -fsanitize=fuzzer,address,undefined, starting from the committed corpus
# (copied, so it is not changed). A crash leaves its input in $FUZZ_OUT (or a
# temp dir) and fails; copy it to tests/fuzz/corpus/TARGET/ so the normal
# suite replays it from then on. Prints executions and coverage per target.
# usage: tests/fuzz.sh BUILDDIR [SECONDS]   (run from the project root)
build=$1 seconds=${2:-60}
out=${FUZZ_OUT:-$(mktemp -d)}
# A temporary directory of our own goes at the end, unless a crash is in it.
[ -z "$FUZZ_OUT" ] && trap 'ls "$out"/crash-* >/dev/null 2>&1 || rm -rf "$out"' EXIT
export LC_ALL=C.UTF-8
# The core's sources, as the build knows them (not a copied list).
core=$(/usr/bin/python3 -c '
import json, sys
for t in json.load(sys.stdin):
    if t["name"] == "fayan-core":
        for src in t["target_sources"]:
            for f in src["sources"]:
                if f.endswith(".c") and "/src/" in f:
                    print(f)
' <<EOF_TARGETS
$(meson introspect "$build" --targets)
EOF_TARGETS
) || exit 1
[ -n "$core" ] || { echo "fuzz.sh: no core sources from meson introspect $build"; exit 1; }
# -O2, not the usual -O1: about 5% more executions a second for the state
# target (each input renders a frame per event), the checks unchanged.
cflags="-g -O2 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer-no-link,address,undefined
	-fsanitize-coverage-ignorelist=tests/fuzz/ignorelist.txt
	-fno-sanitize-recover=undefined -Isrc $(pkg-config --cflags opencc)"
mkdir -p "$out/obj"
status=0
# The core once, two jobs at a time.
# shellcheck disable=SC2086
printf '%s\n' $core "$build"/asset_*.c | xargs -P 2 -I{} sh -c \
	'clang '"$(echo $cflags)"' -c {} -o "'"$out"'/obj/$(basename {} .c).o"' || exit 1
for target in parse wrap state config; do
	bin=$out/fuzz_$target
	# shellcheck disable=SC2086
	clang $cflags -fsanitize=fuzzer "$out"/obj/*.o tests/fuzz/fuzz_$target.c -lunistring \
		$(pkg-config --libs opencc) \
		-o "$bin" || { status=1; continue; }
	mkdir -p "$out/corpus-$target"
	cp tests/fuzz/corpus/$target/* "$out/corpus-$target/"
	"$bin" -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$out/crash-$target-" -print_final_stats=1 \
		"$out/corpus-$target" >"$out/log-$target" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/log-$target")
	cov=$(grep -o 'cov: [0-9]*' "$out/log-$target" | tail -1)
	ft=$(grep -o 'ft: [0-9]*' "$out/log-$target" | tail -1)
	echo "fuzz $target: exit $rc, ${runs:-?} executions, $cov edges, $ft features in ${seconds}s"
	if [ $rc -ne 0 ]; then
		status=1
		grep -A20 'ERROR\|SUMMARY' "$out/log-$target" | head -30
		ls "$out"/crash-$target-* 2>/dev/null
	fi
done
exit $status
