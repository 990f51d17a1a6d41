#include "forkjoin.h"

#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

struct team {
	void (*job)(void *arg, size_t k);
	void *arg;
	size_t count;
	atomic_size_t next; /* the next part no thread has taken */
};

static void *work(void *p)
{
	struct team *t = p;
	size_t k;

	while ((k = atomic_fetch_add(&t->next, 1)) < t->count)
		t->job(t->arg, k);
	return NULL;
}

void forkjoin(size_t count, void (*job)(void *arg, size_t k), void *arg)
{
	struct team t = {job, arg, count, 0};
	pthread_t second;
	int started = count > 1 && pthread_create(&second, NULL, work, &t) == 0;

	work(&t);
	if (started)
		pthread_join(second, NULL);
}

size_t forkjoin_line_after(const char *text, size_t len, size_t pos)
{
	const char *nl = pos < len ? memchr(text + pos, '\n', len - pos) : NULL;

	return nl ? (size_t)(nl + 1 - text) : len;
}

size_t forkjoin_cut(const char *text, size_t len, size_t first, size_t part_len, size_t *cuts,
		    size_t max)
{
	size_t parts = 0, at = 0;

	cuts[0] = 0;
	if (first > 0 && first < len) {
		cuts[++parts] = at = first;
		while (parts + 1 < max && part_len > 0 &&
		       (at = forkjoin_line_after(text, len, at + part_len - 1)) < len)
			cuts[++parts] = at;
	}
	cuts[++parts] = len;
	return parts;
}
