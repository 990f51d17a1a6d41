"""TAP for the Python tests: ok(cond, msg) numbers and prints a result;
done() prints the plan and exits 1 if any failed."""
import sys

_count = _failed = 0


def ok(cond, msg):
    global _count, _failed
    _count += 1
    print(("ok" if cond else "not ok"), _count, "-", msg)
    _failed += not cond


def done():
    print("1..%d" % _count)
    sys.exit(1 if _failed else 0)
