#!/bin/sh
# Hostile input (SPEC 1.4, 2): each case gets correct output or one clear
# "fayan: FILE[:LINE]: message" with the documented exit status; never a
# crash, a hang or silently dropped text. usage: hostile.sh FAYAN (from tests/)
fayan=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. ./tap.sh
export LC_ALL=C.UTF-8
unset COLUMNS
seed=../assets/anqing-2020.txt
tmp=$(mktemp -d) && chmod 755 "$tmp" && trap 'rm -rf "$tmp"' EXIT

run() { # run ARGS... : $out $err $rc; a signal death (rc > 128) is always a failure
	timeout 20 "$fayan" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
	rc=$?; out=$(cat "$tmp/out"); err=$(cat "$tmp/err")
}
has() { case $1 in *"$2"*) return 0 ;; esac; return 1; }
json_has() { has "$out" "$1"; ok $? "$2"; }

# Unreadable: root reads everything, so root reads it without the
# capabilities that bypass file permissions.
printf '局长**甲**:正文。\n' >"$tmp/secret.txt"; chmod 000 "$tmp/secret.txt"
if command -v setpriv >/dev/null && [ "$(id -u)" = 0 ]; then
	setpriv --inh-caps=-dac_override,-dac_read_search \
		--bounding-set=-dac_override,-dac_read_search "$fayan" --list "$tmp/secret.txt" \
		>"$tmp/out" 2>"$tmp/err"
	rc=$?; err=$(cat "$tmp/err")
else
	run --list "$tmp/secret.txt"
fi
is "$rc" 1 "unreadable file: exit 1"
is "$err" "fayan: $tmp/secret.txt: Permission denied" "unreadable file: one-line error"

printf '  \n\t\n\u3000\n\n' >"$tmp/blank.txt"
run --list "$tmp/blank.txt"
is "$rc:$err" "1:fayan: $tmp/blank.txt: no speeches found" "whitespace only: no speeches, exit 1"

printf '题\n局长**甲**:前\000后。\n二段\000\000。\n' >"$tmp/nul.txt"
run --json "$tmp/nul.txt"
is "$rc" 0 "NUL bytes: loads"
json_has '"前\u0000后。"' "NUL kept (escaped) in --json, nothing around it lost"
run --print "$tmp/nul.txt"
has "$out" "前␀后" ; ok $? "NUL shown as ␀ in --print"

printf '题\n局长**甲**:好\377坏\300\257长\355\240\200尾。\n第二\376段。\n' >"$tmp/bad.txt"
run --json "$tmp/bad.txt"
is "$rc" 0 "invalid UTF-8: loads"
json_has '"好�坏��长���尾。"' "each invalid byte (stray, overlong, surrogate) a U+FFFD; valid text kept"
run --check "$tmp/bad.txt"
is "$(echo "$out" | grep -c 'invalid UTF-8')" 7 "--check reports each invalid byte"
has "$out" "$tmp/bad.txt:2:22: warning: invalid UTF-8 byte 0xC0"; ok $? "with line and byte column"
has "$out" "$tmp/bad.txt:3:7: warning: invalid UTF-8 byte 0xFE"; ok $? "on any line"

printf '\357\273\277题目,很长\r\n局长**甲**:一\t段。\r\n二段。\r三段。\n' >"$tmp/bom.txt"
run --json "$tmp/bom.txt"
json_has '"title":"题目,很长"' "BOM dropped"
json_has '"paragraphs":["一 段。","二段。","三段。"]' "CRLF and lone CR end lines, TAB is a space"

head -c 3000000 /dev/zero | tr '\0' '字' >"$tmp/long.txt" 2>/dev/null
# (tr writes the first byte of 字 only: make a real multi-megabyte line)
awk 'BEGIN { printf "局长**甲**:"; for (i = 0; i < 1000000; i++) printf "长"; printf "。" }' >"$tmp/long.txt"
run --json "$tmp/long.txt"
is "$rc" 0 "a 3 MB line with no newline: loads"
# 1,000,000 in the paragraph, and the 长 of 局长 in "title" and in "role".
is "$(printf '%s' "$out" | grep -o '长' | wc -l)" 1000002 "every character of it in --json"
run --print --width=40 "$tmp/long.txt"
# speaker line, blank, 2,000,006 columns at 40 a line (50,001 lines), blank
is "$(printf '%s\n' "$out" | wc -l)" 50003 "and it wraps"

printf '正文一。\n正文二。\n' >"$tmp/nospeaker.txt"
run --json "$tmp/nospeaker.txt"
is "$rc" 1 "body without a speaker: nothing usable, exit 1"
run --check "$tmp/nospeaker.txt"
has "$out" "$tmp/nospeaker.txt:2: warning: text outside any speech"; ok $? "--check names each line"

awk 'BEGIN { for (i = 0; i < 10000; i++) printf "题%d\n局长**人%d**:第%d段。\n记者 某\n", i, i, i }' >"$tmp/many.txt"
run --list "$tmp/many.txt"
is "$(echo "$out" | grep -c '^  人')" 10000 "10,000 speeches all listed"

iconv -f UTF-8 -t GB18030 "$seed" >"$tmp/gb.txt"
run --json "$tmp/gb.txt"
"$fayan" --json "$seed" | sed "s|\"path\":\"[^\"]*\"|\"path\":\"x\"|" >"$tmp/utf8.json"
printf '%s\n' "$out" | sed "s|\"path\":\"[^\"]*\"|\"path\":\"x\"|" | cmp -s - "$tmp/utf8.json"
ok $? "GB18030 detected and converted: the same collection as the UTF-8 file"
run --check "$tmp/gb.txt"
has "$out" "$tmp/gb.txt: warning: not valid UTF-8; read as GB18030"; ok $? "with a note"
run --check --encoding=UTF-8 "$tmp/gb.txt"
has "$out" "invalid UTF-8 byte"; ok $? "--encoding=UTF-8 forces UTF-8: the GB18030 bytes are reported"
{ cat "$tmp/gb.txt"; printf '\201'; } >"$tmp/gbcut.txt"
run --check "$tmp/gbcut.txt"
has "$out" "read as GB18030"; ok $((! $?)) "an incomplete final GB18030 character: not taken for GB18030"
run --json --encoding=GBK "$tmp/gb.txt"
is "$rc" 0 "--encoding=GBK reads it too"

# A file that grows and shrinks while fayan reads it.
cp "$seed" "$tmp/moving.txt"
# The mover runs until the reads are done: a fixed number of them, however
# slow the machine, each while the file changes.
( while :; do cat "$seed" >>"$tmp/moving.txt"; : >"$tmp/moving.txt"; cat "$seed" >"$tmp/moving.txt"; done ) &
mover=$!
bad=0 reads=0
while [ $reads -lt 50 ]; do
	"$fayan" --check "$tmp/moving.txt" >/dev/null 2>&1
	[ $? -gt 1 ] && bad=$((bad + 1))
	reads=$((reads + 1))
done
kill $mover; wait $mover 2>/dev/null
is "$bad:$reads" "0:50" "a file changing under 50 reads: never a crash (exit 0 or 1 only)"

# Terminal safety of the printing modes: nothing from the corpus drives the terminal.
printf '题\n局长**甲\033]0;PWNED\007**:正文\033[2J\033]52;c;UFdORUQ=\007\302\233H\342\200\256反转\177。\n' >"$tmp/esc.txt"
for mode in --print --list --json --check "--grep=正文"; do
	"$fayan" $mode "$tmp/esc.txt" >"$tmp/bytes" 2>&1
	if grep -q "$(printf '\033')" "$tmp/bytes" || grep -q "$(printf '\302\233')" "$tmp/bytes" ||
	   grep -q "$(printf '\342\200\256')" "$tmp/bytes"; then ok 1 "$mode: no ESC, C1 or bidi control written"
	else ok 0 "$mode: no ESC, C1 or bidi control written"; fi
done

# TERM unset, dumb or unknown on a terminal: --print, one line on stderr, exit 0.
for term in "" dumb no-such-terminal; do
	script -qec "env TERM=$term $fayan --width=60 $seed 2>$tmp/err_term" "$tmp/typescript" </dev/null >/dev/null
	rc=$?
	is "$rc:$(wc -l <"$tmp/err_term")" "0:1" "TERM='$term': exit 0, one line on stderr"
	grep -q '聂立新 · 市委组织部副部长' "$tmp/typescript"; ok $? "TERM='$term': the speeches are printed"
done
# Endless input stops at the documented bound instead of growing until the
# OOM killer comes (SPEC 3.5).
run --check /dev/zero
is "$rc" 1 "/dev/zero: nothing usable, exit 1"
is "$err" "fayan: /dev/zero: too large (1024 MiB at most)" "/dev/zero: too large, with the bound"
# File names are shown as text is (SPEC 3.5), and written as valid UTF-8 in JSON.
evil="$tmp/$(printf 'a\033]0;OWNED\007b.txt')"
cp "$seed" "$evil"
"$fayan" --check "$evil" >"$tmp/out" 2>&1
grep -q "$(printf '\033')" "$tmp/out"; ok $((! $?)) "--check never writes a file name's ESC"
grep -q "$(printf '\007')" "$tmp/out"; ok $((! $?)) "--check never writes a file name's BEL"
grep -q "a␛]0;OWNED␇b.txt:7: info: speaker line" "$tmp/out"; ok $? "the name shown with control pictures"
"$fayan" "$tmp/$(printf 'gone\033[2J.txt')" 2>"$tmp/err"
grep -q "$(printf '\033')" "$tmp/err"; ok $((! $?)) "an error message never writes a file name's ESC"
bad="$tmp/$(printf 'x\377\376.txt')"
cp "$seed" "$bad"
"$fayan" --json "$bad" | /usr/bin/python3 -c 'import json, sys; json.loads(sys.stdin.buffer.read().decode("utf-8"))'
ok $? "--json of a name with invalid bytes is valid UTF-8 JSON"
# A directory past PATH_MAX in a deep tree is reported, not skipped without
# a word (issue 22.10).
deep=$(printf 'd%.0s' $(seq 1 200))
mkdir "$tmp/deep" && (cd "$tmp/deep" && for i in $(seq 1 25); do mkdir "$deep" && cd "$deep" || exit; done &&
	printf '题\n\n标题\n\n局长**张三**:好。\n' >a.txt)
run --list "$tmp/deep"
case $err in *"File name too long"*) ok 0 "a directory past PATH_MAX is named on stderr, with why" ;;
	*) ok 1 "a directory past PATH_MAX is named on stderr, with why ($err)" ;; esac
rm -rf "$tmp/deep" 2>/dev/null || (cd "$tmp/deep" && find . -depth -delete) 2>/dev/null

# A FIFO with no writer (a library's file swapped for one after the walk)
# never holds the load: it reads as empty (issue 22.3).
mkfifo "$tmp/fifo.txt"
run --json "$tmp/fifo.txt"
is "$rc:$err" "1:fayan: $tmp/fifo.txt: empty file" "a FIFO with no writer: read as empty, no hang"
done_testing
