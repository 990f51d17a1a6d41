#include "lines.h"

/* What the recognisers found on the lines, kept from the marking (lines.c)
 * for the walk, so that it does not ask them again; and what a recogniser
 * is shown of a line (its context), for both. lines.c calls here, never
 * the other way. */

struct speaker_context lines_context(const struct lines *ls, const struct lexicon *lex, size_t i)
{
	struct speaker_context ctx = {.lex = lex, .line = speaker_unmarked(lex, lines_text(ls, i))};

	speaker_scan(&ctx);
	if (i > 0)
		ctx.prev_bare = lines_has(ls, i - 1, LF_BARE);
	if (i + 1 < ls->n) {
		ctx.next = lines_text(ls, i + 1);
		ctx.next_bare = lines_has(ls, i + 1, LF_BARE);
	}
	return ctx;
}

static bool to_span(struct str part, struct str line, struct line_span *span)
{
	if (!part.s) {
		*span = (struct line_span){UINT16_MAX, 0};
		return true;
	}
	if (part.s < line.s || part.s + part.len > line.s + line.len)
		return false;
	*span = (struct line_span){(uint16_t)(part.s - line.s), (uint16_t)part.len};
	return true;
}

static struct str from_span(struct line_span span, struct str line)
{
	return span.off == UINT16_MAX ? STR_NULL : (struct str){line.s + span.off, span.len};
}

/* Keeps a match; a line too long for the spans' 16 bits is asked again. */
void lines_keep_found(struct found_list *found, size_t i, enum speech_layout layout,
		      const struct speaker_line *sl, struct str line)
{
	struct found f = {.line = (uint32_t)i, .layout = (uint8_t)layout};

	if (line.len >= UINT16_MAX || !to_span(sl->posts, line, &f.posts) ||
	    !to_span(sl->name, line, &f.name) || !to_span(sl->designation, line, &f.designation) ||
	    !to_span(sl->text, line, &f.text))
		return;
	*VEC_PUSH(found) = f;
}

static bool found_before(const struct found *f, size_t i, enum speech_layout layout)
{
	return f->line < i || (f->line == i && f->layout < layout);
}

/* The first kept at or after (i, layout): galloping on from the last one
 * asked (the walk asks in line order, so that is a step or two), or a
 * binary search before it. */
static size_t find_kept(const struct lines *ls, size_t i, enum speech_layout layout, size_t *cursor)
{
	const struct found *v = ls->found.v;
	size_t n = ls->found.n, at = MIN(*cursor, n), lo = 0, hi = at, step = 1;

	if (at == 0 || found_before(&v[at - 1], i, layout)) {
		lo = hi = at;
		while (hi < n && found_before(&v[hi], i, layout)) {
			lo = hi + 1;
			hi = MIN(n, hi + step);
			step *= 2;
		}
	}
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (found_before(&v[mid], i, layout))
			lo = mid + 1;
		else
			hi = mid;
	}
	*cursor = lo;
	return lo;
}

void lines_speaker(struct lines *ls, const struct lexicon *lex, size_t i,
		   enum speech_layout layout, struct speaker_line *out)
{
	lines_speaker_from(ls, lex, i, layout, &ls->found_at, out);
}

void lines_speaker_from(const struct lines *ls, const struct lexicon *lex, size_t i,
			enum speech_layout layout, size_t *cursor, struct speaker_line *out)
{
	size_t lo = find_kept(ls, i, layout, cursor);
	struct speaker_context ctx;

	if (lo < ls->found.n && ls->found.v[lo].line == i && ls->found.v[lo].layout == layout) {
		const struct found *f = &ls->found.v[lo];
		struct str line = lines_text(ls, i);
		*out = (struct speaker_line){from_span(f->posts, line), from_span(f->name, line),
					     from_span(f->designation, line), from_span(f->text, line)};
		return;
	}
	ctx = lines_context(ls, lex, i);
	if (lines_by_pattern(ls, i))
		ctx.trust = NAMES_FORM;
	speaker_match(&ctx, layout, out);
}

bool lines_by_pattern(const struct lines *ls, size_t i)
{
	size_t lo = 0, hi = ls->by_pattern.n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ls->by_pattern.v[mid] < i)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ls->by_pattern.n && ls->by_pattern.v[lo] == i;
}
