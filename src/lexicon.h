/*
 * lexicon — the word lists of assets/lexicon.txt: byline prefixes, roles,
 * organisation and department suffixes, place prefixes, the punctuation
 * classes of the repair and line-breaking rules, and outline markers.
 *
 * A lexicon owns a copy of its source text; every entry points into it and
 * lives until lexicon_free. Depends on text and util.
 */
#ifndef FAYAN_LEXICON_H
#define FAYAN_LEXICON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text.h"

enum {
	WORDLIST_BUCKET_BITS = 10,
	WORDLIST_BUCKETS = 1 << WORDLIST_BUCKET_BITS,
	WORDLIST_BUCKET_MAX = 8,
	WORDLIST_START_BITS = 4096,
};

struct wordlist {
	struct str *v; /* longest first, so the first match is the longest */
	size_t n, cap;
	/* The entries bucketed by a hash of their first (last) character,
	 * longest first within a bucket, so that a look-up reads only the
	 * entries that could match. Where a bucket would hold more than
	 * WORDLIST_BUCKET_MAX, by their first (last) two characters instead, an
	 * entry of one by its one: 副局长 is looked for among the few roles
	 * ending in 局长, not among the fifty ending in 长. */
	uint32_t *by_first, *by_last;
	uint32_t first_at[WORDLIST_BUCKETS + 1], last_at[WORDLIST_BUCKETS + 1];
	bool first_two, last_two;
	uint64_t starts[WORDLIST_START_BITS / 64]; /* a bit per first character, hashed */
};

struct charset {
	uint32_t *v; /* sorted */
	size_t n, cap;
	uint64_t bmp[0x10000 / 64]; /* the same, for the BMP: one test a character */
	bool first_byte[256]; /* the first bytes of the members' UTF-8 */
};

/* One enumeration series of the outline (一是 二是 …). */
struct outline_series {
	struct str *markers;
	size_t count;
};

struct lexicon {
	char **texts; /* the sources the entries point into */
	size_t text_count;
	struct wordlist byline, role, org_suffix, dept_suffix, place_prefix, prefix_end, compound;
	struct wordlist role_prefix, surname, name_stop, designation, speech_verb;
	struct wordlist dateline, preamble, trailer, group, subtitle_tail, attribution;
	struct charset complete_end, closing, bare_forbidden, no_line_start, no_line_end;
	struct charset not_name, person_noun, bullet, numeral;
	struct charset outline_after;
	struct outline_series *outline;
	size_t outline_count;
};

/* Parses a lexicon; on a malformed line returns NULL and puts its 1-based
 * number in *bad_line. */
struct lexicon *lexicon_new(const char *text, size_t len, size_t *bad_line);
/*
 * Adds the entries of another source in the same format (a user's own
 * lexicon) to lex; the text is copied. Calls bad(ctx, line) for each line
 * outside a known section (the section's entries are skipped) and returns
 * how many there were.
 */
size_t lexicon_add(struct lexicon *lex, const char *text, size_t len,
		   void (*bad)(void *ctx, size_t line), void *ctx);
/* The word lists compiled into the binary. Caller owns the result. */
struct lexicon *lexicon_builtin(void);
void lexicon_free(struct lexicon *lex);

bool charset_has_astral(const struct charset *set, uint32_t uc);

/* Membership: one bit test for the BMP, where nearly every look-up falls. */
static inline bool charset_has(const struct charset *set, uint32_t uc)
{
	if (uc < 0x10000)
		return (set->bmp[uc / 64] >> (uc % 64)) & 1;
	return charset_has_astral(set, uc);
}
/*
 * The first member of set in s at or after from (valid UTF-8), with its code
 * point in *uc; s.len if none. A byte that starts no member's UTF-8 is
 * passed over undecoded: the Han text around the punctuation costs a table
 * look-up a byte.
 */
static inline size_t charset_find(const struct charset *set, struct str s, size_t from,
				  uint32_t *uc)
{
	/* Byte by byte, each test apart from the last (no chain of lengths
	 * to wait on); a continuation byte never starts a member. */
	for (; from < s.len; from++)
		if (set->first_byte[(unsigned char)s.s[from]]) {
			text_next(s.s + from, s.len - from, uc);
			if (charset_has(set, *uc))
				return from;
		}
	return s.len;
}

/* Whether an entry could start with uc: most lines are asked, and most
 * answer no at once. */
static inline bool wordlist_may_start(const struct wordlist *list, uint32_t uc)
{
	return (list->starts[uc % WORDLIST_START_BITS / 64] >> (uc % 64)) & 1;
}

/* The longest entry that s starts with (or ends with), or STR_NULL. */
struct str wordlist_prefix_of(const struct wordlist *list, struct str s);
struct str wordlist_suffix_of(const struct wordlist *list, struct str s);

#endif
