/*
 * walk — the walker's state while it builds the speeches of one collection
 * (parse.c walks the page, speechbuild.c builds the speech it is in), and
 * what the two share. Private to those two files.
 */
#ifndef FAYAN_WALK_H
#define FAYAN_WALK_H

#include "corpus.h"
#include "dept.h"
#include "lines.h"
#include "parse.h"

#define NO_LINE ((size_t)-1)

/* Lines first, first + 1, … first + count - 1 of the collection. */
struct line_run {
	size_t first, count;
};

/* The walker's state while it builds the speeches of one collection. */
struct walk {
	struct corpus *c;
	const struct parse_opts *opts;
	size_t coll;
	struct lines lines;
	struct speech *cur; /* NULL outside a speech */
	size_t headline;    /* the waiting headline, NO_LINE */
	size_t close_at;    /* the attribution that will close cur, NO_LINE */
	size_t next_close, scanned; /* the next closing speaker line, found once */
	size_t next_open, open_scanned; /* the next opening one, likewise */
	size_t trailer_tail; /* from here to the end, only trailer lines */
	uint32_t group; /* the group header in force, NO_GROUP */
	bool any_speech, in_note, headed_attribution;
	bool headless; /* fewer than half its speeches have a headline */
	size_t last_seg_line; /* line of the last segment of the last paragraph */
	bool last_broken;
	/* The preamble's lines, as runs of consecutive ones (a page of a
	 * million stray lines and no speech is one run); the trailer's. */
	VEC(struct line_run) preamble;
	VEC(size_t) trailer; /* line indices */
	size_t last_unattached;  /* the last line outside any speech, NO_LINE */
	size_t unattached_lines; /* how many */
	struct dept_memo *memo;
};

static inline void walk_finding(struct walk *w, enum diag_id id, size_t line, struct str arg, size_t num)
{
	corpus_add_finding(w->c, w->coll, (struct diag){.id = id, .line = line, .arg = arg, .num = num});
}

/* A line looked at ahead of the walk: counted for the tests, which hold
 * the walk to a few looks a line (parse_opts.work). */
static inline void walk_work(struct walk *w)
{
	if (w->opts->work)
		++*w->opts->work;
}

static inline struct str walk_text(const struct walk *w, size_t i)
{
	return lines_text(&w->lines, i);
}

static inline struct str walk_raw(const struct walk *w, size_t i)
{
	return lines_raw(&w->lines, i);
}

static inline bool walk_has(const struct walk *w, size_t i, unsigned flag)
{
	return lines_has(&w->lines, i, flag);
}

/* Opens a speech whose first line is first (its headline, or its speaker
 * line) and whose speaker line is speaker; closes the open one first. */
void walk_start_speech(struct walk *w, size_t first, size_t speaker);
/* Closes the open speech, if any; before says what ended it. */
void walk_end_speech(struct walk *w, const char *before);
/* The open speech's text reaches to the end of line i. */
void walk_extend_raw(struct walk *w, size_t i);
/* Line i of the open speech's body: a paragraph, a part of one, a pull quote. */
void walk_add_body(struct walk *w, size_t i);
/* Line i is the open speech's byline: it closes the speech. */
void walk_add_byline(struct walk *w, size_t i);

#endif
