/*
 * parse — file bytes to a collection in the corpus (SPEC 1): the lines read
 * and the layout chosen (lines), then the walk that builds the speeches and
 * the parts of the page, repairing the layout damage. Lenient: everything
 * odd becomes a finding, nothing is fatal. Depends on corpus, decode, dept,
 * lines, speaker, lexicon.
 */
#ifndef FAYAN_PARSE_H
#define FAYAN_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "corpus.h"
#include "utf8scan.h"
#include "decode.h"
#include "lexicon.h"
#include "lines.h"

struct parse_opts {
	const struct lexicon *lex;
	bool repair;          /* false: --no-repair */
	const char *encoding; /* NULL: detect */
	const char *layout;   /* a layout's name (SPEC 1.5) to force, NULL: choose */
	/* The splits of posts seen, shared by the collections of one corpus
	 * (its texts live as long as the corpus); NULL: one per collection. */
	struct dept_memo *memo;
	/* Where a long text's first part ends (a line's start) and how long
	 * the others are (0: one); split_at 0: thirty-two parts of a text of
	 * FORKJOIN_MIN_BYTES or more, else one. For the tests. */
	size_t split_at, chunk_len;
	/* For the tests: the lines the walk looked at ahead of itself are
	 * added here (NULL: not counted). */
	size_t *work;
};

/*
 * Adds the collection named name (copied), parsed from bytes, which it takes
 * over (malloc'd, len bytes). Returns the new collection's index.
 */
size_t parse_collection(struct corpus *c, const char *name, char *bytes, size_t len,
			const struct parse_opts *opts);

/* A file's bytes as the loader has them, and where they live. */
struct loaded {
	char *bytes;
	size_t len;
	enum text_home home;
	struct utf8_tally check; /* what the reader found, when complete */
};

/* The same for bytes that may live elsewhere than the heap. */
size_t parse_loaded(struct corpus *c, const char *name, const struct loaded *file,
		    const struct parse_opts *opts);

/*
 * The same in two steps, so that files can be made ready on two threads and
 * added in order on one: parse_prepare decodes the bytes (which it takes over
 * as parse_loaded does) and reads the lines, without the corpus;
 * parse_build adds the collection and walks it, and frees what prepare
 * made. Only parse_loaded cuts a long text into parts: a library's files
 * are made ready on two threads already.
 */
struct parse_prep {
	char *text;
	size_t text_len, lf_count;
	enum text_home text_home;
	bool plain;
	struct decode_findings found;
	struct lines lines;
	struct layout_choice choice;
	uint32_t counts[LAYOUT_COUNT];
};
void parse_prepare(const struct loaded *file, const struct parse_opts *opts, struct parse_prep *p);
size_t parse_build(struct corpus *c, const char *name, struct parse_prep *p,
		   const struct parse_opts *opts);

#endif
