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

size_t halves_split_after(const char *text, size_t len, size_t at)
{
	const char *nl;

	if (len < HALVES_MIN_BYTES || at >= len)
		return 0;
	nl = memchr(text + at, '\n', len - at);
	return nl && (size_t)(nl + 1 - text) < len ? (size_t)(nl + 1 - text) : 0;
}

size_t halves_split_point(const char *text, size_t len)
{
	return halves_split_after(text, len, len / 2);
}
