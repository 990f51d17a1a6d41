#!/bin/sh
# Signals and terminal safety on the screen (SPEC 3.5, 4), in tmux and under
# script(1): SIGINT, SIGTERM and SIGQUIT (Ctrl-\) restore the terminal;
# Ctrl-Z suspends and SIGCONT redraws; no byte sequence from a corpus
# reaches the terminal.
# usage: signals.sh FAYAN   (run from tests/)
fayan=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
. ./tap.sh
export LC_ALL=C.UTF-8
command -v tmux >/dev/null || { echo "1..0 # SKIP tmux is not installed"; exit 0; }
sock=fayan-sig-$$
. ./tmuxlib.sh
export XDG_STATE_HOME=$tmp/state

fayan_pid() { pgrep -f "^$fayan --ambiguous=1" | head -1; }
gone_within() { # gone_within PID TENTHS
	i=0; while kill -0 "$1" 2>/dev/null && [ $i -lt "$2" ]; do sleep 0.1; i=$((i + 1)); done
	! kill -0 "$1" 2>/dev/null
}

tmx_start_server
for sig in INT TERM QUIT; do
	tmx kill-session -t t 2>/dev/null
	tmx new-session -d -s t -x 80 -y 24 \
		"rm -f $tmp/done; $fayan --ambiguous=1; stty -a >$tmp/stty; echo status=\$? >$tmp/done; sleep 30"
	wait_for screens/start-80x24.screen
	pid=$(fayan_pid)
	kill -"$sig" "$pid"
	gone_within "$pid" 10; ok $? "SIG$sig ends fayan"
	i=0; while screen | grep -q '部门' && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
	i=0; while [ ! -s "$tmp/done" ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
	grep -q '部门' "$tmp/got" && ! screen | grep -q '部门'; ok $? "SIG$sig: the alternate screen is left"
	grep -q -- ' icanon' "$tmp/stty" && grep -q -- ' echo ' "$tmp/stty"
	ok $? "SIG$sig: the terminal modes are restored (icanon, echo)"
done

# Job control needs an interactive shell: a non-interactive one leaves its
# children in an orphaned process group, which Ctrl-Z cannot stop.
tmx kill-session -t t 2>/dev/null
tmx new-session -d -s t -x 80 -y 24 "env -i PATH=$PATH HOME=$tmp TERM=screen LC_ALL=C.UTF-8 XDG_STATE_HOME=$tmp/state PS1='$ ' bash --norc --noprofile -i"
sleep 0.5
tmx send-keys -t t "$fayan --ambiguous=1" Enter
wait_for screens/start-80x24.screen
pid=$(fayan_pid)
tmx send-keys -t t C-z
i=0; while [ "$(ps -o stat= -p "$pid" | cut -c1)" != T ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
is "$(ps -o stat= -p "$pid" | cut -c1)" T "Ctrl-Z suspends"
screen | grep -q '部门'; ok $((! $?)) "and gives the shell its screen back"
tmx send-keys -t t fg Enter
wait_for screens/start-80x24.screen; ok $? "fg (SIGCONT): the screen is redrawn whole"
tmx send-keys -t t j
wait_for screens/row-down.screen; ok $? "and keys work again (j moves down a row)"
kill -0 "$pid"; ok $? "and fayan is still running"

# Nothing from the corpus drives the terminal: record every byte fayan writes.
printf '题,很长的标题\n局长**甲\033]0;PWNED\007**:正文\033[99;99H\033]52;c;UFdORUQ=\007\302\233H\342\200\256反转\177,正文。\n' >"$tmp/esc.txt"
# (q leaves the raw view that r opened; a second q quits)
( sleep 1; printf 'jJ/正文\r'; sleep 0.5; printf 'c'; sleep 0.3; printf '\033'; sleep 0.3; printf 'rqq' ) |
	script -qfec "env TERM=xterm-256color $fayan --ambiguous=1 $tmp/esc.txt" "$tmp/bytes" >/dev/null 2>&1
grep -q '正文' "$tmp/bytes"; ok $? "the screen showed the text"
for seq in '\033]0;' '\033]52' '\033[99;99H' '\302\233' '\342\200\256' '\177'; do
	grep -qF "$(printf "$seq")" "$tmp/bytes"; ok $((! $?)) "the screen never carries $seq"
done
grep -qF "$(printf '\342\220\233')" "$tmp/bytes"; ok $? "ESC is shown as ␛"
# | with a command that runs on (SPEC 4): every way out still works.
pipe_session() { # starts fayan in tmux and a long command under |
	tmx kill-session -t t 2>/dev/null
	tmx new-session -d -s t -x 80 -y 24 "$fayan --ambiguous=1; echo status=\$? >$tmp/done; sleep 30"
	wait_for screens/start-80x24.screen
	pid=$(fayan_pid)
	tmx send-keys -t t '|' 'sleep 100' Enter
	sleep 0.5
}
pipe_session
tmx send-keys -t t C-c
i=0; while ! screen | grep -q '信号 SIGINT' && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
screen | grep -q '\[信号 SIGINT\] 按任意键返回'; ok $? "Ctrl-C during | stops the command, named by its signal"
kill -0 "$pid"; ok $? "and not fayan"
tmx send-keys -t t Enter
wait_for screens/start-80x24.screen; ok $? "a key returns to the screen"
pipe_session
kill -TERM "$pid"
gone_within "$pid" 20; ok $? "SIGTERM during | ends fayan at once, no key waited for"
pipe_session
tmx kill-session -t t # the terminal closes
gone_within "$pid" 30; ok $? "a closed terminal during | ends fayan within 3 s"
# A long load (SPEC 3): its progress on the screen after half a second,
# stoppable with Ctrl-C or q, keys typed meanwhile kept for the browser. The
# second file is a FIFO a writer holds open: the load waits on it until the
# writer goes.
cp ../assets/anqing-2020.txt "$tmp/a.txt"
mkfifo "$tmp/slow.txt"
hold_fifo() { ( exec 3<>"$tmp/slow.txt"; exec sleep 20 ) & holder=$!; } # the holder is the sleep itself
stop_more() { kill "$holder" 2>/dev/null; }
load_session() {
	hold_fifo
	tmx kill-session -t t 2>/dev/null
	tmx new-session -d -s t -x 80 -y 24 \
		"rm -f $tmp/done; $fayan --ambiguous=1 $tmp/a.txt $tmp/slow.txt; s=\$?; stty -a >$tmp/stty; echo status=\$s >$tmp/done; sleep 30"
	i=0; while ! screen | grep -q '正在读取' && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
	pid=$(fayan_pid)
}
load_session
screen | grep -q '正在读取 1/2 个文件，0 MB · Ctrl-C 停止'
ok $? "a load that runs long shows its progress: files read, of how many, and MB"
tmx send-keys -t t C-c
gone_within "$pid" 20; ok $? "Ctrl-C during the load ends fayan at once"
i=0; while [ ! -s "$tmp/done" ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
is "$(cat "$tmp/done")" "status=130" "with status 130"
! screen | grep -q '正在读取' && grep -q -- ' icanon' "$tmp/stty" && grep -q -- ' echo ' "$tmp/stty"
ok $? "and the terminal as it was (the screen left, icanon and echo)"
stop_more
load_session
tmx send-keys -t t q
gone_within "$pid" 20; ok $? "q during the load quits at once"
i=0; while [ ! -s "$tmp/done" ] && [ $i -lt 30 ]; do sleep 0.1; i=$((i + 1)); done
is "$(cat "$tmp/done")" "status=0" "with status 0"
stop_more
load_session
tmx send-keys -t t j
sleep 0.3
stop_more # the FIFO ends: the load too
i=0; while ! screen | grep -q '▶' && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
screen | grep -q '▶ 聂立新 局长'; ok $? "a key typed during the load is the browser's first (j moved a row)"
done_testing

