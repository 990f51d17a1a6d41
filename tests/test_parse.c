/* The parsing rules of SPEC 1.1-1.2, each on a small hand-made input. */
#include "tap.h"

#include "helpers.h"
#include "lines.h"

#include <stdint.h>
#include <stdlib.h>

static struct buf b;

static void test_basic_speech(void)
{
	struct corpus *c = parse_string("\n\n文集标题很长很长很长很长很长很长很长很长很长很长\n\n"
					 "标题一\n\n市经信局局长**张三**:第一段。\n\n第二段。\n\n"
					 "全媒体记者 李四\n",
					 true);
	const struct speech *s = &c->speeches.v[0];

	is_num(c->speeches.n, 1, "one speech");
	is_str(cstr(c->colls.v[0].title, &b), "文集标题很长很长很长很长很长很长很长很长很长很长",
	       "title is the first non-blank line");
	is_str(cstr(s->headline, &b), "标题一", "headline");
	is_str(cstr(s->speaker, &b), "张三", "speaker");
	is_str(cstr(s->title, &b), "市经信局局长", "posts as written");
	is_str(cstr(speech_reporter(s), &b), "李四", "reporter is the byline's rest, trimmed");
	is_str(cstr(s->byline, &b), "全媒体记者 李四", "byline as written");
	is_num(s->para_count, 2, "two paragraphs");
	is_str(para(c, 0, 0, &b), "第一段。", "speaker line text is the first paragraph");
	is_num(s->line, 5, "line is the headline's");
	corpus_free(c);
}

static void test_ascii_and_fullwidth_colon(void)
{
	struct corpus *c = parse_string("局长**甲**:文字。\n局长**乙**\xEF\xBC\x9A文字。\n", true);

	is_num(c->speeches.n, 2, "ASCII and full-width (U+FF1A) colon both make speaker lines");
	is_str(para(c, 1, 0, &b), "文字。", "the full-width colon is not part of the text");
	ok(c->speeches.v[0].headline.s == NULL, "no headline: first speech");
	ok(c->colls.v[0].title.s == NULL, "no title when the first line is a speaker line");
	is_num(c->speeches.v[0].line, 1, "line is the speaker line's without a headline");
	corpus_free(c);
}

static void test_join_and_pullquote(void)
{
	struct corpus *c = parse_string("题\n局长**甲**:开头。\n\n二是加强;三是\n\n提供技术支持\n\n"
					 "在全市营造氛围。\n",
					 true);
	const struct speech *s = &c->speeches.v[0];

	is_num(s->para_count, 2, "broken paragraph joined");
	is_str(para(c, 0, 1, &b), "二是加强;三是在全市营造氛围。", "joined with nothing inserted");
	is_num(s->pq_count, 1, "one pull quote");
	is_str(cstr(c->pqs.v[s->pq_first].text, &b), "提供技术支持", "pull quote text");
	is_num(c->pqs.v[s->pq_first].after, 1, "pull quote after the paragraph it was lifted from");
	is_num(s->repair_count, 2, "two repairs");
	is_num(c->repairs.v[s->repair_first].line, 4, "join reported at the broken part's last line");
	ok(repair_kind(&c->repairs.v[s->repair_first]) == REPAIR_JOIN, "first repair is the join");
	is_num(c->repairs.v[s->repair_first + 1].line, 6, "pull quote repair at its line");
	corpus_free(c);
}

static void test_no_repair(void)
{
	struct corpus *c = parse_string("题\n局长**甲**:开头\n\n小标题\n\n结尾。\n", false);
	const struct speech *s = &c->speeches.v[0];

	is_num(s->para_count, 3, "--no-repair keeps every line a paragraph");
	is_num(s->pq_count, 0, "--no-repair lifts no pull quote");
	is_num(s->repair_count, 0, "--no-repair makes no repair");
	corpus_free(c);
}

static void test_complete_endings(void)
{
	struct corpus *c = parse_string("局长**甲**:他说:“好。”\n\n二段,\n\n三段、\n\n四段,结束……\n\n五段,没完\n",
					 true);
	const struct speech *s = &c->speeches.v[0];

	is_num(s->para_count, 3, "closing quote after 。 completes; , and 、 do not");
	is_str(para(c, 0, 1, &b), "二段,三段、四段,结束……", ", and 、 joined on; … completes");
	is_num(count_findings(c, DIAG_BROKEN_END), 1, "broken paragraph at the end warns");
	corpus_free(c);
}

static void test_broken_before_byline_stays(void)
{
	struct corpus *c = parse_string("局长**甲**:没有结束\n\n记者 乙\n\n题\n局长**丙**:新的。\n",
					 true);

	is_num(c->speeches.n, 2, "two speeches");
	is_num(c->speeches.v[0].para_count, 1, "broken paragraph before a byline stays");
	is_num(c->speeches.v[1].para_count, 1, "not joined into the next speech");
	is_num(count_findings(c, DIAG_BROKEN_END), 1, "and is warned about");
	corpus_free(c);
}

/* SPEC 1.2 (changed): only a bare line that interrupts a sentence is a pull
 * quote; after a complete paragraph it is the speaker's own line. */
static void test_pullquote_at_paragraph_end(void)
{
	struct corpus *c = parse_string("局长**甲**:完整的一段。\n\n小标题\n\n记者 乙\n", true);
	const struct speech *s = &c->speeches.v[0];

	is_num(s->para_count, 2, "a bare line after a complete paragraph stays a paragraph");
	is_num(s->pq_count, 0, "and is no pull quote");
	corpus_free(c);
}

static void test_headline_like_pullquote(void)
{
	/* No byline: the bare line is followed by a speaker line, so it is the
	 * next speech's headline, not a pull quote of this one. */
	struct corpus *c = parse_string("局长**甲**:一段。\n\n像小标题\n\n局长**乙**:二段。\n", true);

	is_num(c->speeches.n, 2, "two speeches");
	is_num(c->speeches.v[0].pq_count, 0, "no pull quote");
	is_str(cstr(c->speeches.v[1].headline, &b), "像小标题", "it is the headline");
	corpus_free(c);
}

static void test_unattached(void)
{
	struct corpus *c = parse_string("标题行,带逗号的很长的标题\n前言正文。\n局长**甲**:一段。\n"
					 "记者 乙\n后记正文。\n",
					 true);

	/* SPEC 1.5: what stands before the first speech is the preamble. */
	is_num(c->colls.v[0].preamble_count, 1, "text before the speeches is the preamble");
	is_str(cstr(c->parts.v[c->colls.v[0].preamble_first], &b), "前言正文。", "kept as written");
	is_num(c->unatt.n, 1, "text after a closed speech is unattached");
	is_num(c->unatt.v[0].line, 5, "its line");
	is_str(cstr(c->unatt.v[0].text, &b), "后记正文。", "text after the byline");
	is_num(count_findings(c, DIAG_UNATTACHED), 1, "and reported");
	corpus_free(c);
}

static void test_byline_is_not_a_sentence(void)
{
	struct corpus *c = parse_string("局长**甲**:一段。\n记者从市里获悉,工作进展顺利。\n", true);

	is_num(c->speeches.v[0].para_count, 2, "a sentence starting with 记者 is body text");
	ok(speech_reporter(&c->speeches.v[0]).s == NULL, "and no byline");
	corpus_free(c);
}

static void test_speaker_without_body(void)
{
	struct corpus *c = parse_string("局长**甲**:\n\n记者 乙\n", true);

	is_num(c->speeches.n, 1, "speaker line without text is still a speech");
	is_num(c->speeches.v[0].para_count, 0, "with no paragraphs");
	is_num(count_findings(c, DIAG_EMPTY_SPEECH), 1, "reported");
	corpus_free(c);
}

static void test_line_ends_and_tabs(void)
{
	struct corpus *c = parse_string("题\r\n局长**甲**:一\t段。\r第二段。\xC2\x85第三段。"
					 "\xE2\x80\xA8第四段。\xE2\x80\xA9第五段。\n",
					 true);
	const struct speech *s = &c->speeches.v[0];

	is_num(s->para_count, 5, "CRLF, CR, NEL, LS and PS end lines");
	is_str(para(c, 0, 0, &b), "一 段。", "TAB becomes a space");
	is_num(c->paras.v[s->para_first + 4].line, 6, "line numbers count every kind of end");
	corpus_free(c);
}

static void test_posts_and_departments(void)
{
	struct corpus *c = parse_string("市委组织部副部长、市人社局局长**甲**:一。\n"
					 "市经信局党组书记、局长**乙**:二。\n"
					 "某团体顾问**丙**:三。\n",
					 true);
	const struct speech *a = &c->speeches.v[0], *b2 = &c->speeches.v[1];

	is_num(a->dept_count, 2, "posts in two departments");
	is_str(cstr(c->depts.v[speech_dept(c, a, 1)], &b), "市人社局", "second department");
	is_num(b2->dept_count, 1, "a bare role inherits the department");
	ok(post_unit(&c->posts.v[b2->post_first + 1]).s == NULL, "but not the unit");
	is_num(c->speeches.v[2].dept_count, 0, "unknown role: no department");
	is_num(count_findings(c, DIAG_NO_ROLE), 1, "and a warning");
	is_num(c->depts.n, 3, "departments interned once");
	corpus_free(c);
}

static void test_many_speeches(void)
{
	struct buf text = {0};
	struct corpus *c;
	int i;

	for (i = 0; i < 300; i++)
		buf_addf(&text, "题%d\n局长**人%d**:第%d段。\n记者 某\n", i, i, i);
	c = parse_string(text.data, true);
	is_num(c->speeches.n, 300, "300 speeches");
	is_str(cstr(c->speeches.v[299].speaker, &b), "人299", "last speaker");
	is_num(c->speeches.v[299].line, 898, "last line number");
	corpus_free(c);
	buf_fini(&text);
}

static void test_empty_and_blank(void)
{
	struct corpus *c = parse_string("", true);

	is_num(c->speeches.n, 0, "empty file: no speeches");
	is_num(count_findings(c, DIAG_NO_SPEECHES), 1, "reported");
	corpus_free(c);
	c = parse_string(" \n\t\n\n", true);
	is_num(c->speeches.n, 0, "whitespace only: no speeches");
	ok(c->colls.v[0].title.s == NULL, "and no title");
	corpus_free(c);
}

/* The walk takes what the marking found: every speaker line's finding is
 * kept and found again, asked in line order or out of it. */
static void test_kept_findings(void)
{
	char text[] = "标题\n\n第一题\n\n县长**王五**:第一段。\n\n第二题\n\n"
		      "市长**赵六**:第二段。\n\n第三题\n\n局长**钱七**:第三段。\n";
	struct text_in in = {text, strlen(text), 12, true, 0, 0};
	uint32_t counts[LAYOUT_COUNT] = {0};
	struct layout_choice choice = {.forced = LAYOUT_NONE, .counts = counts};
	struct lines ls = {0};
	struct speaker_line sl;
	const char *names[] = {"王五", "赵六", "钱七"};
	size_t speakers[3], n = 0, i, k, right = 0;

	lines_read(&ls, test_lex, &in, &choice);
	lines_settle(&ls, choice.active, choice.primary);
	for (i = 0; i < ls.n && n < 3; i++)
		if (lines_speaker_of(&ls, i) == LAYOUT_BOLD)
			speakers[n++] = i;
	is_num(n, 3, "three speaker lines");
	is_num(ls.found.n, 3, "each one's finding kept");
	for (k = 0; k < 6; k++) { /* in order, then backwards */
		size_t at = k < 3 ? k : 5 - k;
		lines_speaker(&ls, test_lex, speakers[at], LAYOUT_BOLD, &sl);
		right += str_eqs(sl.name, names[at]) && ls.found_at < ls.found.n &&
			 ls.found.v[ls.found_at].line == speakers[at];
	}
	is_num(right, 6, "found again, in line order and backwards, and the name is right");
	lines_fini(&ls);
}

/* Small files' texts share blocks: distinct rooms, a new block when one is
 * full, none for a text too large; a text read there parses as any other. */
static void test_text_blocks(void)
{
	struct corpus *c = corpus_new();
	char *a = corpus_text_room(c, 100), *b2 = corpus_text_room(c, 50), *big;
	size_t i, fresh = 0;
	bool apart = true;

	ok(a && b2 && b2 >= a + 100, "two rooms, one after the other");
	ok(((uintptr_t)a & ((2u << 20) - 1)) == 0, "a block starts on a 2 MiB boundary");
	ok(!corpus_text_room(c, CORPUS_BLOCK_FILE_MAX + 1), "no room for a large text");
	for (i = 0; i < 40; i++) {
		size_t blocks = c->blocks.n;
		big = corpus_text_room(c, CORPUS_BLOCK_FILE_MAX);
		apart = apart && big && (memset(big, 'x', CORPUS_BLOCK_FILE_MAX), true);
		fresh += c->blocks.n > blocks;
	}
	ok(apart, "forty rooms of the largest size, each writable whole");
	ok(fresh >= 1 && c->blocks.n == 1 + fresh, "a new block when one is full (%zu blocks)",
	   c->blocks.n);
	const char *page = "标题\n\n市经信局局长**张三**:我们要努力。\n";
	char *room = corpus_text_room(c, strlen(page));
	memcpy(room, page, strlen(page));
	struct parse_opts o = {.lex = test_lex, .repair = true};
	struct loaded in = {.bytes = room, .len = strlen(page), .home = TEXT_BLOCK};
	parse_loaded(c, "block.txt", &in, &o);
	ok(c->speeches.n == 1 && c->colls.v[0].text == room &&
		   c->colls.v[0].text_home == TEXT_BLOCK,
	   "a text in a block parses in place");
	corpus_free(c); /* the blocks with it (ASan and valgrind would say) */
}

/* A library's arrays, sized from its first files: the rest fit without a
 * move; large blocks start on a huge page. */
static void test_reserve_ahead(void)
{
	struct corpus *c = corpus_new();
	struct parse_opts o = {.lex = test_lex, .repair = true};
	const char *page = "标题\n\n市经信局局长**张三**:我们要努力。\n\n市财政局局长**李四**:我们要节约。\n";
	struct speech *first;
	size_t i;
	bool stayed = true;
	char *big = util_alloc_huge(HUGE_HINT_MIN + 1), *moved;

	ok(((uintptr_t)big & ((2u << 20) - 1)) == 0, "a large block starts on a 2 MiB boundary");
	memset(big, 'y', HUGE_HINT_MIN + 1);
	moved = util_realloc_huge(big, HUGE_HINT_MIN + 1, 2 * HUGE_HINT_MIN);
	ok(moved[0] == 'y' && moved[HUGE_HINT_MIN] == 'y', "what it held moves with it");
	free(moved);

	for (i = 0; i < 4; i++)
		parse_collection(c, "page.txt", xmemdup(page, strlen(page)), strlen(page), &o);
	corpus_reserve_ahead(c, 4, 4000);
	ok(c->speeches.cap >= 8000 && c->posts.cap >= 8000 && c->paras.cap >= 8000 &&
		   c->segs.cap >= 8000,
	   "room for the files to come (%zu speeches)", c->speeches.cap);
	first = c->speeches.v;
	for (i = 4; i < 4000 && stayed; i++) {
		parse_collection(c, "page.txt", xmemdup(page, strlen(page)), strlen(page), &o);
		stayed = c->speeches.v == first;
	}
	ok(stayed && c->speeches.n == 8000, "the rest of the library fits without a move");
	corpus_reserve_ahead(c, 0, 10);
	corpus_reserve_ahead(c, 10, 10);
	ok(c->speeches.v == first, "nothing to project from, or nothing left: nothing moves");
	corpus_free(c);
}

/* The walk looks ahead of itself a few lines a line at most, whatever the
 * page (issue: a speech then 160,000 bracketed credits took 15.6 s, each
 * line scanning to the end). Counted, not timed. */
static size_t walk_work(const char *head, const char *line, size_t lines, const char *tail,
			const char *layout)
{
	struct buf text = {0};
	size_t work = 0;
	struct corpus *c = corpus_new();
	struct parse_opts o = {.lex = test_lex, .repair = true, .layout = layout, .work = &work};

	buf_adds(&text, head);
	for (size_t i = 0; i < lines; i++)
		buf_adds(&text, line);
	buf_adds(&text, tail);
	parse_collection(c, "t.txt", text.data, text.len, &o);
	corpus_free(c);
	return work;
}

static void test_walk_is_linear(void)
{
	static const struct {
		const char *head, *line, *tail, *layout, *what;
	} pages[] = {
		{"题\n\n标题\n\n局长**张三**:一段。\n\n", "（全媒体记者 李四）\n", "", NULL,
		 "a speech, then bracketed credits"},
		{"题\n\n", "专家学者\n\n标题\n\n局长**张三**:一段。\n\n", "", NULL,
		 "group headers over headlines over speeches"},
		{"题\n\n", "专家学者\n\n张三（局长）：一段。\n\n", "", NULL,
		 "group headers over headline-less speeches"},
		{"题\n\n", "标题\n\n正文一段。\n\n", "（作者为市委书记 张三）\n", "attribution",
		 "headed text, one attribution at the end"},
	};

	for (size_t k = 0; k < ARRAY_LEN(pages); k++) {
		size_t small = walk_work(pages[k].head, pages[k].line, 1000, pages[k].tail, pages[k].layout);
		size_t large = walk_work(pages[k].head, pages[k].line, 16000, pages[k].tail, pages[k].layout);
		ok(large <= 16 * small + 64 && large <= 8 * 16000 * 3,
		   "the walk's looks ahead grow with the page: %s (%zu for 1000, %zu for 16000)",
		   pages[k].what, small, large);
	}
}

/* Evidence from the whole file (SPEC 1.5): five speeches of another
 * layout after 2,500 bold ones are speeches of their own, not the last
 * bold one's text (with a 4,096-line sample they were): name-first, marked
 * on its line, and own-line and run-in, found by their names alone. */
static void test_late_layout(void)
{
	static const struct {
		const char *layout, *late;
	} cases[] = {
		{"name-first", "王五（县长）：后来的发言。\n\n"},
		{"own-line", "新的标题\n\n县交通局局长 王五\n\n后来的发言，很长的一段话。\n\n"},
		{"run-in", "县交通局局长王五：后来的发言，很长的一段话。\n\n"},
	};

	for (size_t k = 0; k < sizeof(cases) / sizeof(*cases); k++) {
		struct buf text = {0};
		struct corpus *c;
		size_t i, late = 0;

		buf_adds(&text, "题\n\n");
		for (i = 0; i < 2500; i++)
			buf_adds(&text, "标题\n\n局长**张三**:我们要努力。\n\n记者 李四\n\n");
		for (i = 0; i < 5; i++)
			buf_adds(&text, cases[k].late);
		c = parse_string(text.data, true);
		for (i = 0; i < c->speeches.n; i++)
			late += str_eq(c->speeches.v[i].speaker, str_from("王五"));
		ok(c->speeches.n == 2505 && late == 5 && c->unatt.n == 0,
		   "2,500 bold speeches, then 5 %s: 2,505 speeches, the last 5 王五's (%zu, %zu)",
		   cases[k].layout, c->speeches.n, late);
		corpus_free(c);
		buf_fini(&text);
	}
}

/* Text outside any speech costs what any text costs (issue 22.4: 64 MiB of
 * "a" lines peaked at 3.7 GB, a record and a finding a line): runs of such
 * lines are a record each, and only the findings --check shows are kept. */
static void test_stray_lines_kept_as_runs(void)
{
	struct buf text = {0};
	struct corpus *c;
	size_t i, stray = 0;

	buf_adds(&text, "题\n\n标题\n\n局长**张三**:一段。\n\n记者 李四\n\n");
	for (i = 0; i < 100000; i++)
		buf_adds(&text, i % 3 ? "a\n" : "a\n\n");
	c = parse_string(text.data, true);
	is_num(c->unatt.n, 1, "100,000 stray lines after the speech: one run");
	ok(c->unatt.n && c->unatt.v[0].count == 100000 && c->unatt.v[0].line == 9,
	   "of 100,000 lines from line 9");
	for (i = 0; i < c->findings.n; i++)
		stray += c->findings.v[i].d.id == DIAG_UNATTACHED;
	is_num(stray, DIAG_SHOWN_PER_KIND + 1, "and of their findings what --check shows and one more");
	is_num(c->colls.v[0].unatt_lines, 100000, "the collection counts them all");
	corpus_free(c);
	buf_fini(&text);
}

int main(void)
{
	tap_setup();
	test_lex = lexicon_builtin();
	test_basic_speech();
	test_ascii_and_fullwidth_colon();
	test_join_and_pullquote();
	test_no_repair();
	test_complete_endings();
	test_broken_before_byline_stays();
	test_pullquote_at_paragraph_end();
	test_headline_like_pullquote();
	test_unattached();
	test_byline_is_not_a_sentence();
	test_speaker_without_body();
	test_line_ends_and_tabs();
	test_posts_and_departments();
	test_many_speeches();
	test_empty_and_blank();
	test_text_blocks();
	test_reserve_ahead();
	test_kept_findings();
	test_walk_is_linear();
	test_late_layout();
	test_stray_lines_kept_as_runs();
	lexicon_free(test_lex);
	buf_fini(&b);
	return done_testing();
}
