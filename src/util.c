#include "util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

const char *util_progname = "fayan";
static void (*fatal_hook)(void);

void util_set_fatal_hook(void (*hook)(void))
{
	fatal_hook = hook;
}

void die(int status, const char *fmt, ...)
{
	va_list ap;

	if (fatal_hook)
		fatal_hook();
	fprintf(stderr, "%s: ", util_progname);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(status);
}

static void *checked(void *p)
{
	if (!p)
		die(1, "out of memory");
	return p;
}

void *xmalloc(size_t size)
{
	return checked(malloc(size ? size : 1));
}

void *xcalloc(size_t count, size_t size)
{
	return checked(calloc(count ? count : 1, size ? size : 1));
}

void *xrealloc(void *p, size_t size)
{
	return checked(realloc(p, size ? size : 1));
}

void util_hint_huge(void *p, size_t len)
{
	const uintptr_t huge = HUGE_PAGE_BYTES;
	uintptr_t start = ((uintptr_t)p + huge - 1) & ~(huge - 1);
	uintptr_t end = ((uintptr_t)p + len) & ~(huge - 1);

	if (len >= HUGE_HINT_MIN && end > start)
		madvise((void *)start, end - start, MADV_HUGEPAGE);
}

void *util_alloc_huge(size_t len)
{
	const size_t huge = HUGE_PAGE_BYTES;
	size_t whole = (len + huge - 1) & ~(huge - 1);
	void *p;

	if (len < huge || whole < len)
		return xmalloc(len);
	p = checked(aligned_alloc(huge, whole));
	/* The last part-filled 2 MiB stays in 4 KiB pages: a huge page there
	 * would be resident whole (a 100 MB text's last page, 1 MB of RSS). */
	madvise(p, len & ~(huge - 1), MADV_HUGEPAGE);
	return p;
}

void *util_realloc_huge(void *p, size_t old_len, size_t len)
{
	void *moved;

	if (len < HUGE_PAGE_BYTES)
		return xrealloc(p, len);
	moved = util_alloc_huge(len);
	if (p)
		memcpy(moved, p, MIN(old_len, len));
	free(p);
	return moved;
}

void *xgrow(void *p, size_t *cap, size_t need, size_t elem_size)
{
	size_t n = *cap;

	if (need <= n)
		return p;
	if (n < FAYAN_GROW_MIN)
		n = FAYAN_GROW_MIN;
	while (n < need)
		n += n / 2 + 1;
	if (n > (size_t)-1 / elem_size)
		die(1, "out of memory");
	*cap = n;
	return xrealloc(p, n * elem_size);
}

char *xmemdup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	return xmemdup(s, strlen(s));
}
