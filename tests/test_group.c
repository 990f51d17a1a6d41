/* List rows: departments in first-appearance order, a speaker under each of
 * their departments, speeches without one last; the filter. */
#include "tap.h"

#include "group.h"
#include "helpers.h"

int main(void)
{
	struct corpus *c;
	struct group g = {0};

	tap_setup();
	test_lex = lexicon_builtin();
	c = parse_string("市委组织部副部长、市人社局局长**甲**:一。\n"
			 "嘉宾**乙**:二。\n"
			 "市人社局副局长**丙**:三。\n",
			 true);
	group_build(c, GROUP_ALL, &g);
	is_num(g.n, 7, "3 headers + 4 rows");
	ok(g.v[0].speech == NO_SPEECH && g.v[0].dept == 0, "市委组织部 header first");
	ok(g.v[1].speech == 0, "甲 under it");
	ok(g.v[2].speech == NO_SPEECH && g.v[2].dept == 1, "市人社局 header");
	ok(g.v[3].speech == 0 && g.v[4].speech == 2, "甲 again, then 丙");
	ok(g.v[5].speech == NO_SPEECH && g.v[5].dept == NO_DEPT, "未分部门 last");
	ok(g.v[6].speech == 1, "乙 under it");
	group_build(c, 1, &g);
	is_num(g.n, 3, "filtered to 市人社局: header + 2 rows");
	ok(g.v[1].speech == 0 && g.v[2].speech == 2, "甲 and 丙");
	group_build(c, NO_DEPT, &g);
	is_num(g.n, 2, "filtered to 未分部门");
	group_fini(&g);
	corpus_free(c);
	lexicon_free(test_lex);
	return done_testing();
}
