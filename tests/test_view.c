/*
 * The views (SPEC 3.6): rows and order for two collections, a speaker in two
 * departments, namesakes told apart by their departments, one person across
 * pages, and the filter in each view.
 */
#include "tap.h"

#include <stdlib.h>

#include "buf.h"
#include "helpers.h"
#include "view.h"

static const char page1[] =
	"第一期\n\n"
	"甲标题\n\n市财政局局长**王强**：第一篇正文。\n\n"
	"乙标题\n\n市教育局局长**李明**：第二篇正文。\n\n"
	"丙标题\n\n市财政局副局长、市税务局局长**张华**：第三篇正文。\n";
static const char page2[] =
	"第二期\n\n"
	"丁标题\n\n宜秀区区长**王强**：第四篇正文。\n\n"
	"戊标题\n\n市税务局局长**张华**：第五篇正文。\n\n"
	"己标题\n\n市教育局局长**李明**：第六篇正文。\n";

/* The rows as text: "#KEY" for a header, the speech's headline for a row. */
static void rows_text(const struct corpus *c, const struct group *g, struct buf *out)
{
	size_t i;

	buf_clear(out);
	for (i = 0; i < g->n; i++) {
		if (g->v[i].speech == NO_SPEECH) {
			buf_addf(out, "#%zu ", g->v[i].dept);
			continue;
		}
		struct str h = c->speeches.v[g->v[i].speech].headline;
		buf_add(out, h.s, h.len);
		buf_addc(out, ' ');
	}
	buf_addc(out, '\0');
}

int main(void)
{
	struct corpus *c;
	struct parse_opts o;
	struct people pp = {0};
	struct group g = {0};
	struct buf got = {0};

	tap_setup();
	test_lex = lexicon_builtin();
	c = corpus_new();
	o = (struct parse_opts){.lex = test_lex, .repair = true};
	parse_collection(c, "1.txt", xstrdup(page1), strlen(page1), &o);
	parse_collection(c, "2.txt", xstrdup(page2), strlen(page2), &o);
	is_num(c->speeches.n, 6, "six speeches on two pages");

	view_build(c, VIEW_PAGE, GROUP_ALL, NULL, &g);
	rows_text(c, &g, &got);
	is_str(got.data, "#0 甲标题 乙标题 丙标题 #1 丁标题 戊标题 己标题 ",
	       "in page order: each collection under its header, its speeches as printed");

	people_build(c, &pp);
	is_num(pp.n, 4, "four people: two 王强 told apart, one 李明, one 张华");
	ok(pp.person_of[0] != pp.person_of[3], "王强 of 市财政局 and 王强 of 宜秀区 stay apart");
	ok(pp.person_of[1] == pp.person_of[5], "李明 of 市教育局 on both pages is one person");
	ok(pp.person_of[2] == pp.person_of[4],
	   "张华 of 市财政局、市税务局 and of 市税务局: a shared department, one person");
	view_build(c, VIEW_SPEAKER, GROUP_ALL, &pp, &g);
	rows_text(c, &g, &got);
	is_str(got.data, "#0 甲标题 #1 乙标题 己标题 #2 丙标题 戊标题 #3 丁标题 ",
	       "by speaker: people in order of first appearance, their speeches in collection order");

	size_t tax = corpus_find_dept(c, str_from("市税务局"));
	view_build(c, VIEW_PAGE, tax, NULL, &g);
	rows_text(c, &g, &got);
	is_str(got.data, "#0 丙标题 #1 戊标题 ", "the filter in page order: that department's speeches");
	view_build(c, VIEW_SPEAKER, tax, &pp, &g);
	rows_text(c, &g, &got);
	is_str(got.data, "#2 丙标题 戊标题 ", "and by speaker");
	view_build(c, VIEW_PAGE, NO_DEPT, NULL, &g);
	is_num(g.n, 0, "no speech without a department: no rows");

	group_fini(&g);
	people_fini(&pp);
	buf_fini(&got);
	corpus_free(c);
	lexicon_free(test_lex);
	return done_testing();
}
