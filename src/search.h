/*
 * search — folding, matching, the concordance (KWIC) and the outline
 * (SPEC 3.2, 2.1 --grep).
 *
 * Folding, per character: a character whose uc_decomposition is of type
 * <wide> or <narrow> becomes its one-character decomposition, then
 * uc_tolower. Offsets stay one-to-one with the text. The needle is folded
 * into the byte variants of each of its characters and the text is scanned
 * bytewise; the collection is never folded.
 *
 * A search owns its term, variants and matches; search_fini frees them.
 * Matches point into the corpus by index and offset. Depends on corpus,
 * text, libunistring.
 */
#ifndef FAYAN_SEARCH_H
#define FAYAN_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "corpus.h"
#include "hanfold.h"
#include "lexicon.h"

/* Where in a speech a match is: the screen also searches the speaker's name,
 * the posts and the byline (SPEC 3.2); --grep does not (2.1). */
enum match_where {
	WHERE_HEADLINE,
	WHERE_SPEAKER,
	WHERE_POSTS,
	WHERE_PARA,
	WHERE_PULLQUOTE,
	WHERE_BYLINE
};

struct match {
	size_t speech;
	enum match_where where;
	size_t index; /* paragraph or pull quote of the speech */
	size_t off, len; /* bytes of that (repaired) text */
};

enum { VARIANTS_MAX = 12 };

/* The byte forms one character of the needle may take in the text. */
struct needle_char {
	char bytes[VARIANTS_MAX][4];
	uint8_t lens[VARIANTS_MAX];
	size_t count;
};

struct search {
	const struct hanfold *han; /* 繁简 folding when set and ready; borrowed */
	bool names;                /* the speaker's name, posts and byline too */
	struct buf term;
	struct needle_char *chars;
	size_t char_count;
	size_t anchor; /* the character looked for first: the one with the fewest variants */
	struct match *v;
	size_t n, cap;
	unsigned generation; /* changes with each compile: what was found for a term is stale */
};

uint32_t search_fold(uint32_t uc);

void search_init(struct search *s);
void search_fini(struct search *s);
/* Prepares term; false (and nothing to find) when it is empty. */
bool search_compile(struct search *s, const char *term, size_t len);
bool search_active(const struct search *s);
/* Replaces the matches with every match in the speeches of dept
 * (GROUP_ALL: all), in speech order, each speech's as its page shows them:
 * headline, (names:) speaker and posts, paragraphs, pull quotes, (names:)
 * byline. */
void search_run(struct search *s, const struct corpus *c, size_t dept);
/* Calls found(ctx, off, len) for each match in text, left to right. */
void search_text(const struct search *s, const char *text, size_t len,
		 void (*found)(void *ctx, size_t off, size_t len), void *ctx);
/* The text a match lies in. scratch backs joined paragraphs. */
struct str search_match_text(const struct corpus *c, const struct match *m, struct buf *scratch);

/* One --grep / concordance line (SPEC 2.1) into out, without newline. */
struct kwic_opts {
	int width;
	int speaker_width; /* S: the widest speaker among the hits */
	int ambiguous_width;
	bool fullwidth;
};
/* Where the term stands in a KWIC line: its first column and its width. */
struct kwic_key {
	int col, width;
};
struct kwic_key search_kwic(struct buf *out, const struct corpus *c, const struct match *m,
			    const struct kwic_opts *opts);
/* S for a set of matches. */
int search_speaker_width(const struct corpus *c, const struct match *v, size_t n, int amb);

/* The outline: numbered points of one speech (SPEC 3.2). */
struct outline_entry {
	size_t para, off; /* where the marker starts */
	size_t group;     /* runs: each series' first marker starts a new one */
	size_t series, rank;
};
struct outline {
	struct outline_entry *v;
	size_t n, cap;
};
void outline_build(struct outline *o, const struct corpus *c, size_t speech,
		   const struct lexicon *lex);
void outline_fini(struct outline *o);

#endif
