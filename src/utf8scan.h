/*
 * utf8scan — validates UTF-8 fast (SPEC 5: loading 100 MB must cost about
 * what grep does), and says whether the text is "plain": LF its only line
 * end and no TAB, so that lines can be split with memchr. With AVX2 it
 * checks 32 bytes at a time (the lookup algorithm of Keiser and Lemire,
 * "Validating UTF-8 in less than one instruction per byte", 2021); without,
 * a byte loop. A long text may be cut in two and scanned by two threads.
 * Owns nothing; depends on forkjoin.
 */
#ifndef FAYAN_UTF8SCAN_H
#define FAYAN_UTF8SCAN_H

#include <stdbool.h>
#include <stddef.h>

/* Whether s is valid UTF-8 (no overlong forms, surrogates or values past
 * U+10FFFF); *plain as above, and *newlines the count of LF bytes (both
 * meaningful when valid). */
bool utf8_scan(const char *s, size_t len, bool *plain, size_t *newlines);
/* The same, the halves before and from split (just after an LF, where no
 * sequence is cut; 0: no cut) scanned on two threads. */
bool utf8_scan_split(const char *s, size_t len, size_t split, bool *plain, size_t *newlines);
/* The byte loop alone, for the tests to compare against. */
bool utf8_scan_scalar(const char *s, size_t len, bool *plain, size_t *newlines);

#endif
