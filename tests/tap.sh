# tap.sh — TAP for the shell tests: ok COND-STATUS MESSAGE, is GOT WANT MESSAGE.
n=0 failed=0
ok() { # ok STATUS MESSAGE
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}
is() { # is GOT WANT MESSAGE
	n=$((n + 1))
	if [ "$1" = "$2" ]; then echo "ok $n - $3"
	else
		echo "not ok $n - $3"; failed=$((failed + 1))
		printf '%s\n' "#   got:  $1" "#   want: $2"
	fi
}
done_testing() { echo "1..$n"; [ "$failed" -eq 0 ]; }
# No test reads the configuration or word lists of whoever runs it.
XDG_CONFIG_HOME=/nonexistent/fayan-tests; export XDG_CONFIG_HOME
