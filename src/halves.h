/*
 * halves — a job cut in two, the second half on a thread of its own (SPEC 5:
 * a load of 100 MB must cost about what grep's does, and a machine has a
 * second core to give). Owns nothing; depends on nothing but pthreads.
 */
#ifndef FAYAN_HALVES_H
#define FAYAN_HALVES_H

#include <stddef.h>

/* Texts this long are worth a second thread: below it, starting one costs
 * more than it saves, and the one-thread path stays the common one. */
enum { HALVES_MIN_BYTES = 4u << 20 };

/* Runs fn(second) on a new thread and fn(first) on this one, and returns
 * when both have; one after the other if no thread can be started. */
void halves_run(void (*fn)(void *half), void *first, void *second);

/* Where a long text is cut in two: after the first LF past its middle, so
 * that each half is whole lines (no UTF-8 sequence holds an LF byte); 0 when
 * the text is shorter than HALVES_MIN_BYTES or has no LF there. */
size_t halves_split_point(const char *text, size_t len);
/* The same, after the first LF at or past at. */
size_t halves_split_after(const char *text, size_t len, size_t at);
/* Where the line after the one at pos starts (after the first LF at or
 * past pos), or len; for texts of any length. */
size_t halves_line_after(const char *text, size_t len, size_t pos);

#endif
