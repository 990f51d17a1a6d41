#include "search.h"

#include <stdlib.h>
#include <string.h>
#include <unicase.h>
#include <uninorm.h>

#include "group.h"
#include "text.h"
#include "util.h"

uint32_t search_fold(uint32_t uc)
{
	ucs4_t decomposed[UC_DECOMPOSITION_MAX_LENGTH];
	int tag, n;

	if (uc >= 0x80) {
		n = uc_decomposition(uc, &tag, decomposed);
		if (n == 1 && (tag == UC_DECOMP_WIDE || tag == UC_DECOMP_NARROW))
			uc = decomposed[0];
	}
	return uc_tolower(uc);
}

void search_init(struct search *s)
{
	*s = (struct search){0};
}

void search_fini(struct search *s)
{
	buf_fini(&s->term);
	free(s->chars);
	free(s->v);
	search_init(s);
}

bool search_active(const struct search *s)
{
	return s->char_count > 0;
}

static void add_variant(struct needle_char *nc, uint32_t uc)
{
	struct buf b = {0};
	size_t i;

	buf_add_uc(&b, uc);
	for (i = 0; i < nc->count; i++)
		if (nc->lens[i] == b.len && memcmp(nc->bytes[i], b.data, b.len) == 0)
			break;
	if (i == nc->count && nc->count < VARIANTS_MAX) {
		memcpy(nc->bytes[nc->count], b.data, b.len);
		nc->lens[nc->count++] = (uint8_t)b.len;
	}
	buf_fini(&b);
}

/*
 * Every character that folds to what uc folds to: the case forms, and the
 * full-width / half-width forms, which all live in U+FF00-U+FFEF (and
 * U+3000, the ideographic space).
 */
static void fill_variants(struct needle_char *nc, uint32_t uc, const struct hanfold *han)
{
	uint32_t f = search_fold(uc), c;
	const uint32_t cased[] = {f, uc_toupper(f), uc_totitle(f), uc};

	nc->count = 0;
	for (size_t i = 0; i < ARRAY_LEN(cased); i++)
		if (search_fold(cased[i]) == f)
			add_variant(nc, cased[i]);
	if (search_fold(0x3000) == f)
		add_variant(nc, 0x3000);
	for (c = 0xFF00; c <= 0xFFEF; c++)
		if (search_fold(c) == f)
			add_variant(nc, c);
	if (han && han->ok) { /* 發 and 发 alike: the Simplified form and all that simplify to it */
		uint32_t simp = hanfold_simplify(han, f), sources[VARIANTS_MAX];
		size_t n = hanfold_sources(han, simp, sources, VARIANTS_MAX), i;
		add_variant(nc, simp);
		for (i = 0; i < n; i++)
			add_variant(nc, sources[i]);
	}
}

bool search_compile(struct search *s, const char *term, size_t len)
{
	size_t i = 0, k = 0;
	uint32_t uc;

	buf_clear(&s->term);
	buf_add(&s->term, term, len);
	s->generation++;
	free(s->chars);
	s->char_count = text_char_count(term, len);
	s->chars = xcalloc(s->char_count + 1, sizeof(*s->chars));
	s->anchor = 0;
	while (i < len) {
		i += text_next(term + i, len - i, &uc);
		fill_variants(&s->chars[k], uc, s->han);
		if (s->chars[k].count < s->chars[s->anchor].count)
			s->anchor = k;
		k++;
	}
	s->n = 0;
	return s->char_count > 0;
}

/* Length of the variant of nc at text[pos], or 0. */
static size_t match_char_at(const struct needle_char *nc, const char *text, size_t len,
			    size_t pos)
{
	size_t v;

	for (v = 0; v < nc->count; v++)
		if (pos + nc->lens[v] <= len && memcmp(text + pos, nc->bytes[v], nc->lens[v]) == 0)
			return nc->lens[v];
	return 0;
}

/* Length of the variant of nc that ends at text[pos], or 0 (UTF-8 has no
 * character that ends another, so at most one can). */
static size_t match_char_before(const struct needle_char *nc, const char *text, size_t pos)
{
	size_t v;

	for (v = 0; v < nc->count; v++)
		if (nc->lens[v] <= pos && memcmp(text + pos - nc->lens[v], nc->bytes[v], nc->lens[v]) == 0)
			return nc->lens[v];
	return 0;
}

/* Where the needle's characters before the anchor start, if they end at
 * text[pos]; (size_t)-1 when they are not there. */
static size_t start_before(const struct search *s, const char *text, size_t pos)
{
	size_t k = s->anchor, n;

	while (k-- > 0) {
		n = match_char_before(&s->chars[k], text, pos);
		if (!n)
			return (size_t)-1;
		pos -= n;
	}
	return pos;
}

/* Length of the needle's characters from the anchor on at text[pos], or 0. */
static size_t match_at(const struct search *s, const char *text, size_t len, size_t pos)
{
	size_t start = pos, k, n;

	for (k = s->anchor; k < s->char_count; k++) {
		n = match_char_at(&s->chars[k], text, len, pos);
		if (!n)
			return 0;
		pos += n;
	}
	return pos - start;
}

/*
 * Each variant of the needle's anchor (the character with the fewest
 * variants: 展 rather than 发, which folds 發 and 髮 too) is looked for with
 * memmem (fast, bytewise), then the characters before and after it verified
 * where it is found. The hits of the variants are merged left to right.
 */
void search_text(const struct search *s, const char *text, size_t len,
		 void (*found)(void *ctx, size_t off, size_t len), void *ctx)
{
	const struct needle_char *first;
	size_t next[VARIANTS_MAX], pos = 0, v, best, n, start;

	if (!s->char_count)
		return;
	first = &s->chars[s->anchor];
	for (v = 0; v < first->count; v++) {
		const char *hit = memmem(text, len, first->bytes[v], first->lens[v]);
		next[v] = hit ? (size_t)(hit - text) : len;
	}
	for (;;) {
		best = len;
		for (v = 0; v < first->count; v++)
			best = MIN(best, next[v]);
		if (best >= len)
			return;
		start = best >= pos ? start_before(s, text, best) : (size_t)-1;
		n = start != (size_t)-1 && start >= pos ? match_at(s, text, len, best) : 0;
		if (n) {
			found(ctx, start, best + n - start);
			pos = best + n;
		}
		for (v = 0; v < first->count; v++)
			if (next[v] == best || next[v] < pos) {
				size_t from = MAX(best + 1, pos);
				const char *hit = from < len ? memmem(text + from, len - from,
								      first->bytes[v], first->lens[v])
							     : NULL;
				next[v] = hit ? (size_t)(hit - text) : len;
			}
	}
}

struct run_ctx {
	struct search *s;
	size_t speech, index;
	enum match_where where;
};

static void add_match(void *ctx, size_t off, size_t len)
{
	struct run_ctx *r = ctx;
	struct search *s = r->s;

	s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof(*s->v));
	s->v[s->n++] = (struct match){r->speech, r->where, r->index, off, len};
}

/* One text of a speech, searched as the match kind where. */
static void search_part(struct run_ctx *r, enum match_where where, size_t index, struct str t)
{
	r->where = where;
	r->index = index;
	if (t.s)
		search_text(r->s, t.s, t.len, add_match, r);
}

/* The matches of speech i, in the order the page shows its parts. */
static void search_speech(struct run_ctx *r, const struct corpus *c, size_t i, struct buf *scratch)
{
	const struct speech *sp = &c->speeches.v[i];
	bool names = r->s->names;
	size_t k;

	r->speech = i;
	search_part(r, WHERE_HEADLINE, 0, sp->headline);
	if (names) {
		search_part(r, WHERE_SPEAKER, 0, sp->speaker);
		search_part(r, WHERE_POSTS, 0, sp->title);
	}
	for (k = 0; k < sp->para_count; k++)
		search_part(r, WHERE_PARA, k, corpus_para_text(c, speech_para(c, sp, k), scratch));
	for (k = 0; k < sp->pq_count; k++)
		search_part(r, WHERE_PULLQUOTE, k, c->pqs.v[sp->pq_first + k].text);
	if (names)
		search_part(r, WHERE_BYLINE, 0, sp->byline);
}

void search_run(struct search *s, const struct corpus *c, size_t dept)
{
	struct run_ctx r = {.s = s};
	struct buf scratch = {0};
	size_t i;

	s->n = 0;
	for (i = 0; i < c->speeches.n; i++)
		if (dept == GROUP_ALL || speech_in_dept(c, &c->speeches.v[i], dept))
			search_speech(&r, c, i, &scratch);
	buf_fini(&scratch);
}

struct str search_match_text(const struct corpus *c, const struct match *m, struct buf *scratch)
{
	const struct speech *sp = &c->speeches.v[m->speech];

	switch (m->where) {
	case WHERE_HEADLINE: return sp->headline;
	case WHERE_SPEAKER: return sp->speaker;
	case WHERE_POSTS: return sp->title;
	case WHERE_BYLINE: return sp->byline;
	case WHERE_PULLQUOTE: return c->pqs.v[sp->pq_first + m->index].text;
	default: return corpus_para_text(c, speech_para(c, sp, m->index), scratch);
	}
}
