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

/*
 * What utf8_scan says of a text, added up a piece at a time, so that a
 * reader can check each piece while it is still in the cache. A piece
 * starts at the text's start or just after an LF and ends just after an LF
 * or at the text's end: no sequence is cut. complete: the pieces added
 * cover the whole text (the adder says so; the sums mean nothing before).
 */
struct utf8_tally {
	bool complete, valid, plain;
	size_t newlines;
};

#define UTF8_TALLY_EMPTY ((struct utf8_tally){.valid = true, .plain = true})

void utf8_tally_add(struct utf8_tally *t, const char *s, size_t len);
/* Adds what b holds to a. */
void utf8_tally_merge(struct utf8_tally *a, const struct utf8_tally *b);

/* The byte loop alone, for the tests to compare against. */
bool utf8_scan_scalar(const char *s, size_t len, bool *plain, size_t *newlines);

#endif
