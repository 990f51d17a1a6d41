/*
 * The laid-out page (page.c): every pass over a speech is linear in it
 * (issue 11: a speech of 200,000 pull quotes froze the program). The page
 * counts its steps; doubling the speech may at most double them, give or
 * take the fixed part.
 */
#include "tap.h"

#include <stdlib.h>

#include "helpers.h"
#include "page.h"

/* A speech of count paragraphs, each with a pull quote wedged into it. */
static char *wedged(size_t count)
{
	struct buf b = {0};
	size_t i;

	buf_adds(&b, "题\n局长**甲**:开头");
	for (i = 0; i < count; i++)
		buf_adds(&b, "\n我们说，接着\n拉出的话\n讲完了。");
	buf_adds(&b, "\n结束了。\n");
	buf_addc(&b, '\0');
	return b.data;
}

static size_t steps(size_t count, bool raw)
{
	char *text = wedged(count);
	struct corpus *c = parse_string(text, true);
	struct page_opts po = {.width = 40, .ambiguous_width = 1, .fullwidth = true, .lex = test_lex};
	struct page pg;
	size_t n;

	page_init(&pg);
	if (raw)
		page_build_raw(&pg, c, 0, &po);
	else
		page_build(&pg, c, 0, &po);
	n = pg.steps;
	page_fini(&pg);
	corpus_free(c);
	free(text);
	return n;
}

int main(void)
{
	size_t a, b;

	tap_setup();
	test_lex = lexicon_builtin();
	a = steps(2000, false), b = steps(4000, false);
	ok(a > 0 && b <= 2 * a + 16, "pull quotes laid out in linear work (%zu, then %zu steps)", a, b);
	a = steps(2000, true), b = steps(4000, true);
	ok(a > 0 && b <= 2 * a + 16, "the raw view marks repairs in linear work (%zu, then %zu)", a, b);
	lexicon_free(test_lex);
	return done_testing();
}
