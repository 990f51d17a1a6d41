/*
 * Line breaking (SPEC 3.3). Properties over every speech of the bundled
 * collection at every width from 4 to 120, and small cases by hand.
 */
#include "tap.h"

#include <stdlib.h>

#include "assets.h"
#include "helpers.h"
#include "page.h"
#include "wrap.h"

static struct buf b;

struct tally {
	size_t lines, too_wide, bad_width, bad_start, bad_end, bad_join, hard;
};

static uint32_t first_char(const char *s, size_t len)
{
	uint32_t uc = 0;

	if (len)
		text_next(s, len, &uc);
	return uc;
}

static uint32_t last_char(const char *s, size_t len)
{
	uint32_t uc = 0;

	if (len)
		text_next(s + text_prev(s, len), len - text_prev(s, len), &uc);
	return uc;
}

/* Checks the lines of one block (lines[from, to)) against its text. */
static void check_block(const struct page *pg, size_t from, size_t to, const char *want,
			size_t want_len, int width, struct tally *t)
{
	const struct lexicon *lex = test_lex;
	struct buf joined = {0};
	size_t i;

	for (i = from; i < to; i++) {
		const struct page_line *l = &pg->lines[i];
		const char *s = pg->text.data + l->off;
		t->lines++;
		t->hard += l->hard;
		t->too_wide += l->width > width;
		t->bad_width += (size_t)l->width != text_str_width(s, l->draw_len, 1);
		if (i + 1 < to && !l->hard) {
			const struct page_line *n = &pg->lines[i + 1];
			t->bad_end += charset_has(&lex->no_line_end, last_char(s, l->draw_len));
			t->bad_start += charset_has(&lex->no_line_start,
						    first_char(pg->text.data + n->off, n->len));
		}
		buf_add(&joined, s, l->len);
	}
	t->bad_join += joined.len != want_len || memcmp(joined.data, want, want_len) != 0;
	buf_fini(&joined);
}

static void check_speech(const struct corpus *c, size_t sp, int width, struct tally *t)
{
	struct page_opts o = {width, 1, true, test_lex, NULL, false, false};
	const struct speech *s = &c->speeches.v[sp];
	struct page pg;
	struct buf want = {0}, scratch = {0};
	size_t i, p, from;

	page_init(&pg);
	page_build(&pg, c, sp, &o);
	for (p = 0; p < s->para_count; p++) {
		struct str text = corpus_para_text(c, speech_para(c, s, p), &scratch);
		buf_clear(&want);
		if (page_indents(width))
			buf_adds(&want, "\xE3\x80\x80\xE3\x80\x80");
		text_display(&want, text.s, text.len, true);
		for (from = 0; from < pg.line_count && !(pg.lines[from].style == PAGE_PARA &&
							 pg.lines[from].para == p);
		     from++)
			;
		for (i = from; i < pg.line_count && pg.lines[i].style == PAGE_PARA &&
			       pg.lines[i].para == p;
		     i++)
			;
		check_block(&pg, from, i, want.data, want.len, width, t);
	}
	page_fini(&pg);
	buf_fini(&want);
	buf_fini(&scratch);
}

static void test_seed_properties(void)
{
	struct corpus *c = parse_string((const char *)asset_collection, true);
	struct tally t = {0};
	size_t sp;
	int width;

	for (width = 4; width <= 120; width++)
		for (sp = 0; sp < c->speeches.n; sp++)
			check_speech(c, sp, width, &t);
	ok(t.lines > 30000, "laid out %zu paragraph lines at widths 4-120", t.lines);
	is_num(t.too_wide, 0, "no line wider than the width");
	is_num(t.bad_width, 0, "every line's width is what text_str_width says");
	is_num(t.bad_start, 0, "no soft break before a no-line-start character");
	is_num(t.bad_end, 0, "no soft break after a no-line-end character");
	is_num(t.bad_join, 0, "lines joined back give the paragraph (indent and mapping included)");
	printf("# %zu lines split hard (no opportunity within the width)\n", t.hard);
	corpus_free(c);
}

/* Wraps s at width into "line|line|…" (drawn parts). */
static const char *wrap(const char *s, int width)
{
	struct wrap_opts o = {width, 1, test_lex};
	struct wrap_lines lines = {0};
	size_t i;

	wrap_text(s, strlen(s), 0, &o, &lines);
	buf_clear(&b);
	for (i = 0; i < lines.n; i++) {
		if (i)
			buf_addc(&b, '|');
		buf_add(&b, s + lines.v[i].off, lines.v[i].draw_len);
	}
	free(lines.v);
	return b.data;
}

static void test_cases(void)
{
	is_str(wrap("中文字符", 4), "中文|字符", "two Han per line at width 4");
	is_str(wrap("中文,字符", 4), "中|文,|字符", "comma never starts a line");
	is_str(wrap("“中文”字符", 6), "“中|文”字|符", "quotes stay with their text");
	is_str(wrap("甲·乙丙丁", 3), "甲·|乙|丙|丁", "· never starts a line");
	is_str(wrap("aaa bbb", 3), "aaa|bbb", "the space at a break is not drawn");
	is_str(wrap("1234567890123", 5), "12345|67890|123", "an unbreakable run is split hard");
	is_str(wrap("见http://example.com/x", 8), "见|http://|example.|com/x",
	       "a URL breaks where UAX #14 allows");
	is_str(wrap("破”到“链", 2), "破|”|到|“|链", "width 2: quote-glued run split hard");
	is_str(wrap("e\xCC\x81" "e\xCC\x81", 1), "e\xCC\x81|e\xCC\x81",
	       "combining marks stay with their base");
	is_str(wrap("", 10), "", "empty text is one empty line");
	is_str(wrap("😀😀😀", 4), "😀😀|😀", "outside the BMP measured as 2");
}

int main(void)
{
	tap_setup();
	test_lex = lexicon_builtin();
	test_seed_properties();
	test_cases();
	lexicon_free(test_lex);
	buf_fini(&b);
	return done_testing();
}
