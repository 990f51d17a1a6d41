/*
 * speaker — the recognisers of speaker lines (SPEC 1.5), one small function
 * per layout in a table. Each is handed what it needs: the lexicon, the line
 * and its neighbours; none knows the others. The parser asks them all in a
 * first pass and chooses among them; this module only answers "does this
 * line have your shape, and what does it say". Results point into the line.
 * Depends on names, lexicon and text.
 */
#ifndef FAYAN_SPEAKER_H
#define FAYAN_SPEAKER_H

#include <stdbool.h>

#include "lexicon.h"
#include "names.h"
#include "text.h"

/* The layouts, in the order --layout=list names them. */
#define LAYOUTS(X)                                                                                 \
	X(LAYOUT_BOLD, "bold")                                                                     \
	X(LAYOUT_OWN_LINE, "own-line")                                                             \
	X(LAYOUT_NAME_FIRST, "name-first")                                                         \
	X(LAYOUT_RUN_IN, "run-in")                                                                 \
	X(LAYOUT_DELEGATE, "delegate")                                                             \
	X(LAYOUT_SUBTITLE, "subtitle")                                                             \
	X(LAYOUT_ATTRIBUTION, "attribution")                                                       \
	X(LAYOUT_REPORTED, "reported")

#define LAYOUT_ENUM(id, name) id,
enum speech_layout { LAYOUTS(LAYOUT_ENUM) LAYOUT_COUNT, LAYOUT_NONE = LAYOUT_COUNT };
#undef LAYOUT_ENUM

/* How far into a line speaker_scan looks: as far as a name and its
 * designation reach (a delegate's head), past a name-first line's bracket. */
enum { SPEAKER_SCAN_BYTES = (16 + 4) * 3 };

struct speaker_line {
	struct str posts;       /* as written, possibly empty */
	struct str name;        /* without its designation */
	struct str designation; /* 代表, 委员…, or absent */
	struct str text;        /* the first paragraph, possibly empty */
};

/* A line and what its recogniser may look at around it. */
struct speaker_context {
	const struct lexicon *lex;
	struct str line;          /* trimmed, and speaker_unmarked */
	struct str next;          /* the next non-blank line, or absent */
	bool prev_bare, next_bare; /* whether the neighbouring lines are SPEC 1.1's "bare" */
	enum names_trust trust; /* NAMES_LISTED, or by form where the page's pattern vouches */
	/* What the recognisers' shapes turn on, found once a line (speaker_scan):
	 * where the first bracket and colon stand within SPEAKER_SCAN_BYTES
	 * (SIZE_MAX: not there), and whether the line holds bold marks. */
	size_t bracket_at, colon_at;
	bool stars;
	/* Counted up each time a recogniser reaches its words (a name, posts),
	 * where not NULL: a refusal by the lists, not by the shape. */
	unsigned *words_asked;
};

const char *speaker_layout_name(enum speech_layout layout);
/* Every layout's name, each after a space: " bold own-line …" (static). */
const char *speaker_layout_list(void);
/* LAYOUT_NONE when name is no layout's. */
enum speech_layout speaker_layout_from_name(const char *name);

/* Whether the layout's lines carry marks of their own (bold, brackets, a
 * designation, a dash, an attribution) rather than a name found by the
 * surname list alone; only such layouts mix with another on one page. */
bool speaker_layout_marked(enum speech_layout layout);
/* Whether the layout's speaker line follows the speech (attribution). */
bool speaker_layout_closes(enum speech_layout layout);
/* Where the layout stands when two explain a page equally well. */
int speaker_layout_rank(enum speech_layout layout);

/* line without the bullets ([bullet]), the ordinal and the spaces it opens
 * with (■ 院长 张三：…, 2. 院长 张三：…, （三）院长 张三): the line the
 * recognisers read, made once a line, not once a layout. */
struct str speaker_unmarked(const struct lexicon *lex, struct str line);

/* Finds ctx->line's brackets, colon and bold marks, for the recognisers
 * to refuse most lines at once; asked whenever the line is set, unless
 * none of the layouts to be asked (a bit each) needs it. */
void speaker_scan(struct speaker_context *ctx);
bool speaker_needs_scan(unsigned layouts);

/* Whether ctx's line is a speaker line of the given layout. */
bool speaker_match(const struct speaker_context *ctx, enum speech_layout layout,
		   struct speaker_line *out);

#endif
