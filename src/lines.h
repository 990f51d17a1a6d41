/*
 * lines — a collection's non-blank lines, each classified once (bare,
 * byline, trailer, preamble…) and marked by every recogniser that would
 * take it; then the choice of the page's layout (SPEC 1.5) and the
 * settling of each candidate line to one recogniser.
 *
 * A long text's lines are read in chunks by two threads (lines_read_start
 * and the calls after it); what they give is what one thread gives. The
 * lines are offsets into the collection's text, which must outlive them;
 * lines_fini frees the array. Depends on speaker, names, lexicon, pthreads.
 */
#ifndef FAYAN_LINES_H
#define FAYAN_LINES_H

#include <stdbool.h>
#include <stdint.h>

#include "lexicon.h"
#include "lineclass.h"
#include "speaker.h"
#include "text.h"
#include "util.h"

/* A non-blank line: offsets into the collection's text. */
struct pline {
	uint32_t raw_off;  /* where the line starts */
	uint32_t head_len; /* from there to its text's end: trailing spaces are dropped */
	uint32_t no;
	uint8_t cand;    /* a bit per layout whose recogniser takes it */
	uint8_t lead;    /* the spaces before the text, LEAD_UNKNOWN from 255 on */
	uint8_t flags;
	uint8_t speaker; /* the layout that took it, LAYOUT_NONE */
};

/* A span of a speaker line, from the line's text: off UINT16_MAX when absent. */
struct line_span {
	uint16_t off, len;
};

/* What a recogniser found on a line, kept from the marking so that the walk
 * does not ask again (own-line's name split is dear). */
struct found {
	uint32_t line;
	uint8_t layout;
	struct line_span posts, name, designation, text;
};

struct lines {
	const char *text;
	struct pline *v;
	size_t n, cap;
	VEC(struct found) found; /* by line, then layout */
	size_t found_at;         /* where lines_speaker looks first */
	VEC(uint32_t) by_pattern; /* the lines taken by the page's pattern (pattern.h), in order */
};

/* A collection's decoded text: plain when LF is its only line end and it
 * has no TAB (else TABs become spaces as it is read); lf_count sizes the
 * line array. */
struct text_in {
	char *text;
	size_t len, lf_count;
	bool plain;
	size_t split_at;  /* a line's start: from there on, chunks a second thread may read; 0: none */
	size_t chunk_len; /* their length, to the next line's start; 0: one chunk */
};

/* The layout of a collection: forced (or LAYOUT_NONE) in, the active ones
 * (a bit each) and the primary out, and every layout's candidate lines. */
struct layout_choice {
	enum speech_layout forced, primary;
	unsigned active;
	uint32_t *counts; /* LAYOUT_COUNT of them, added to */
};

/*
 * Reads the lines of the text into ls and marks each with the layouts that
 * take it: every recogniser on the first 4096 lines (a page shows its
 * layout long before that; reported only where no other marked a line),
 * the layouts chosen from those counts on the rest, as they are read.
 * With a split, two threads do it, and what they give is what one gives.
 */
void lines_read(struct lines *ls, const struct lexicon *lex, const struct text_in *in,
		struct layout_choice *choice);

/*
 * lines_read in steps, so that the caller may work on the lines that are
 * final while the second thread reads on: start returns with the first
 * chunk read (all of the text without a split); each next takes in one more
 * chunk, false when all are in; finish takes in the rest and marks the last
 * lines, and frees what start returned.
 */
struct lines_pending;
struct lines_pending *lines_read_start(struct lines *ls, const struct lexicon *lex,
				       const struct text_in *in, struct layout_choice *choice);
bool lines_read_next(struct lines *ls, struct lines_pending *p);
/* How many of ls's lines are final between the steps: read, marked, their
 * neighbours known, the layout chosen; 0 without a split. */
size_t lines_ready(const struct lines *ls, const struct lines_pending *p);
void lines_read_finish(struct lines *ls, const struct lexicon *lex, struct lines_pending *p);
void lines_fini(struct lines *ls);

enum { LEAD_UNKNOWN = 255 };

/* The line trimmed. A line is 16 bytes, which a 100 MB collection has half
 * a million of, so the text is found from the lead, or found again. */
static inline struct str lines_text(const struct lines *ls, size_t i)
{
	const struct pline *l = &ls->v[i];
	struct str head = {ls->text + l->raw_off, l->head_len};

	if (l->lead == LEAD_UNKNOWN)
		return str_trim(head);
	return (struct str){head.s + l->lead, head.len - l->lead};
}

/* The line as the file has it, but for spaces at its end. */
static inline struct str lines_raw(const struct lines *ls, size_t i)
{
	return (struct str){ls->text + ls->v[i].raw_off, ls->v[i].head_len};
}

static inline bool lines_has(const struct lines *ls, size_t i, unsigned flag)
{
	return i < ls->n && (ls->v[i].flags & flag);
}

/* What line i's recognisers are given: the line and its neighbours. */
struct speaker_context lines_context(const struct lines *ls, const struct lexicon *lex, size_t i);

/* What the layout's recogniser finds on line i: kept from the marking when
 * it could be, else asked again. Asked in line order, each costs a step. */
void lines_speaker(struct lines *ls, const struct lexicon *lex, size_t i,
		   enum speech_layout layout, struct speaker_line *out);

/* Whether line i was taken by the page's pattern, its names by their form. */
bool lines_by_pattern(const struct lines *ls, size_t i);

/* Keeps what line i's recogniser of layout found (the marking, in line
 * order); a line too long for the spans' 16 bits is asked again instead. */
void lines_keep_found(struct lines *ls, size_t i, enum speech_layout layout,
		      const struct speaker_line *sl, struct str line);

/* Drops what the recognisers found on the lines before before, which the
 * walk has passed (a 100 MB text's findings are 2 MB of the peak). */
void lines_forget_found(struct lines *ls, size_t before);

/* Gives each candidate line of the active layouts from line from on its
 * recogniser. */
void lines_settle(struct lines *ls, unsigned active, enum speech_layout primary, size_t from);

#endif
