/* Search (SPEC 3.2): folding, counts, matches across repaired breaks, KWIC
 * alignment, and the outline. */
#include "tap.h"

#include <stdlib.h>
#include <unicase.h>
#include <uninorm.h>

#include "assets.h"
#include "group.h"
#include "helpers.h"
#include "search.h"

static struct corpus *seed;

/* The folding of SPEC 3.2, written again from its words with libunistring:
 * a wide or narrow decomposition's one character, then uc_tolower. */
static void naive_fold(const char *s, size_t len, struct buf *out)
{
	size_t i = 0;
	uint32_t uc, d[UC_DECOMPOSITION_MAX_LENGTH];
	int tag;

	buf_clear(out);
	while (i < len) {
		i += text_next(s + i, len - i, &uc);
		if (uc_decomposition(uc, &tag, d) == 1 &&
		    (tag == UC_DECOMP_WIDE || tag == UC_DECOMP_NARROW))
			uc = d[0];
		buf_add_uc(out, uc_tolower(uc));
	}
	buf_addc(out, '\0');
}

/* An independent count: plain strstr over every searched text, folded. */
static size_t naive_count(const struct corpus *c, const char *raw_term)
{
	struct buf term_buf = {0}, folded = {0};
	const char *term;

	naive_fold(raw_term, strlen(raw_term), &term_buf);
	term = term_buf.data;
	struct buf scratch = {0}, text = {0};
	size_t i, k, n = 0;

	for (i = 0; i < c->speeches.n; i++) {
		const struct speech *s = &c->speeches.v[i];
		buf_clear(&text);
		if (s->headline.s)
			buf_add(&text, s->headline.s, s->headline.len);
		buf_addc(&text, '\n');
		for (k = 0; k < s->para_count; k++) {
			struct str t = corpus_para_text(c, speech_para(c, s, k), &scratch);
			buf_add(&text, t.s, t.len);
			buf_addc(&text, '\n');
		}
		for (k = 0; k < s->pq_count; k++) {
			buf_add(&text, c->pqs.v[s->pq_first + k].text.s, c->pqs.v[s->pq_first + k].text.len);
			buf_addc(&text, '\n');
		}
		naive_fold(text.data, text.len, &folded);
		for (const char *p = folded.data; (p = strstr(p, term)); p += strlen(term))
			n++;
	}
	buf_fini(&scratch);
	buf_fini(&text);
	buf_fini(&folded);
	buf_fini(&term_buf);
	return n;
}

static size_t count(const struct corpus *c, const char *term, size_t dept)
{
	struct search s;
	size_t n;

	search_init(&s);
	search_compile(&s, term, strlen(term));
	search_run(&s, c, dept);
	n = s.n;
	search_fini(&s);
	return n;
}

static void test_counts(void)
{
	const char *terms[] = {"十四五", "创新", "服务", "一是", "“", "人才", "2"};
	size_t i;

	for (i = 0; i < ARRAY_LEN(terms); i++)
		is_num(count(seed, terms[i], GROUP_ALL), naive_count(seed, terms[i]),
		       "count of %s equals a plain count over the repaired text", terms[i]);
	ok(count(seed, "创新", 3) < count(seed, "创新", GROUP_ALL), "a filter narrows the count");

	/* A page that needs the folding: full-width and mixed-case forms. */
	struct corpus *mixed = parse_string(
		"题\n局长**甲**:ＡＩ与ai、Ai和aI；２０２０年与2020年、２0２0年。\n\n"
		"主任**乙**:ＧＤＰ增长，gdp也增长；Ｇdp。十四五与十四五。\n", true);
	const char *folding_terms[] = {"ai", "ＡＩ", "2020", "２０２０", "gdp", "ＧＤＰ", "十四五", "；"};
	for (i = 0; i < ARRAY_LEN(folding_terms); i++)
		is_num(count(mixed, folding_terms[i], GROUP_ALL), naive_count(mixed, folding_terms[i]),
		       "count of %s equals a folded count", folding_terms[i]);
	is_num(count(mixed, "ai", GROUP_ALL), 4, "and the folded count is not the plain one");
	corpus_free(mixed);
	is_num(count(seed, "引进人才工作上", GROUP_ALL), 1, "a term broken across lines 13/15 is found");
	is_num(count(seed, "三是在全市营造", GROUP_ALL), 1, "and one a pull quote stood inside");
	is_num(count(seed, "提供技术支持", GROUP_ALL), 2, "a pull quote is searched too");
}

static void test_folding(void)
{
	struct corpus *c = parse_string("局长**甲**:ABC abc ＡＢＣ ａｂｃ,2０２0年:和：说。\n", true);

	is_num(search_fold(0xFF21), 'a', "Ａ folds to a");
	is_num(search_fold(0xFF12), '2', "２ folds to 2");
	is_num(search_fold(0xFF1A), ':', "full-width colon folds to :");
	is_num(search_fold(0x4E2D), 0x4E2D, "中 stays");
	is_num(count(c, "abc", GROUP_ALL), 4, "abc finds every case and width");
	is_num(count(c, "ＡＢＣ", GROUP_ALL), 4, "and ＡＢＣ finds them all too");
	is_num(count(c, "2020", GROUP_ALL), 1, "digits fold both ways: 2０２0");
	is_num(count(c, ":", GROUP_ALL), 2, ": matches : and :");
	is_num(count(c, "", GROUP_ALL), 0, "an empty term finds nothing");
	corpus_free(c);
}

static void test_kwic_alignment(int width)
{
	struct search s;
	struct buf line = {0};
	size_t i, col, first = 0, bad = 0;

	search_init(&s);
	search_compile(&s, "十四五", strlen("十四五"));
	search_run(&s, seed, GROUP_ALL);
	struct kwic_opts ko = {width, search_speaker_width(seed, s.v, s.n, 1), 1, true};
	for (i = 0; i < s.n; i++) {
		buf_clear(&line);
		search_kwic(&line, seed, &s.v[i], &ko);
		/* The term's column: the width of the line before its last
		 * occurrence at or before the middle. */
		const char *at = strstr(line.data + ko.speaker_width, "十四五");
		col = text_str_width(line.data, (size_t)(at - line.data), 1);
		if (i == 0)
			first = col;
		bad += col != first || text_str_width(line.data, line.len, 1) > (size_t)width;
	}
	ok(s.n == 10 && bad == 0, "width %d: the term starts in column %zu on all %zu lines",
	   width, first, s.n);
	buf_fini(&line);
	search_fini(&s);
}

static void test_outline(void)
{
	struct outline o = {0};
	size_t i, with_points = 0;

	outline_build(&o, seed, 0, test_lex);
	is_num(o.n, 8, "聂立新: 8 numbered points");
	is_num(o.v[o.n - 1].group, 2, "in 3 runs (each 一是 starts one)");
	is_num(o.v[0].para, 1, "the first in the second paragraph");
	for (i = 0; i < seed->speeches.n; i++) {
		outline_build(&o, seed, i, test_lex);
		with_points += o.n > 0;
	}
	is_num(with_points, 12, "12 of the 14 speeches have numbered points (梅静 and 蒋雯 number none)");
	outline_fini(&o);
}

int main(void)
{
	tap_setup();
	test_lex = lexicon_builtin();
	seed = parse_string((const char *)asset_collection, true);
	test_counts();
	test_folding();
	test_kwic_alignment(40);
	test_kwic_alignment(100);
	test_outline();
	corpus_free(seed);
	lexicon_free(test_lex);
	return done_testing();
}
