/*
 * wrap — one run of display text + width → lines (SPEC 3.3).
 *
 * Break opportunities come from UAX #14 (u8_possible_linebreaks), narrowed
 * by the kinsoku lists of the lexicon; a greedy loop fits them, measuring
 * with text_width, the same rule the screen uses. A run with no opportunity
 * within the width is split hard. Pure: no curses, no globals. Lines point
 * into the caller's text by offset. Depends on text, lexicon, libunistring.
 */
#ifndef FAYAN_WRAP_H
#define FAYAN_WRAP_H

#include <stdbool.h>
#include <stddef.h>

#include "lexicon.h"

struct wrap_opts {
	int width;
	int ambiguous_width; /* 1 or 2 */
	const struct lexicon *lex;
};

struct wrap_line {
	size_t off, len; /* bytes of the text; len includes spaces hanging at the break */
	size_t draw_len; /* len without the hanging spaces */
	int width;       /* columns of the drawn part */
	bool hard;       /* split inside an unbreakable run */
};

struct wrap_lines {
	struct wrap_line *v;
	size_t n, cap;
};

/* Appends the lines of s (display text, already sanitised) to out; offsets
 * are relative to s plus base. An empty s gives one empty line. */
void wrap_text(const char *s, size_t len, size_t base, const struct wrap_opts *opts,
	       struct wrap_lines *out);

/* The break opportunities wrap uses: breaks[i] true when a line may start at
 * byte i (0 < i < len) of s. breaks has len bytes. Exposed for the tests. */
void wrap_opportunities(const char *s, size_t len, const struct lexicon *lex, bool *breaks);

#endif
