#include "halves.h"

#include <pthread.h>
#include <string.h>

struct call {
	void (*fn)(void *half);
	void *arg;
};

static void *run_call(void *p)
{
	struct call *call = p;

	call->fn(call->arg);
	return NULL;
}

void halves_run(void (*fn)(void *half), void *first, void *second)
{
	struct call call = {fn, second};
	pthread_t thread;
	int started = pthread_create(&thread, NULL, run_call, &call) == 0;

	fn(first);
	if (started)
		pthread_join(thread, NULL);
	else
		fn(second);
}

size_t halves_line_after(const char *text, size_t len, size_t pos)
{
	const char *nl = pos < len ? memchr(text + pos, '\n', len - pos) : NULL;

	return nl ? (size_t)(nl + 1 - text) : len;
}

size_t halves_split_after(const char *text, size_t len, size_t at)
{
	size_t split;

	if (len < HALVES_MIN_BYTES)
		return 0;
	split = halves_line_after(text, len, at);
	return split < len ? split : 0;
}

size_t halves_split_point(const char *text, size_t len)
{
	return halves_split_after(text, len, len / 2);
}
