/*
 * forkjoin — fayan's one concurrency mechanism: a job cut into parts, run
 * on this thread and one more, each taking the next part, joined before
 * forkjoin returns (SPEC 5: a load of 100 MB must cost about what grep's
 * does, and the machine has a second core to give).
 *
 *     forkjoin(5, job, arg)   this thread   job(0) job(2) job(3) ─┐
 *                             a second one  job(1) ── job(4) ─────┴─▶ return
 *
 * What makes it correct: job(arg, k) writes only what part k owns and
 * reads nothing another part writes in the same call; the join orders every
 * write before the caller's next read. A pipeline is a sequence of such
 * calls (read the parts, place them, mark them), each a barrier.
 *
 * Also where a text is cut into parts of whole lines. Owns nothing;
 * depends on pthreads and C11 atomics.
 */
#ifndef FAYAN_FORKJOIN_H
#define FAYAN_FORKJOIN_H

#include <stddef.h>

/* Texts this long are worth a second thread: below it, starting one costs
 * more than it saves, and the one-thread path stays the common one. */
enum { FORKJOIN_MIN_BYTES = 4u << 20 };

/* Runs job(arg, k) for every k in [0, count) and returns when all have
 * run; on this thread alone when count is 1 or no thread can be started. */
void forkjoin(size_t count, void (*job)(void *arg, size_t k), void *arg);

/* Where the line after the one at pos starts (after the first LF at or
 * past pos), or len. */
size_t forkjoin_line_after(const char *text, size_t len, size_t pos);

/*
 * Cuts a text into parts of whole lines (no UTF-8 sequence holds an LF
 * byte): the first ends at first (a line's start; 0: one part, the whole
 * text), each other after the first LF past part_len more bytes. Fills
 * cuts[0..parts] (cuts[0] = 0, cuts[parts] = len) and returns parts, at
 * most max.
 */
size_t forkjoin_cut(const char *text, size_t len, size_t first, size_t part_len, size_t *cuts,
		    size_t max);

#endif
