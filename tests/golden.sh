#!/bin/sh
# Golden files for the seed: --json, --list, --check, --print at three
# widths. FAYAN_UPDATE=1 rewrites them; read the diff before committing.
# usage: golden.sh FAYAN   (run from tests/)
fayan=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. ./tap.sh
export LC_ALL=C.UTF-8
seed=../assets/anqing-2020.txt
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT

golden() { # golden NAME ARGS...   (STREAM=out or err: that one alone; else both)
	name=$1; shift
	case ${STREAM:-both} in
	out) (cd .. && "$fayan" "$@") >"$tmp/$name" 2>/dev/null ;;
	err) (cd .. && "$fayan" "$@") 2>"$tmp/$name" >/dev/null ;;
	*) (cd .. && "$fayan" "$@") >"$tmp/$name" 2>&1 ;;
	esac
	if [ -n "$FAYAN_UPDATE" ]; then cp "$tmp/$name" "golden/$name"; fi
	if cmp -s "$tmp/$name" "golden/$name"; then ok 0 "golden $name"
	else ok 1 "golden $name"; diff "golden/$name" "$tmp/$name" | head -20 | sed 's/^/# /'; fi
}

golden seed.json --json assets/anqing-2020.txt
golden seed.list --list assets/anqing-2020.txt
# The findings are standard output; the layout report goes to standard error.
STREAM=out golden seed.check --check assets/anqing-2020.txt
STREAM=err golden seed.layout --check assets/anqing-2020.txt
golden seed.print-80 --print --width=80 assets/anqing-2020.txt
golden seed.print-40 --print --width=40 assets/anqing-2020.txt
golden seed.print-13 --print --width=13 assets/anqing-2020.txt
golden seed.no-repair --json --no-repair assets/anqing-2020.txt

# SPEC 3.3's full-width rule in every case: digits, %, times, ratios,
# thousands, English, a URL, an e-mail address.
STREAM=out golden fullwidth.print --print --width=40 tests/golden/fullwidth.txt

# The sample pages of every layout (layouts/samples/, from ../shared/samples).
for page in layouts/samples/*.txt; do
	sample=$(basename "$page" .txt)
	golden "sample-$sample.json" --json "tests/$page"
	STREAM=out golden "sample-$sample.print" --print --width=60 "tests/$page"
	STREAM=err golden "sample-$sample.layout" --check "tests/$page"
done

"$fayan" --json "$seed" | /usr/bin/python3 reassemble.py "$seed" ../assets/lexicon.txt
ok $? "--json reassembles into the seed's text: nothing lost, nothing doubled"

"$fayan" --json "$seed" >"$tmp/a.json"
"$fayan" --json <"$seed" | sed 's/"path":"-"/"path":"x"/' >"$tmp/b.json"
sed 's/"path":"[^"]*"/"path":"x"/' "$tmp/a.json" | cmp -s - "$tmp/b.json"
ok $? "standard input parses as the file does"

"$fayan" </dev/null --list >/dev/null 2>&1; is $? 1 "empty standard input: nothing usable"
done_testing
