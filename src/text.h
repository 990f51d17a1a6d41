/*
 * text — UTF-8 stepping, the display mapping and the one width rule.
 *
 * SPEC 3.3-3.5: every width fayan uses comes from text_width(), which is the
 * C library's wcwidth() in the running locale (what ncursesw uses) after
 * sanitising, plus fayan's East Asian Ambiguous override. Owns nothing.
 * Depends on buf and libunistring; never on curses.
 */
#ifndef FAYAN_TEXT_H
#define FAYAN_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* A slice of text owned by someone else. s == NULL means "absent". */
struct str {
	const char *s;
	size_t len;
};

#define STR_NULL ((struct str){NULL, 0})
struct str str_from(const char *s);
bool str_eq(struct str a, struct str b);
bool str_eqs(struct str a, const char *s);
bool str_starts(struct str a, struct str prefix);
bool str_ends(struct str a, struct str suffix);
/* Strips ASCII spaces, tabs and U+3000 from both ends. */
struct str str_trim_slow(struct str a);
static inline struct str str_trim(struct str a)
{
	/* Most texts neither start nor end with one: two byte tests (U+3000
	 * is E3 80 80; a byte of either may be some other character's). */
	unsigned char first = a.len ? (unsigned char)a.s[0] : 0, last = a.len ? (unsigned char)a.s[a.len - 1] : 0;

	if (a.len == 0 || (first != ' ' && first != '\t' && first != 0xE3 && last != ' ' &&
			   last != '\t' && last != 0x80))
		return a;
	return str_trim_slow(a);
}
/* FNV-1a of s: stable across runs and machines (the place file's key). */
uint64_t str_hash(const char *s, size_t len);
/* A hash for the tables in memory, eight bytes a step (the posts and
 * departments of a 100 MB collection are hashed by the hundred thousand);
 * not stable across versions: nothing written may depend on it. */
uint64_t str_hash_table(const char *s, size_t len);
/* The first occurrence of needle in hay, or NULL. For the short needles of
 * the word lists: no set-up cost, unlike memmem's. */
const char *str_find(struct str hay, struct str needle);

enum { REPLACEMENT_CHAR = 0xFFFD };

/* Decodes the code point at s (at most len bytes) into *uc and returns its
 * length; a malformed sequence yields U+FFFD and length 1. */
static inline size_t text_next(const char *str, size_t len, uint32_t *uc)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t n, i;
	uint32_t c, min;

	if (len == 0) {
		*uc = 0;
		return 0;
	}
	c = s[0];
	if (c < 0x80) {
		*uc = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF)
		n = 2, c &= 0x1F, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 3, c &= 0x0F, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 4, c &= 0x07, min = 0x10000;
	else
		goto bad;
	if (n > len)
		goto bad;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*uc = c;
	return n;
bad:
	*uc = REPLACEMENT_CHAR;
	return 1;
}

/* The length of a character of valid UTF-8 from its first byte: a scan
 * that looks for a few characters steps over the others whole. */
static inline size_t text_char_len(unsigned char lead)
{
	return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

/* The start of the character that ends at pos (pos > 0). */
static inline size_t text_prev(const char *s, size_t pos)
{
	size_t start = pos - 1;

	while (start > 0 && pos - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
		start--;
	return start;
}

/* The number of characters in valid UTF-8 (what the decoder hands on). */
size_t text_char_count(const char *s, size_t len);

/* The bidi controls of SPEC 3.5 (U+061C, U+200E/F, U+202A-E, U+2066-9). */
bool text_is_bidi_control(uint32_t uc);
/* SPEC 3.5: what stands in for uc on the terminal (uc itself if harmless). */
uint32_t text_sanitise(uint32_t uc);
bool text_is_ambiguous(uint32_t uc);
/*
 * Columns of a sanitised code point: wcwidth(), with East Asian Ambiguous
 * characters that wcwidth() makes 1 column made 2 when ambiguous_width is 2.
 */
int text_width(uint32_t uc, int ambiguous_width);
/* Zero-width format characters (ZWJ, ZWNJ, ZWSP, word joiner, BOM, variation
 * selectors, soft hyphen): kept in the text, never sent to the terminal,
 * for terminals disagree about how they join (SPEC 3.5). */
bool text_is_invisible_format(uint32_t uc);
/* Columns of a string, each character sanitised first. */
size_t text_str_width(const char *s, size_t len, int ambiguous_width);

/* The C library's wcwidth(), even when the program overrides the symbol. */
int text_libc_wcwidth(wchar_t wc);

/*
 * Appends s to out as it is shown (SPEC 3.3, 3.5): each character sanitised,
 * and with fullwidth set, half-width , : ; ? ! in Chinese text made
 * full-width.
 */
void text_display(struct buf *out, const char *s, size_t len, bool fullwidth);
/* A file name as the terminal may show it: sanitised as text is (SPEC 3.5),
 * invalid bytes as U+FFFD. Caller frees. */
char *text_shown_name(const char *name);
/* Whether uc is Han, CJK punctuation or a closing quote (the left-hand
 * condition of the full-width mapping). */
bool text_is_cjk_context(uint32_t uc);

#endif
