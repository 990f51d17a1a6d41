/*
 * page — one speech laid out at one width: the styled lines both --print
 * and the text pane show (SPEC 2.1 --print, 3.3).
 *
 * A page owns its display text and its lines; page_fini frees them. Pure:
 * no curses. Depends on corpus, wrap, text.
 */
#ifndef FAYAN_PAGE_H
#define FAYAN_PAGE_H

#include <stdbool.h>

#include "buf.h"
#include "corpus.h"
#include "hanfold.h"
#include "lexicon.h"
#include "wrap.h"

enum page_style {
	PAGE_BLANK,
	PAGE_TITLE,
	PAGE_HEADLINE,
	PAGE_SPEAKER,
	PAGE_PARA,
	PAGE_PULLQUOTE,
	PAGE_BYLINE,
	PAGE_RAW,
	PAGE_PREAMBLE, /* the page's preamble, above its first speech */
	PAGE_GROUP,    /* a group header, above the first speech of its group */
	PAGE_TRAILER,  /* the page's trailer, below its last speech */
};

struct page_opts {
	int width;
	int ambiguous_width;
	bool fullwidth;
	const struct lexicon *lex;
	const struct hanfold *han; /* 繁简: the search folds with it (NULL: off) */
	bool simplified;           /* t: the text shown in Simplified (needs han) */
	bool subtitle;             /* the page's subtitle opens its first speech (the
				    * screen's; --print shows it under the title) */
};

struct page_line {
	enum page_style style;
	size_t off, len, draw_len; /* in page.text */
	int width;
	bool hard;   /* wrap split an unbreakable run here */
	size_t para; /* paragraph (or raw line) it belongs to, NO_PARA otherwise */
};

struct page {
	struct buf text;
	struct page_line *lines;
	size_t line_count, line_cap;
	/* What it was laid out for: a page is stale when any of these differ. */
	size_t speech;
	int width, ambiguous_width;
	bool fullwidth, simplified, raw;
	size_t steps; /* the work of the last build (a test counts it) */
	unsigned generation; /* changes with each build */
};

void page_init(struct page *pg);
void page_fini(struct page *pg);
/* Lays out speech at opts->width, replacing what pg held: the page's preamble
 * above its first speech, a group header where a group starts, the trailer
 * below its last speech. */
void page_build(struct page *pg, const struct corpus *c, size_t speech,
		const struct page_opts *opts);
/* Whether pg is speech laid out with opts (raw or not): if not, it is stale. */
bool page_is_of(const struct page *pg, size_t speech, const struct page_opts *opts, bool raw);
/* The raw view: the speech's lines as the file has them, repairs marked. */
void page_build_raw(struct page *pg, const struct corpus *c, size_t speech,
		    const struct page_opts *opts);
/* Appends one wrapped block of plain text (the collection title, say). */
void page_add_block(struct page *pg, enum page_style style, struct str text,
		    const struct page_opts *opts);
/* The indent of a paragraph's first line: two U+3000, none below width 10. */
bool page_indents(int width);

#endif
