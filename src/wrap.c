#include "wrap.h"

#include <stdlib.h>
#include <string.h>
#include <unilbrk.h>

#include "text.h"
#include "util.h"

/*
 * UAX #14 gives the opportunities; kinsoku then takes away any that would
 * start a line with a no-line-start character or end one with a
 * no-line-end character (UAX #14 lets · start a line, for one):
 *
 *     他说:“好。”  →  他|说|:“好。”   opportunities before 说 and after :
 *                       (none before : nor after “, none before 。 or ”)
 */
void wrap_opportunities(const char *s, size_t len, const struct lexicon *lex, bool *breaks)
{
	char *uax = xmalloc(len ? len : 1);
	uint32_t prev = 0, uc;
	size_t i = 0, n;

	u8_possible_linebreaks((const uint8_t *)s, len, "UTF-8", uax);
	while (i < len) {
		n = text_next(s + i, len - i, &uc);
		breaks[i] = i > 0 && (uax[i] == UC_BREAK_POSSIBLE || uax[i] == UC_BREAK_MANDATORY) &&
			    !charset_has(&lex->no_line_start, uc) &&
			    !charset_has(&lex->no_line_end, prev);
		for (size_t k = 1; k < n; k++)
			breaks[i + k] = false;
		prev = uc;
		i += n;
	}
	free(uax);
}

static bool is_ascii_graphic(char c)
{
	return c > ' ' && c < 0x7F;
}

static bool is_digit_run(const char *s, size_t len)
{
	size_t i, digits = 0;

	for (i = 0; i < len; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if (!strchr(".,:%", s[i]))
			return false;
	}
	return digits > 0;
}

/* A URL, an e-mail address or a run of digits (SPEC 3.3). */
static bool is_kept_whole(const char *s, size_t len)
{
	const char *at = memchr(s, '@', len);

	return memmem(s, len, "://", 3) || (len >= 4 && memcmp(s, "www.", 4) == 0) ||
	       (at && at > s && memchr(at, '.', len - (size_t)(at - s))) || is_digit_run(s, len);
}

/*
 * A URL, an e-mail address or a run of digits is never broken inside when
 * it fits on a line of its own: its inner opportunities go (the one before
 * it stays). A longer one keeps them, so it still breaks somewhere sensible.
 */
static void keep_runs_whole(const char *s, size_t len, const struct wrap_opts *opts, bool *breaks)
{
	size_t i = 0, start, k;

	while (i < len) {
		if (!is_ascii_graphic(s[i])) {
			i++;
			continue;
		}
		for (start = i; i < len && is_ascii_graphic(s[i]); i++)
			;
		if (i - start > 1 && (int)text_str_width(s + start, i - start, opts->ambiguous_width) <=
					     opts->width && is_kept_whole(s + start, i - start))
			for (k = start + 1; k < i; k++)
				breaks[k] = false;
	}
}

/* Where a line is being filled. */
struct fill {
	size_t start;     /* byte where the line starts */
	int col;          /* columns used, spaces included */
	int drawn_col;    /* columns up to the last non-space */
	size_t drawn_end; /* byte after the last non-space */
	size_t brk;       /* last opportunity on this line, 0 when none */
	int brk_col;      /* drawn columns before it */
	size_t brk_drawn; /* drawn bytes before it */
};

static void emit(struct wrap_lines *out, size_t base, size_t start, size_t end, size_t drawn_end,
		 int width, bool hard)
{
	struct wrap_line *l;

	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof(*out->v));
	l = &out->v[out->n++];
	l->off = base + start;
	l->len = end - start;
	l->draw_len = (drawn_end > start ? drawn_end : start) - start;
	l->width = width;
	l->hard = hard;
}

/* Starts a new line at byte from and measures what already lies before i. */
static void restart(struct fill *f, const char *s, size_t from, size_t to, int amb)
{
	size_t k = from;
	uint32_t uc;

	*f = (struct fill){.start = from, .drawn_end = from};
	while (k < to) {
		k += text_next(s + k, to - k, &uc);
		f->col += text_width(uc, amb);
		if (uc != ' ') {
			f->drawn_col = f->col;
			f->drawn_end = k;
		}
	}
}

void wrap_text(const char *s, size_t len, size_t base, const struct wrap_opts *opts,
	       struct wrap_lines *out)
{
	bool *breaks = xmalloc(len ? len : 1);
	struct fill f = {0};
	size_t i = 0, n;
	uint32_t uc;
	int w;

	wrap_opportunities(s, len, opts->lex, breaks);
	keep_runs_whole(s, len, opts, breaks);
	while (i < len) {
		n = text_next(s + i, len - i, &uc);
		w = text_width(uc, opts->ambiguous_width);
		if (i > f.start && breaks[i]) {
			f.brk = i;
			f.brk_col = f.drawn_col;
			f.brk_drawn = f.drawn_end;
		}
		if (uc != ' ' && f.col + w > opts->width && i > f.start) {
			if (f.brk > f.start) {
				emit(out, base, f.start, f.brk, f.brk_drawn, f.brk_col, false);
				restart(&f, s, f.brk, i, opts->ambiguous_width);
			} else {
				emit(out, base, f.start, i, f.drawn_end, f.drawn_col, true);
				restart(&f, s, i, i, opts->ambiguous_width);
			}
			continue;
		}
		f.col += w;
		i += n;
		if (uc != ' ') {
			f.drawn_col = f.col;
			f.drawn_end = i;
		}
	}
	emit(out, base, f.start, len, f.drawn_end, f.drawn_col, false);
	free(breaks);
}
