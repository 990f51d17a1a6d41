/*
 * util — allocation that cannot fail, fatal errors, a few macros.
 *
 * Owns nothing. Depends on nothing but libc. An out-of-memory failure calls the
 * hook set by util_set_fatal_hook (the TUI uses it to restore the terminal)
 * and exits with status 1.
 */
#ifndef FAYAN_UTIL_H
#define FAYAN_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))
#define MIN(a, b) ((a) < (b) ? (a) : (b))
#define MAX(a, b) ((a) > (b) ? (a) : (b))

/* Growth floor of every growable array; the unit tests build the core with 1
 * so that each push reallocates and every growth path runs. */
#ifndef FAYAN_GROW_MIN
#define FAYAN_GROW_MIN 16
#endif

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t size);
/* Grows *p (of *cap elements of elem_size) so that it holds at least need. */
void *xgrow(void *p, size_t *cap, size_t need, size_t elem_size);
char *xstrdup(const char *s);

/*
 * Asks for transparent huge pages for a large block (a no-op below
 * HUGE_HINT_MIN, or where the kernel says no). On virtual machines the first
 * touch of each 4 KiB page is dear; a 100 MB collection in 2 MiB pages loads
 * several times faster (tests/bench.py shows it). Not for blocks that will
 * be realloc'd: the hint splits the mapping, and glibc's realloc can then no
 * longer mremap it but copies.
 */
enum { HUGE_HINT_MIN = 4u << 20 };
/* A transparent huge page on x86-64. */
#define HUGE_PAGE_BYTES ((size_t)2 << 20)
void util_hint_huge(void *p, size_t len);
/*
 * A block of len bytes for a text or an array reserved up front, freed with
 * free(): from 2 MiB on, it starts on a 2 MiB boundary and is in huge pages
 * up to its last whole one, so it is not faulted in 4 KiB at a time (a
 * malloc'd block starts 16 bytes into a fresh mapping, and its first 2 MiB
 * up to the first boundary would be). It may still be realloc'd (then it
 * is copied into small pages).
 */
void *util_alloc_huge(size_t len);
/* p (old_len bytes of it kept) moved to a block from util_alloc_huge. */
void *util_realloc_huge(void *p, size_t old_len, size_t len);
char *xmemdup(const char *s, size_t len);

/* The program name for messages ("fayan"). */
extern const char *util_progname;
void util_set_fatal_hook(void (*hook)(void));
/* Prints "fayan: message" to stderr, runs the hook, exits with status. */
_Noreturn void die(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Asks for the cache line at p ahead of its use. GCC 12's dead-code pass
 * drops a __builtin_prefetch whose address comes from memory, so on x86-64
 * the instruction is written out. */
static inline void util_prefetch(const void *p)
{
#if defined(__x86_64__) && defined(__GNUC__)
	__asm__ volatile("prefetcht0 %0" : : "m"(*(const char *)p));
#else
	__builtin_prefetch(p);
#endif
}

/*
 * A growable array of T: VEC(T) v = {0}; T *slot = VEC_PUSH(&v);
 * The new slot is zeroed. v.v is owned by whoever owns v; free(v.v).
 */
#define VEC(T)                                                                                     \
	struct {                                                                                   \
		T *v;                                                                              \
		size_t n, cap;                                                                     \
	}
/* Grows only when full: a push is a compare on the common path. */
#define VEC_PUSH(vec)                                                                              \
	((vec)->n < (vec)->cap                                                                     \
		 ? (void)0                                                                         \
		 : (void)((vec)->v = xgrow((vec)->v, &(vec)->cap, (vec)->n + 1, sizeof(*(vec)->v))), \
	 memset(&(vec)->v[(vec)->n], 0, sizeof(*(vec)->v)), &(vec)->v[(vec)->n++])

#endif
