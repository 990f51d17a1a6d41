#include "lexicon.h"

#include <stdlib.h>
#include <string.h>

#include "assets.h"
#include "util.h"

enum section_kind { SECT_WORDS, SECT_CHARS, SECT_OUTLINE };

#define SECTIONS(X)                                                                                \
	X("byline", SECT_WORDS, byline)                                                            \
	X("role", SECT_WORDS, role)                                                                \
	X("org-suffix", SECT_WORDS, org_suffix)                                                    \
	X("dept-suffix", SECT_WORDS, dept_suffix)                                                  \
	X("place-prefix", SECT_WORDS, place_prefix)                                                \
	X("prefix-end", SECT_WORDS, prefix_end)                                                    \
	X("compound", SECT_WORDS, compound)                                                        \
	X("role-prefix", SECT_WORDS, role_prefix)                                                  \
	X("surname", SECT_WORDS, surname)                                                          \
	X("name-stop", SECT_WORDS, name_stop)                                                      \
	X("not-name", SECT_CHARS, not_name)                                                        \
	X("person-noun", SECT_CHARS, person_noun)                                                  \
	X("bullet", SECT_CHARS, bullet)                                                            \
	X("numeral", SECT_CHARS, numeral)                                                          \
	X("designation", SECT_WORDS, designation)                                                  \
	X("speech-verb", SECT_WORDS, speech_verb)                                                  \
	X("dateline", SECT_WORDS, dateline)                                                        \
	X("preamble", SECT_WORDS, preamble)                                                        \
	X("trailer", SECT_WORDS, trailer)                                                          \
	X("group", SECT_WORDS, group)                                                              \
	X("subtitle-tail", SECT_WORDS, subtitle_tail)                                              \
	X("attribution", SECT_WORDS, attribution)                                                  \
	X("complete-end", SECT_CHARS, complete_end)                                                \
	X("closing", SECT_CHARS, closing)                                                          \
	X("bare-forbidden", SECT_CHARS, bare_forbidden)                                            \
	X("no-line-start", SECT_CHARS, no_line_start)                                              \
	X("no-line-end", SECT_CHARS, no_line_end)                                                  \
	X("outline-after", SECT_CHARS, outline_after)                                              \
	X("outline", SECT_OUTLINE, outline)

struct section {
	const char *name;
	enum section_kind kind;
	size_t offset;
};

#define SECTION_ENTRY(name, kind, field) {name, kind, offsetof(struct lexicon, field)},
static const struct section sections[] = {SECTIONS(SECTION_ENTRY)};

static const struct section *find_section(struct str line)
{
	const char *close = memchr(line.s, ']', line.len);
	size_t i;

	if (!close)
		return NULL;
	for (i = 0; i < ARRAY_LEN(sections); i++)
		if (str_eq((struct str){line.s + 1, (size_t)(close - line.s) - 1}, str_from(sections[i].name)))
			return &sections[i];
	return NULL;
}

/* The first byte of uc's UTF-8. */
static unsigned utf8_lead(uint32_t uc)
{
	if (uc < 0x80)
		return uc;
	if (uc < 0x800)
		return 0xC0 | uc >> 6;
	if (uc < 0x10000)
		return 0xE0 | uc >> 12;
	return 0xF0 | uc >> 18;
}

static void add_chars(struct charset *set, struct str line)
{
	size_t i = 0;
	uint32_t uc;

	while (i < line.len) {
		i += text_next(line.s + i, line.len - i, &uc);
		if (uc != ' ' && !charset_has(set, uc)) {
			size_t at = set->n;

			set->v = xgrow(set->v, &set->cap, set->n + 1, sizeof(uc));
			set->n++;
			if (uc < 0x10000)
				set->bmp[uc / 64] |= 1ull << (uc % 64);
			set->first_byte[utf8_lead(uc)] = true;
			while (at > 0 && set->v[at - 1] > uc) {
				set->v[at] = set->v[at - 1];
				at--;
			}
			set->v[at] = uc;
		}
	}
}

/* A line of a word list holds one or more entries separated by spaces. */
static void add_words(struct wordlist *words, struct str line)
{
	size_t i = 0, start;

	while (i < line.len) {
		while (i < line.len && line.s[i] == ' ')
			i++;
		start = i;
		while (i < line.len && line.s[i] != ' ')
			i++;
		if (i > start) {
			words->v = xgrow(words->v, &words->cap, words->n + 1, sizeof(*words->v));
			words->v[words->n++] = (struct str){line.s + start, i - start};
		}
	}
}

/* One series of the outline: the markers of a line, in their order. */
static void add_outline(struct lexicon *lex, struct str line)
{
	struct wordlist markers = {0};

	add_words(&markers, line);
	lex->outline = xrealloc(lex->outline, (lex->outline_count + 1) * sizeof(*lex->outline));
	lex->outline[lex->outline_count++] =
		(struct outline_series){.markers = markers.v, .count = markers.n};
}

static int longest_first(const void *a, const void *b)
{
	const struct str *x = a, *y = b;

	return (x->len < y->len) - (x->len > y->len);
}

static void add_line(struct lexicon *lex, const struct section *sect, struct str line)
{
	void *field = (char *)lex + sect->offset;
	struct wordlist *words = field;

	switch (sect->kind) {
	case SECT_WORDS:
		add_words(words, line);
		break;
	case SECT_CHARS:
		add_chars(field, line);
		break;
	case SECT_OUTLINE:
		add_outline(lex, line);
		break;
	}
}

/* The bytes of the character s starts with (valid UTF-8, within len) as a
 * number, and its length in *n. */
static uint32_t char_key(const char *s, size_t len, size_t *n)
{
	unsigned char b = (unsigned char)s[0];
	uint32_t key = 0;
	size_t i;

	*n = MIN(len, text_char_len(b));
	for (i = 0; i < *n; i++)
		key = key << 8 | (unsigned char)s[i];
	return key;
}

/* A bucket from the bytes of one character or two: no decoding, for every
 * look-up hashes its text's. */
static size_t key_bucket(uint32_t a, uint32_t b)
{
	return ((a * 2654435761u) ^ b) * 2246822519u >> (32 - WORDLIST_BUCKET_BITS);
}

/* The bucket of s's first two characters, or (one) of its first one; a text
 * of one character gives its one either way. */
static size_t first_bucket(struct str s, bool one)
{
	size_t n, m;
	uint32_t a = char_key(s.s, s.len, &n);

	return key_bucket(a, one || n == s.len ? 0 : char_key(s.s + n, s.len - n, &m));
}

static size_t last_bucket(struct str s, bool one)
{
	size_t at = text_prev(s.s, s.len), before, n;
	uint32_t a = char_key(s.s + at, s.len - at, &n);

	if (one || at == 0)
		return key_bucket(a, 0);
	before = text_prev(s.s, at);
	return key_bucket(a, char_key(s.s + before, at - before, &n));
}

/* A stable counting sort of the entries' indices by bucket, each by its
 * first (last) one character or two: the longest-first order survives
 * within each bucket. Returns the largest bucket's size. */
static size_t bucket_index(const struct wordlist *w, size_t (*bucket)(struct str, bool), bool two,
			   uint32_t **index, uint32_t *at)
{
	size_t i, b, largest = 0;

	free(*index);
	*index = xmalloc((w->n ? w->n : 1) * sizeof(**index));
	memset(at, 0, (WORDLIST_BUCKETS + 1) * sizeof(*at));
	for (i = 0; i < w->n; i++)
		at[bucket(w->v[i], !two) + 1]++;
	for (b = 0; b < WORDLIST_BUCKETS; b++) {
		largest = MAX(largest, (size_t)at[b + 1]);
		at[b + 1] += at[b];
	}
	uint32_t *fill = xmalloc(WORDLIST_BUCKETS * sizeof(*fill));
	memcpy(fill, at, WORDLIST_BUCKETS * sizeof(*fill));
	for (i = 0; i < w->n; i++)
		(*index)[fill[bucket(w->v[i], !two)]++] = (uint32_t)i;
	free(fill);
	return largest;
}

/* Buckets by one character, unless one holds more words than a look-up
 * should read (the fifty roles ending in 长): then by two. */
static void index_words(struct wordlist *w)
{
	size_t i;
	uint32_t uc;

	w->first_two = bucket_index(w, first_bucket, false, &w->by_first, w->first_at) >
		       WORDLIST_BUCKET_MAX;
	if (w->first_two)
		bucket_index(w, first_bucket, true, &w->by_first, w->first_at);
	w->last_two = bucket_index(w, last_bucket, false, &w->by_last, w->last_at) >
		      WORDLIST_BUCKET_MAX;
	if (w->last_two)
		bucket_index(w, last_bucket, true, &w->by_last, w->last_at);
	memset(w->starts, 0, sizeof(w->starts));
	for (i = 0; i < w->n; i++) {
		text_next(w->v[i].s, w->v[i].len, &uc);
		w->starts[uc % WORDLIST_START_BITS / 64] |= 1ull << (uc % 64);
	}
}

static void sort_words(struct lexicon *lex)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(sections); i++)
		if (sections[i].kind == SECT_WORDS) {
			struct wordlist *w = (void *)((char *)lex + sections[i].offset);
			if (w->n > 1)
				qsort(w->v, w->n, sizeof(*w->v), longest_first);
			index_words(w);
		}
}

size_t lexicon_add(struct lexicon *lex, const char *src, size_t len,
		   void (*bad)(void *ctx, size_t line), void *ctx)
{
	const struct section *sect = NULL;
	size_t pos = 0, lineno = 0, bad_count = 0;
	char *text = xmemdup(src, len);

	lex->texts = xrealloc(lex->texts, (lex->text_count + 1) * sizeof(*lex->texts));
	lex->texts[lex->text_count++] = text;
	while (pos < len) {
		const char *nl = memchr(text + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - text) : len;
		struct str line = str_trim((struct str){text + pos, end - pos});

		lineno++;
		pos = end + 1;
		if (line.len == 0 || line.s[0] == '#')
			continue;
		if (line.s[0] == '[')
			sect = find_section(line);
		else if (sect)
			add_line(lex, sect, line);
		if (!sect) {
			/* An unknown section's entries are skipped with it. */
			bad_count++;
			if (bad)
				bad(ctx, lineno);
			while (pos < len && text[pos] != '[') {
				nl = memchr(text + pos, '\n', len - pos);
				pos = nl ? (size_t)(nl - text) + 1 : len;
				lineno++;
			}
		}
	}
	sort_words(lex);
	return bad_count;
}

static void note_bad(void *ctx, size_t line)
{
	size_t *first = ctx;

	if (!*first)
		*first = line;
}

struct lexicon *lexicon_new(const char *src, size_t len, size_t *bad_line)
{
	struct lexicon *lex = xcalloc(1, sizeof(*lex));

	*bad_line = 0;
	if (lexicon_add(lex, src, len, note_bad, bad_line) > 0) {
		lexicon_free(lex);
		return NULL;
	}
	return lex;
}

struct lexicon *lexicon_builtin(void)
{
	size_t bad_line = 0;
	struct lexicon *lex =
		lexicon_new((const char *)asset_lexicon, asset_lexicon_len, &bad_line);

	if (!lex)
		die(1, "<bundled lexicon>:%zu: not a section or entry", bad_line);
	return lex;
}

void lexicon_free(struct lexicon *lex)
{
	size_t i;

	if (!lex)
		return;
	for (i = 0; i < ARRAY_LEN(sections); i++) {
		void *field = (char *)lex + sections[i].offset;
		if (sections[i].kind == SECT_WORDS) {
			free(((struct wordlist *)field)->v);
			free(((struct wordlist *)field)->by_first);
			free(((struct wordlist *)field)->by_last);
		}
		else if (sections[i].kind == SECT_CHARS)
			free(((struct charset *)field)->v);
	}
	for (i = 0; i < lex->outline_count; i++)
		free(lex->outline[i].markers);
	free(lex->outline);
	for (i = 0; i < lex->text_count; i++)
		free(lex->texts[i]);
	free(lex->texts);
	free(lex);
}

bool charset_has_astral(const struct charset *set, uint32_t uc)
{
	size_t lo = 0, hi = set->n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (set->v[mid] == uc)
			return true;
		if (set->v[mid] < uc)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

/* The first entry of bucket b that s starts (ends) with; a bucket holds the
 * longest first, so it is the longest there. */
static struct str first_in_bucket(const struct wordlist *list, struct str s, size_t b, bool end)
{
	const uint32_t *at = end ? list->last_at : list->first_at;
	const uint32_t *index = end ? list->by_last : list->by_first;
	size_t k;

	for (k = at[b]; k < at[b + 1]; k++) {
		struct str e = list->v[index[k]];
		if (e.len <= s.len && memcmp(end ? s.s + s.len - e.len : s.s, e.s, e.len) == 0)
			return e;
	}
	return STR_NULL;
}

/* Bucketed by two, entries of two characters or more are in the bucket of
 * s's first (last) two, of one in that of its one: any match of the first
 * is the longer. */
static struct str find_word(const struct wordlist *list, struct str s, bool two, size_t one_b,
			    size_t two_b, bool end)
{
	struct str e;

	if (!two)
		return first_in_bucket(list, s, one_b, end);
	e = first_in_bucket(list, s, two_b, end);
	return e.s || one_b == two_b ? e : first_in_bucket(list, s, one_b, end);
}

struct str wordlist_prefix_of(const struct wordlist *list, struct str s)
{
	if (s.len == 0 || !list->by_first)
		return STR_NULL;
	return find_word(list, s, list->first_two, first_bucket(s, true),
			 list->first_two ? first_bucket(s, false) : 0, false);
}

struct str wordlist_suffix_of(const struct wordlist *list, struct str s)
{
	if (s.len == 0 || !list->by_last)
		return STR_NULL;
	return find_word(list, s, list->last_two, last_bucket(s, true),
			 list->last_two ? last_bucket(s, false) : 0, true);
}
