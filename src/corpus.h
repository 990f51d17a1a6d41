/*
 * corpus — the model: collections, speeches, posts, paragraphs, pull quotes,
 * repairs, departments and the findings of the load.
 *
 * A corpus owns each collection's text buffer; every struct str inside it
 * points into one of those buffers and lives until corpus_free. Speeches of
 * all collections form one list in load order. Paragraphs are lists of
 * segments (slices of the text) so that a repaired paragraph costs no copy.
 * Immutable once loaded. Depends on text, diag, util; never on curses.
 */
#ifndef FAYAN_CORPUS_H
#define FAYAN_CORPUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "text.h"
#include "util.h"

#define NO_DEPT ((size_t)-1)
/* The name the list gives speeches without a department. */
#define NO_DEPT_NAME "(未分部门)"
/* The name of the collection compiled into the binary. */
#define BUNDLED_NAME "<bundled>"
#define NO_PARA ((size_t)-1)
#define NO_GROUP UINT32_MAX

/* A post: its unit and role are spans of its text (a post's model is 40
 * bytes, not 56: a 100 MB collection has posts by the hundred thousand). */
struct post {
	struct str text;             /* as written */
	uint32_t unit_off, unit_len; /* unit_off POST_NO_UNIT: the post names no unit */
	uint32_t role_off;           /* the role is the text from here to its end */
	size_t dept;                 /* index in corpus.depts, NO_DEPT when none */
};

#define POST_NO_UNIT UINT32_MAX

static inline struct str post_unit(const struct post *p)
{
	return p->unit_off == POST_NO_UNIT ? STR_NULL
					   : (struct str){p->text.s + p->unit_off, p->unit_len};
}

static inline struct str post_role(const struct post *p)
{
	return (struct str){p->text.s + p->role_off, p->text.len - p->role_off};
}

/* Indices and line numbers are 32-bit: the model of a 100 MB collection must
 * stay small beside its text (SPEC 5), and no file has 4 billion lines. */
struct para {
	uint32_t seg_first, seg_count; /* in corpus.segs */
	uint32_t line;                 /* of its first segment */
};

struct pullquote {
	struct str text;
	size_t line;
	size_t after; /* index among the speech's paragraphs, NO_PARA: before all */
};

enum repair_kind { REPAIR_JOIN, REPAIR_PULLQUOTE };

/* A join (to: the line the sentence goes on at) or a lifted pull quote
 * (to == 0). --check makes its findings from these; they are not stored
 * twice. */
struct repair {
	uint32_t line, to;
};

static inline enum repair_kind repair_kind(const struct repair *r)
{
	return r->to ? REPAIR_JOIN : REPAIR_PULLQUOTE;
}

struct speech {
	struct str headline, speaker, title, byline;
	struct str raw; /* the file's text from headline (or speaker line) to last line */
	uint32_t group; /* its group header in corpus.parts, NO_GROUP */
	uint32_t coll;
	uint32_t line; /* SPEC's "line", also the first line of raw */
	uint32_t post_first, post_count;
	uint32_t para_first, para_count;
	uint32_t pq_first, pq_count;
	uint32_t repair_first, repair_count;
	uint32_t dept_first, dept_count; /* in corpus.speech_depts */
	uint32_t speaker_line; /* the line its recogniser took */
	uint16_t reporter_off, reporter_len; /* the reporter, in the byline */
	uint8_t layout;        /* that recogniser's (enum speech_layout) */
	uint8_t designation_len; /* 代表, 委员… written right after the name */
	bool by_pattern;         /* taken by the page's pattern, not the word lists */
};

/* Room for every layout's count of candidate lines (enum speech_layout). */
enum { CORPUS_LAYOUT_SLOTS = 8 };

/* Text outside any speech, a run of consecutive non-blank lines at a time
 * (a file of a million stray lines is a record, not a million): from its
 * first line's text to its last's, the blank lines and line ends between
 * included. */
struct unattached {
	uint32_t coll;
	uint32_t line;  /* its first line's number */
	uint32_t count; /* its non-blank lines */
	struct str text;
};

struct finding {
	size_t coll;
	struct diag d;
};

/* Why a file gave nothing to read (load.h says it in words). */
enum unusable_why {
	UNUSABLE_ERRNO,     /* could not be read: err says why */
	UNUSABLE_TOO_LARGE, /* past LOAD_MAX_BYTES */
	UNUSABLE_NO_TXT,    /* a directory without *.txt files */
	UNUSABLE_EMPTY,
	UNUSABLE_NO_SPEECHES,
};

/* A file that gave nothing to read: unreadable, empty, or without speeches. */
struct unusable {
	char *shown; /* its name as a terminal may show it, owned */
	enum unusable_why why;
	int err; /* UNUSABLE_ERRNO's */
};

/* Not even read (--check still reports the rest itself). */
static inline bool unusable_unread(const struct unusable *u)
{
	return u->why < UNUSABLE_EMPTY;
}

/* Where a collection's text lives, and so how it is given back. */
enum text_home {
	TEXT_HEAP,  /* malloc'd */
	TEXT_BLOCK, /* in one of the corpus's text blocks, freed with them */
};

/* A block that the texts of small files are read into, one after another. */
struct text_block {
	char *base;
	size_t used;
};

struct collection {
	char *name;  /* as given: a path, "-" or "<bundled>" */
	char *shown; /* the name as a terminal may show it (SPEC 3.5), NUL-ended */
	char *text; /* the decoded text, owned as text_home says */
	size_t text_len;
	uint8_t text_home; /* enum text_home */
	struct str title, subtitle;
	uint8_t layout; /* the one chosen for it (enum speech_layout) */
	uint32_t layout_counts[CORPUS_LAYOUT_SLOTS]; /* candidate lines per layout */
	size_t speech_first, speech_count;
	size_t unatt_first, unatt_count; /* runs of unattached lines */
	size_t unatt_lines;              /* and the lines in them */
	size_t preamble_first, preamble_count; /* paragraphs, in corpus.parts */
	size_t trailer_first, trailer_count;   /* lines as written, in corpus.parts */
};

struct corpus {
	VEC(struct collection) colls;
	VEC(struct speech) speeches;
	VEC(struct post) posts;
	VEC(struct para) paras;
	VEC(struct str) segs;
	VEC(struct pullquote) pqs;
	VEC(struct repair) repairs;
	VEC(uint32_t) speech_depts;
	VEC(struct str) depts; /* names, first-appearance order */
	VEC(struct unattached) unatt;
	VEC(struct str) parts; /* preambles and trailers */
	VEC(struct finding) findings;
	VEC(struct unusable) unusable; /* in command-line (and walk) order */
	VEC(struct text_block) blocks;
	VEC(char *) made; /* strings the load made, not the text's: 王强 of 王　强 */
	/* Department name → index + 1 (0: empty), open addressing. */
	size_t *dept_slots;
	size_t dept_slot_count;
};

/* Records a finding of the load (diag.arg lives as long as the corpus). */
void corpus_add_finding(struct corpus *c, size_t coll, struct diag d);

/* Records a file that gave nothing (copies both strings). */
void corpus_add_unusable(struct corpus *c, const char *shown, enum unusable_why why, int err);

struct corpus *corpus_new(void);
void corpus_free(struct corpus *c);

/*
 * Room for n bytes of a small file's text in the corpus's blocks (2 MiB
 * pages, a few tens of MiB each, freed with the corpus): a library of
 * thousands of small files is read into a few huge pages, not thousands of
 * fresh 4 KiB ones that the kernel must fault in one by one. NULL when n is
 * too large for a block (CORPUS_BLOCK_FILE_MAX) or no block can be made.
 */
#define CORPUS_BLOCK_FILE_MAX ((size_t)1 << 20)
char *corpus_text_room(struct corpus *c, size_t n);

/* Makes room for a collection of about this many lines, in one allocation
 * per array rather than by growing. */
void corpus_reserve(struct corpus *c, size_t lines);

/* Makes room, likewise, for the rest of a library when done of its total
 * files are loaded, projected from what those gave. */
/* The empty room corpus_reserve made for what a collection of this many
 * speeches and lines of text will surely use: where it is, taken before a
 * walk starts to fill it (the walk may move the arrays; the room is then
 * no longer theirs, and populating it costs time but changes nothing). */
struct corpus_room {
	char *at[4];
	size_t bytes[4];
};

struct corpus_room corpus_room_ahead(const struct corpus *c, size_t speeches, size_t body_lines);
/* Has the kernel clear the room's pages now, on another core while the
 * walk fills them, a step of each array in turn to keep ahead of it. No
 * byte is written (MADV_POPULATE_WRITE), so the walk may fill the room
 * meanwhile. Only what will be used: never more RSS. */
void corpus_room_populate(const struct corpus_room *room);
void corpus_reserve_ahead(struct corpus *c, size_t done, size_t total);

/* The index of the department with this name, added if new. */
size_t corpus_intern_dept(struct corpus *c, struct str name);
size_t corpus_find_dept(const struct corpus *c, struct str name);

/* A paragraph's text: its single segment, or the segments joined into
 * scratch (then the result points into scratch, valid until it changes). */
struct str corpus_para_text(const struct corpus *c, const struct para *p, struct buf *scratch);

static inline const struct para *speech_para(const struct corpus *c, const struct speech *s,
					     size_t i)
{
	return &c->paras.v[s->para_first + i];
}

static inline size_t speech_dept(const struct corpus *c, const struct speech *s, size_t i)
{
	return c->speech_depts.v[s->dept_first + i];
}

/* The designation after the speaker's name (代表), or absent. */
static inline struct str speech_designation(const struct speech *s)
{
	return s->designation_len ? (struct str){s->speaker.s + s->speaker.len, s->designation_len}
				  : STR_NULL;
}

/* Who wrote the byline up, or absent with it. */
static inline struct str speech_reporter(const struct speech *s)
{
	return s->byline.s ? (struct str){s->byline.s + s->reporter_off, s->reporter_len} : STR_NULL;
}

/* The group header above the speech, or absent. */
static inline struct str speech_group(const struct corpus *c, const struct speech *s)
{
	return s->group == NO_GROUP ? STR_NULL : c->parts.v[s->group];
}

bool speech_in_dept(const struct corpus *c, const struct speech *s, size_t dept);
/* Index of the first speech whose speaker is name, or (size_t)-1. */
size_t corpus_find_speaker(const struct corpus *c, struct str name);

#endif
