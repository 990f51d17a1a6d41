#include "progress.h"

#include <poll.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "forkjoin.h"

/* SHOW_AFTER_MS: SPEC 3's half second; TICK_MS: how often the line is
 * redrawn and keys looked at. */
enum { SHOW_AFTER_MS = 500, TICK_MS = 100 };

struct watch {
	const struct load_request *req;
	const struct tui_opts *topts;
	struct load_count count;
	int done[2]; /* a pipe: the load writes a byte to it when it is done */
	size_t failed;
};

static long ms_since(const struct timespec *start)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - start->tv_sec) * 1000 + (now.tv_nsec - start->tv_nsec) / 1000000;
}

/* 正在读取 3/120 个文件，45 MB · Ctrl-C 停止 (the files only for more than one). */
static void show(struct watch *w)
{
	size_t total = atomic_load_explicit(&w->count.files_total, memory_order_relaxed);
	size_t done = atomic_load_explicit(&w->count.files_done, memory_order_relaxed);
	size_t mb = atomic_load_explicit(&w->count.bytes_read, memory_order_relaxed) >> 20;
	char line[128];

	if (total > 1)
		snprintf(line, sizeof(line), "正在读取 %zu/%zu 个文件，%zu MB · Ctrl-C 停止", done,
			 total, mb);
	else
		snprintf(line, sizeof(line), "正在读取 %zu MB · Ctrl-C 停止", mb);
	tui_show_line(line);
}

/* The process ends during the load: the screen is closed first; the other
 * thread is mid-load, and nothing it holds needs giving back. */
_Noreturn static void end_now(int status)
{
	tui_close();
	_exit(status);
}

/* q (or Q) quits; other keys wait for the browser, but a click, which
 * was aimed at this screen and not at the browser's. */
static void take_keys(void)
{
	struct key_event ev;

	while (tui_poll_key(&ev)) {
		if (ev.key == 'q' || ev.key == 'Q')
			end_now(0);
		if (ev.key != KEY_MOUSE_)
			tui_keep_key(ev);
	}
}

static void watch(struct watch *w)
{
	struct pollfd done = {w->done[0], POLLIN, 0};
	struct timespec start;
	bool shown = false;

	clock_gettime(CLOCK_MONOTONIC, &start);
	for (;;) {
		long left = SHOW_AFTER_MS - ms_since(&start);
		if (poll(&done, 1, shown ? TICK_MS : left > 0 ? (int)left : 0) > 0)
			return;
		if (!shown && ms_since(&start) >= SHOW_AFTER_MS) {
			if (tui_open(w->topts))
				return; /* no screen: the load goes on unseen */
			shown = true;
		}
		if (!shown)
			continue;
		if (tui_stop_signal())
			end_now(128 + tui_stop_signal());
		take_keys();
		show(w);
	}
}

static void watch_part(void *arg, size_t k)
{
	struct watch *w = arg;

	if (k == 1) {
		watch(w);
		return;
	}
	w->failed = load_all(w->req->c, w->req->names, w->req->name_count, w->req->opts, &w->count);
	/* one byte into an empty pipe whose ends are both open cannot fail */
	if (write(w->done[1], "", 1) < 0)
		return;
}

size_t progress_load(const struct load_request *req, const struct tui_opts *topts)
{
	struct watch w = {.req = req, .topts = topts};

	if (pipe(w.done) != 0)
		return load_all(req->c, req->names, req->name_count, req->opts, &w.count);
	forkjoin(2, watch_part, &w);
	close(w.done[0]);
	close(w.done[1]);
	return w.failed;
}
