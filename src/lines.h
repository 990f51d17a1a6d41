/*
 * lines — a collection's non-blank lines, each classified once (bare,
 * byline, trailer, preamble…) and marked by every recogniser that would
 * take it; then the choice of the page's layout (SPEC 1.5) and the
 * settling of each candidate line to one recogniser.
 *
 * A long text's lines are read in parts by two threads (forkjoin); what
 * they give is what one thread gives. The lines are offsets into the
 * collection's text, which must outlive them; lines_fini frees the array.
 * Depends on speaker, names, lexicon, forkjoin.
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
	uint16_t flags;  /* enum line_flag */
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

struct found_list {
	struct found *v;
	size_t n, cap;
};

/* A line a marked layout's shape took where its lists did not: a speaker
 * line the lists cannot vouch for (the pattern judges it by form), or a
 * near miss, never silently text (SPEC 1.5). */
struct shaped {
	uint32_t line;
	uint8_t layout;
};

typedef VEC(struct shaped) shaped_list;

struct lines {
	const char *text;
	struct pline *v;
	size_t n, cap;
	struct found_list found; /* by line, then layout */
	size_t found_at;         /* where lines_speaker looks first */
	VEC(uint32_t) by_pattern; /* the lines taken by the page's pattern (pattern.h), in order */
	shaped_list shaped; /* in no order */
	/* The layout that takes a line, by its candidate marks (lines_settle):
	 * one table for the page, not a byte written on every line. */
	uint8_t settled[1u << LAYOUT_COUNT];
};

/* A collection's decoded text: plain when LF is its only line end and it
 * has no TAB (else TABs become spaces as it is read); lf_count sizes the
 * line array. */
struct text_in {
	char *text;
	size_t len, lf_count;
	bool plain;
	size_t split_at;  /* where the first part ends (a line's start); 0: one part, the whole text */
	size_t chunk_len; /* the other parts' length, to the next line's start; 0: one more */
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
 * take it: every recogniser on every line (reported only where no other
 * took one), so that a layout is chosen from evidence of the whole file,
 * and one that first appears late is found; then chooses. With parts (a
 * long text), two threads do it, and what they give is what one gives.
 */
void lines_read(struct lines *ls, const struct lexicon *lex, const struct text_in *in,
		struct layout_choice *choice);

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
/* The same with a cursor of the caller's (0 to start), for threads that
 * ask at once: the lines are only read. */
void lines_speaker_from(const struct lines *ls, const struct lexicon *lex, size_t i,
			enum speech_layout layout, size_t *cursor, struct speaker_line *out);

/* Whether line i was taken by the page's pattern, its names by their form. */
bool lines_by_pattern(const struct lines *ls, size_t i);

/* Keeps what line i's recogniser of layout found (the marking, in line
 * order); a line too long for the spans' 16 bits is asked again instead. */
void lines_keep_found(struct found_list *found, size_t i, enum speech_layout layout,
		      const struct speaker_line *sl, struct str line);

/* Gives each candidate line of the active layouts one recogniser: the
 * primary first, then the others by rank (lines_speaker_of says which). */
void lines_settle(struct lines *ls, unsigned active, enum speech_layout primary);

/* The layout that took line i, LAYOUT_NONE: before lines_settle, none. */
static inline enum speech_layout lines_speaker_of(const struct lines *ls, size_t i)
{
	return (enum speech_layout)ls->settled[ls->v[i].cand];
}

#endif
