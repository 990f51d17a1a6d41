# tmuxlib.sh — what the tests that drive fayan in tmux share. Set sock before
# sourcing; this makes $tmp and removes it, and stops the tmux server, at the
# end (a test may define stop_more for what else it started). tmux runs on
# its own socket with no configuration, so it never touches another server or
# reads a user's config.
tmx() { tmux -L "$sock" -f /dev/null "$@"; }

tmp=$(mktemp -d)
chmod 755 "$tmp"
tmx_cleanup() {
	tmx kill-server 2>/dev/null
	command -v stop_more >/dev/null && stop_more
	sleep 0.3 # what the killed sessions still write (their places)
	rm -rf "$tmp"
}
trap tmx_cleanup EXIT
# Killed (a timeout, Ctrl-C): exit, so the EXIT trap still runs.
trap 'exit 1' INT TERM HUP

# The screen of session t, trailing spaces dropped.
screen() { tmx capture-pane -p -t t | sed 's/ *$//'; }

# wait_for FILE [TENTHS]: until the screen equals FILE (default 5 s); the
# last screen seen is left in $tmp/got.
wait_for() {
	i=0
	while [ $i -lt "${2:-50}" ]; do
		screen >"$tmp/got"
		cmp -s "$tmp/got" "$1" && return 0
		sleep 0.1; i=$((i + 1))
	done
	return 1
}

# One server for every case: no status line, kept while sessions come and go.
tmx_start_server() { tmx start-server \; set-option -g exit-empty off \; set-option -g status off; }
