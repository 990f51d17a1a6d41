/* The concordance line (KWIC) and the outline; declared in search.h. */
#include <stdlib.h>
#include <string.h>

#include "search.h"
#include "text.h"
#include "util.h"

/* Byte position after n characters of s from pos. */
static size_t skip_chars(const char *s, size_t len, size_t pos, size_t n)
{
	uint32_t uc;

	while (n-- > 0 && pos < len)
		pos += text_next(s + pos, len - pos, &uc);
	return pos;
}

/* The left context: the last columns of s[0, end) that fit in width,
 * right-aligned; a wide character cut by the left edge becomes a space. */
static void put_left(struct buf *out, const char *s, size_t end, int width, int amb)
{
	size_t start = end, pos;
	int used = 0, w;
	uint32_t uc;

	while (start > 0) {
		pos = text_prev(s, start);
		text_next(s + pos, start - pos, &uc);
		w = text_width(uc, amb);
		if (used + w > width)
			break;
		used += w;
		start = pos;
	}
	for (w = used; w < width; w++)
		buf_addc(out, ' ');
	buf_add(out, s + start, end - start);
}

static void put_right(struct buf *out, const char *s, size_t pos, size_t len, int width, int amb)
{
	int used = 0, w;
	uint32_t uc;
	size_t n;

	while (pos < len) {
		n = text_next(s + pos, len - pos, &uc);
		w = text_width(uc, amb);
		if (used + w > width)
			break;
		buf_add(out, s + pos, n);
		used += w;
		pos += n;
	}
}

int search_speaker_width(const struct corpus *c, const struct match *v, size_t n, int amb)
{
	size_t i, w = 0;

	for (i = 0; i < n; i++) {
		struct str sp = c->speeches.v[v[i].speech].speaker;
		w = MAX(w, text_str_width(sp.s, sp.len, amb));
	}
	return (int)w;
}

/*
 *   speaker··  ········left context|match|right context
 *   ^S cols ^2 ^ L = ⌊(W−S−2−T)/2⌋ ^T   ^ cut at W
 */
struct kwic_key search_kwic(struct buf *out, const struct corpus *c, const struct match *m,
			    const struct kwic_opts *o)
{
	struct buf scratch = {0}, shown = {0};
	struct str text = search_match_text(c, m, &scratch);
	struct str speaker = c->speeches.v[m->speech].speaker;
	size_t before = text_char_count(text.s, m->off), inside = text_char_count(text.s + m->off, m->len);
	size_t start, end;
	int sw, t, left, col;

	text_display(&shown, text.s, text.len, o->fullwidth);
	start = skip_chars(shown.data, shown.len, 0, before);
	end = skip_chars(shown.data, shown.len, start, inside);
	t = (int)text_str_width(shown.data + start, end - start, o->ambiguous_width);
	left = MAX(0, (o->width - o->speaker_width - 2 - t) / 2);

	text_display(out, speaker.s, speaker.len, false);
	for (sw = (int)text_str_width(speaker.s, speaker.len, o->ambiguous_width);
	     sw < o->speaker_width; sw++)
		buf_addc(out, ' ');
	buf_add(out, "  ", 2);
	put_left(out, shown.data, start, left, o->ambiguous_width);
	buf_add(out, shown.data + start, end - start);
	col = o->speaker_width + 2 + left + t;
	put_right(out, shown.data, end, shown.len, MAX(0, o->width - col), o->ambiguous_width);
	buf_fini(&scratch);
	buf_fini(&shown);
	return (struct kwic_key){o->speaker_width + 2 + left, t};
}

/* Which marker of the lexicon starts at s (0 when none). */
static size_t marker_at(const struct lexicon *lex, const char *s, size_t len, size_t *series,
			size_t *rank)
{
	size_t i, k;

	for (i = 0; i < lex->outline_count; i++)
		for (k = 0; k < lex->outline[i].count; k++) {
			struct str m = lex->outline[i].markers[k];
			if (m.len <= len && memcmp(s, m.s, m.len) == 0) {
				*series = i;
				*rank = k;
				return m.len;
			}
		}
	return 0;
}

static void outline_para(struct outline *o, const struct lexicon *lex, struct str text,
			 size_t para, size_t *group)
{
	uint32_t uc, prev = 0, before_prev = 0;
	size_t pos = 0, series, rank, n;

	while (pos < text.len) {
		bool at_start = pos == 0 || charset_has(&lex->outline_after, prev) ||
				(charset_has(&lex->closing, prev) &&
				 charset_has(&lex->outline_after, before_prev));
		if (at_start && marker_at(lex, text.s + pos, text.len - pos, &series, &rank)) {
			if (rank == 0 || o->n == 0)
				++*group;
			o->v = xgrow(o->v, &o->cap, o->n + 1, sizeof(*o->v));
			o->v[o->n++] = (struct outline_entry){para, pos, *group - 1, series, rank};
		}
		n = text_next(text.s + pos, text.len - pos, &uc);
		before_prev = prev;
		prev = uc;
		pos += n;
	}
}

void outline_build(struct outline *o, const struct corpus *c, size_t speech,
		   const struct lexicon *lex)
{
	const struct speech *sp = &c->speeches.v[speech];
	struct buf scratch = {0};
	size_t k, group = 0;

	o->n = 0;
	for (k = 0; k < sp->para_count; k++)
		outline_para(o, lex, corpus_para_text(c, speech_para(c, sp, k), &scratch), k, &group);
	buf_fini(&scratch);
}

void outline_fini(struct outline *o)
{
	free(o->v);
	*o = (struct outline){0};
}
