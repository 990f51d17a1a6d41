/*
 * diag — the catalogue of everything fayan can say about a corpus, and the
 * findings of one load.
 *
 * One X-macro row per diagnostic: id, level, message. A message may hold
 * {s} (the finding's text argument), {t} (its static tag: a layout's name),
 * {n} and {x} (its number, decimal or hex). Findings
 * point into the corpus text or static storage (arg) and live as long as it. Depends on buf.
 */
#ifndef FAYAN_DIAG_H
#define FAYAN_DIAG_H

#include <stddef.h>

#include "buf.h"
#include "text.h"

enum diag_level { DIAG_LEVEL_REPAIR, DIAG_LEVEL_WARNING, DIAG_LEVEL_ERROR };

/* --check shows this many findings of one kind in one file, then a count
 * of the rest (SPEC 2): a kind that may come once a line (text outside any
 * speech) need not be kept past it. */
enum { DIAG_SHOWN_PER_KIND = 100 };

#define DIAG_CATALOGUE(X)                                                                          \
	X(DIAG_JOIN, DIAG_LEVEL_REPAIR, "joined a broken sentence with line {n}")                  \
	X(DIAG_PULLQUOTE, DIAG_LEVEL_REPAIR, "lifted out pull quote \"{s}\"")                      \
	X(DIAG_BROKEN_END, DIAG_LEVEL_WARNING, "paragraph ends mid-sentence before {s}")           \
	X(DIAG_UNATTACHED, DIAG_LEVEL_WARNING, "text outside any speech: \"{s}\"")                 \
	X(DIAG_NO_ROLE, DIAG_LEVEL_WARNING, "post \"{s}\" names no known role")                    \
	X(DIAG_NO_DEPARTMENT, DIAG_LEVEL_WARNING, "post \"{s}\" names no known department")        \
	X(DIAG_EMPTY_SPEECH, DIAG_LEVEL_WARNING, "speech of {s} has no text")                      \
	X(DIAG_BAD_UTF8, DIAG_LEVEL_WARNING, "invalid UTF-8 byte 0x{x} shown as U+FFFD")           \
	X(DIAG_GB18030, DIAG_LEVEL_WARNING, "not valid UTF-8; read as GB18030")                    \
	X(DIAG_BAD_ENCODING, DIAG_LEVEL_WARNING,                                                   \
	  "not valid {s}; read as UTF-8 with invalid bytes shown as U+FFFD")                       \
	X(DIAG_PATTERN_ROLE, DIAG_LEVEL_WARNING,                                                   \
	  "speaker line ({t}) taken by the page's pattern: \"{s}\" is no known role; "            \
	  "add it under [role] in a --lexicon file")                                               \
	X(DIAG_PATTERN_SURNAME, DIAG_LEVEL_WARNING,                                                \
	  "speaker line ({t}) taken by the page's pattern: \"{s}\" has no known surname; "        \
	  "add its surname under [surname] in a --lexicon file")                                   \
	X(DIAG_PATTERN_NAME, DIAG_LEVEL_WARNING,                                                   \
	  "speaker line ({t}) taken by the page's pattern: the name \"{s}\" holds a character "    \
	  "that [not-name] lists")                                                                 \
	X(DIAG_NEAR_ROLE, DIAG_LEVEL_WARNING,                                                      \
	  "looks like a speaker line ({t}) but \"{s}\" is no known role; "                        \
	  "add it under [role] in a --lexicon file")                                               \
	X(DIAG_NEAR_PLACE, DIAG_LEVEL_WARNING,                                                     \
	  "looks like a speaker line ({t}) but does not stand where the page's speaker lines do "  \
	  "(under a headline, marked and spaced as they are); left as text in the speech before")  \
	X(DIAG_NEAR_ALONE, DIAG_LEVEL_WARNING,                                                     \
	  "looks like a speaker line ({t}) but is the only line of its layout on the page; left "  \
	  "as text in the speech before (--layout={t} takes it)")                                  \
	X(DIAG_NEAR_MIX, DIAG_LEVEL_WARNING,                                                      \
	  "looks like a speaker line ({t}) but a layout whose speaker line follows its speech "     \
	  "mixes with none whose line opens it; left as text (--layout={t} takes it)")             \
	X(DIAG_NEAR_NAME, DIAG_LEVEL_WARNING,                                                      \
	  "looks like a speaker line ({t}) but no name of two to four characters can be cut "      \
	  "from \"{s}\"; add its surname under [surname] in a --lexicon file, or --layout=NAME")    \
	X(DIAG_NO_SPEECHES, DIAG_LEVEL_ERROR,                                                      \
	  "no speeches found; the layouts fayan knows are{s} (--layout=NAME forces one)")

#define DIAG_ENUM(id, level, text) id,
enum diag_id { DIAG_CATALOGUE(DIAG_ENUM) DIAG_COUNT };
#undef DIAG_ENUM

struct diag {
	enum diag_id id;
	size_t line; /* 1-based; 0 for the whole file */
	size_t col;  /* 1-based byte column, 0 when none */
	size_t num;
	struct str arg;
	const char *tag; /* static, or NULL */
};

enum diag_level diag_level(enum diag_id id);
const char *diag_level_name(enum diag_level level);
/* Appends the message of d (without file, line or level) to out. */
void diag_message(struct buf *out, const struct diag *d);

#endif
