#!/bin/sh
# The printing modes under valgrind: no errors, no leaks (definite or
# indirect). usage: valgrind.sh FAYAN   (run from tests/)
fayan=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. ./tap.sh
export LC_ALL=C.UTF-8
command -v valgrind >/dev/null || { echo "1..0 # SKIP valgrind is not installed"; exit 0; }
seed=../assets/anqing-2020.txt
tmp=$(mktemp -d) && trap 'rm -rf "$tmp"' EXIT
printf '题\n局长**甲**:好\377坏。\n' >"$tmp/bad.txt"
iconv -f UTF-8 -t GB18030 "$seed" >"$tmp/gb.txt"
for args in "--print --width=50 $seed" "--json $seed" "--check $seed" "--list $seed" \
	"--grep=十四五 --width=60 $seed" "--no-repair --print $seed" "--check $tmp/bad.txt" \
	"--json $tmp/gb.txt" "--print $tmp/missing.txt $seed" "--list /nonexistent"; do
	valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
		"$fayan" $args >/dev/null 2>"$tmp/log"
	rc=$?
	[ $rc -ne 99 ] && ! grep -q '==[0-9]*==' "$tmp/log"
	ok $? "valgrind clean: fayan $args"
	[ $rc -eq 99 ] && sed 's/^/# /' "$tmp/log" | head -20
done
done_testing
