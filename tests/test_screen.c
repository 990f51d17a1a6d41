/*
 * Screen tests from the in-memory grid: for each screens/NAME.keys (first
 * line "COLS ROWS [OPTION...]", second the keys), the bundled collection is
 * shown at that size, the keys applied, and the grid compared with
 * screens/NAME.screen. FAYAN_UPDATE=1 rewrites the screens.
 * Also: every text line's width equals the cells the grid fills.
 */
#include "tap.h"

#include <unistr.h>

#include <dirent.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

#include "assets.h"
#include "config.h"
#include "group.h"
#include "helpers.h"
#include "keys.h"
#include "load.h"
#include "render.h"
#include "state.h"

static struct corpus *corpus;

static void screen_text(const struct grid *g, struct buf *out)
{
	char row[4096];
	int r;

	buf_clear(out);
	for (r = 0; r < g->rows; r++) {
		grid_row_text(g, r, row, sizeof(row));
		size_t n = strlen(row);
		while (n > 0 && row[n - 1] == ' ')
			n--;
		buf_add(out, row, n);
		buf_addc(out, '\n');
	}
}

/* A configuration file into cfg, as fayan reads it. */
static void read_config(struct config *cfg, const char *file)
{
	char *bytes;
	size_t len;
	int fd = open(file, O_RDONLY);

	if (fd >= 0 && load_fd(fd, &bytes, &len)) {
		config_parse(cfg, file, bytes, len, stderr);
		free(bytes);
	}
	if (fd >= 0)
		close(fd);
}

/* Options on the size line: -d N (filter to department N), -a 2, -c FILE
 * (another collection than the bundled one, parsed into *own), --config FILE
 * (settings and keys from a configuration file). */
static const struct corpus *parse_options(const char *line, struct state_opts *o,
					  struct config *cfg, struct corpus **own)
{
	const char *p;
	char file[256];

	if ((p = strstr(line, "--config ")) && sscanf(p + 9, "%255s", file) == 1)
		read_config(cfg, file);
	o->keys = &cfg->keys;
	o->text_width = cfg->set.text_width;
	o->list_width = cfg->set.list_width;
	o->list_hidden = !cfg->set.show_list;
	o->fullwidth = cfg->set.fullwidth;

	if ((p = strstr(line, "-d ")))
		o->dept = (size_t)atoi(p + 3) - 1;
	if ((p = strstr(line, "-a 2")))
		o->ambiguous_width = 2;
	*own = NULL;
	if ((p = strstr(line, "-c ")) && sscanf(p + 3, "%255s", file) == 1) {
		char *bytes;
		size_t len;
		int fd = open(file, O_RDONLY);
		if (fd >= 0 && load_fd(fd, &bytes, &len)) {
			struct parse_opts po = {.lex = test_lex, .repair = true};
			*own = corpus_new();
			parse_collection(*own, file, bytes, len, &po);
		}
		if (fd >= 0)
			close(fd);
	}
	return *own ? *own : corpus;
}

static void run_case(const char *dir, const char *name)
{
	char path[512], line[512], keys[2048] = "";
	struct state_opts o = {.dept = GROUP_ALL, .speech = (size_t)-1, .ambiguous_width = 1,
			       .fullwidth = true};
	struct state st;
	struct grid g;
	struct buf got = {0};
	int rows, cols;
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s.keys", dir, name);
	f = fopen(path, "r");
	if (!f || !fgets(line, sizeof(line), f) || sscanf(line, "%d %d", &cols, &rows) != 2) {
		ok(0, "%s: readable key script", name);
		if (f)
			fclose(f);
		return;
	}
	if (!fgets(keys, sizeof(keys), f))
		keys[0] = '\0';
	fclose(f);
	keys[strcspn(keys, "\n")] = '\0';
	struct corpus *own;
	struct config cfg;
	config_init(&cfg);
	state_init(&st, parse_options(line, &o, &cfg, &own), test_lex, &o, rows, cols);
	grid_init(&g);
	for (const char *k = keys; *k;) {
		struct key_event mouse;
		uint32_t key = next_script_key(&k, &rows, &cols, &mouse);
		if (key == KEY_RESIZE_)
			state_resize(&st, rows, cols);
		else if (key == KEY_MOUSE_)
			state_mouse(&st, mouse.mouse, mouse.row, mouse.col);
		else
			state_key(&st, key);
		st.request = REQ_NONE;
		render(&st, &g); /* as the real loop does after every key */
	}
	render(&st, &g);
	screen_text(&g, &got);
	snprintf(path, sizeof(path), "%s/%s.screen", dir, name);
	if (getenv("FAYAN_UPDATE")) {
		f = fopen(path, "w");
		fwrite(got.data, 1, got.len, f);
		fclose(f);
	}
	struct buf want = {0};
	f = fopen(path, "r");
	while (f && fgets(line, sizeof(line), f))
		buf_adds(&want, line);
	if (f)
		fclose(f);
	if (!ok(want.len && strcmp(got.data, want.data) == 0, "screen %s", name))
		printf("# got:\n%s", got.data);
	buf_fini(&want);
	buf_fini(&got);
	grid_fini(&g);
	state_fini(&st);
	config_fini(&cfg);
	corpus_free(own);
}

/* SPEC 3.5: zero-width format characters never reach the terminal; each
 * emoji of a ZWJ sequence is drawn on its own, two columns each. */
static void test_zwj_not_drawn(void)
{
	static const char family[] = "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9\xE2\x80\x8D"
				     "\xF0\x9F\x91\xA7x\xE2\x80\x8By"; /* 👨ZWJ👩ZWJ👧 x ZWSP y */
	struct grid g;
	int col, i, marks = 0;

	grid_init(&g);
	grid_resize(&g, 1, 20);
	col = grid_put(&g, 0, 0, 20, family, strlen(family), ST_NORMAL);
	is_num(col, 8, "three emoji of two columns and x y: 8 columns");
	is_num(grid_at(&g, 0, 2)->ch, 0x1F469, "the second emoji has its own cell");
	is_num(grid_at(&g, 0, 7)->ch, 'y', "y follows x, the ZWSP taking nothing");
	for (i = 0; i < 8; i++)
		for (size_t k = 0; k < sizeof(grid_at(&g, 0, i)->marks) / sizeof(uint32_t); k++)
			marks += grid_at(&g, 0, i)->marks[k] != 0;
	is_num(marks, 0, "no ZWJ or ZWSP rides on a cell as a mark");
	grid_fini(&g);
}

/* A fill that starts on a wide character's second half and ends on its
 * first half leaves neither half behind (grid_fill claims only its ends). */
static void test_fill_halves(void)
{
	struct grid g;
	int halves = 0;

	grid_init(&g);
	grid_resize(&g, 1, 8);
	grid_puts(&g, 0, 0, 8, "中文字x", ST_NORMAL); /* 中 0-1, 文 2-3, 字 4-5 */
	grid_fill(&g, 0, 1, 5, ST_NORMAL);
	for (int i = 0; i < 8; i++)
		halves += grid_at(&g, 0, i)->width != 1;
	is_num(halves, 0, "no wide character, and no half of one, is left");
	is_num(grid_at(&g, 0, 6)->ch, 'x', "the cell after the wide one's second half is kept");
	grid_fill(&g, 0, -3, 99, ST_NORMAL);
	is_num(grid_at(&g, 0, 7)->ch, ' ', "a fill past both edges fills the row");
	grid_fini(&g);
}

/* Ctrl-Z suspends from anywhere: an overlay open, a prompt open (SPEC 3.1). */
static void test_suspend_everywhere(void)
{
	static const uint32_t openers[] = {'?', 'd', 'o', '/', 's', '|'};
	struct state_opts o = {.dept = GROUP_ALL, .speech = (size_t)-1, .ambiguous_width = 1,
			       .fullwidth = true};
	struct state st;
	size_t i;

	for (i = 0; i < sizeof(openers) / sizeof(openers[0]); i++) {
		state_init(&st, corpus, test_lex, &o, 24, 80);
		state_key(&st, openers[i]);
		st.request = REQ_NONE;
		state_key(&st, KEY_CTRL_Z);
		ok(st.request == REQ_SUSPEND, "Ctrl-Z suspends after '%c'", (char)openers[i]);
		ok(st.overlay != OV_NONE || st.prompt.kind != PROMPT_NONE,
		   "and leaves what '%c' opened open", (char)openers[i]);
		state_fini(&st);
	}
}

/* Each character of keys, as the keyboard would send it. */
static void type_keys(struct state *st, const char *keys)
{
	uint32_t uc;

	while (*keys) {
		keys += text_next(keys, strlen(keys), &uc);
		state_key(st, uc);
	}
}

/* The first row holding a cell of style sty, or -1. */
static int row_with(const struct grid *g, enum style sty, size_t *count)
{
	int r, c, first = -1;

	*count = 0;
	for (r = 0; r < g->rows; r++)
		for (c = 0; c < g->cols; c++)
			if (grid_at((struct grid *)g, r, c)->style == sty) {
				(*count)++;
				if (first < 0)
					first = r;
			}
	return first;
}

/* SPEC 3.2: the current match is drawn apart from the others, and moves with n. */
static void test_current_match(void)
{
	struct state_opts o = {.dept = GROUP_ALL, .speech = (size_t)-1, .ambiguous_width = 1,
			       .fullwidth = true};
	struct state st;
	struct grid g;
	size_t current, others;
	const char *k = "/十四五\n";

	state_init(&st, corpus, test_lex, &o, 24, 80);
	grid_init(&g);
	type_keys(&st, k);
	render(&st, &g);
	int first = row_with(&g, ST_MATCH_CURRENT, &current);
	row_with(&g, ST_MATCH, &others);
	ok(current == 6 && others == 6, "one match current (3 characters, 6 cells), the other not");
	state_key(&st, 'n');
	render(&st, &g);
	int second = row_with(&g, ST_MATCH_CURRENT, &current);
	ok(current == 6 && second > first, "n: the next match becomes the current one (row %d → %d)",
	   first, second);
	grid_fini(&g);
	state_fini(&st);
}

/* The concordance's work per frame is its visible rows, however many matches
 * there are: opened, moved with j, sent to the end with G (issue: 46,016
 * matches took 106 ms a frame when every row was built). */
static void test_concordance_work(void)
{
	struct state_opts o = {.dept = GROUP_ALL, .speech = (size_t)-1, .ambiguous_width = 1,
			       .fullwidth = true};
	struct state st;
	struct grid g;
	const char *k = "/的\nc";
	size_t most = 0;

	state_init(&st, corpus, test_lex, &o, 24, 80);
	grid_init(&g);
	type_keys(&st, k);
	ok(st.overlay == OV_CONCORDANCE && st.search.found.n > 40, "the concordance of 的: %zu matches",
	   st.search.found.n);
	render(&st, &g);
	most = g.work;
	for (const char *keys = "jjjjjGkkk"; *keys; keys++) {
		state_key(&st, (uint32_t)*keys);
		render(&st, &g);
		most = MAX(most, g.work);
	}
	ok(most > 0 && most <= 22, "each frame builds only the rows it shows (at most %zu of %zu)", most,
	   st.search.found.n);
	grid_fini(&g);
	state_fini(&st);
}

/* With a search on, a frame draws the matches in view from those found once
 * for the page and term, however long the paragraph (issue 22.6: a 5 MB
 * paragraph was searched again for each visible line of each frame). */
static void test_search_work(void)
{
	struct state_opts o = {.dept = GROUP_ALL, .speech = (size_t)-1, .ambiguous_width = 1,
			       .fullwidth = true, .focus_text = true};
	struct buf text = {0};
	struct state st;
	struct grid g;
	size_t cells, scans;

	buf_adds(&text, "题\n\n标题\n\n局长**张三**:");
	for (int i = 0; i < 20000; i++)
		buf_adds(&text, "我们的工作要做细，");
	buf_adds(&text, "完。\n");
	struct corpus *c = parse_string(text.data, true);
	state_init(&st, c, test_lex, &o, 24, 80);
	grid_init(&g);
	type_keys(&st, "/的\n");
	render(&st, &g);
	scans = st.search.hit_scans;
	for (const char *keys = "jjjjj  jjj"; *keys; keys++) {
		state_key(&st, (uint32_t)*keys);
		render(&st, &g);
	}
	row_with(&g, ST_MATCH, &cells);
	ok(scans > 0 && st.search.hit_scans == scans,
	   "the page searched for 的 as the term was typed (%zu times), not again for ten keys (%zu)",
	   scans, st.search.hit_scans);
	ok(cells > 0, "and the matches in view are still marked (%zu cells on a row)", cells);
	grid_fini(&g);
	state_fini(&st);
	corpus_free(c);
	buf_fini(&text);
}

/* The habits of less, mutt and tig (SPEC 3.1): q leaves the raw view before
 * it quits, Esc leaves it too, Q quits from an overlay, ^D ^U move half a
 * page, = says where, ] [ move between collections. */
static void test_reader_keys(void)
{
	struct state_opts o = {.dept = GROUP_ALL, .speech = (size_t)-1, .ambiguous_width = 1,
			       .fullwidth = true};
	struct state st;

	state_init(&st, corpus, test_lex, &o, 24, 80);
	type_keys(&st, "rq");
	ok(!st.reading.raw && st.request == REQ_NONE, "r then q: the raw view is left, fayan runs on");
	type_keys(&st, "r\x1b");
	ok(!st.reading.raw, "Esc leaves the raw view");
	type_keys(&st, "q");
	ok(st.request == REQ_QUIT, "q then quits");
	st.request = REQ_NONE;
	type_keys(&st, "?Q");
	ok(st.request == REQ_QUIT, "Q quits with the help open");
	st.request = REQ_NONE;
	type_keys(&st, "\x1b");
	state_resize(&st, 12, 80); /* a speech longer than the pane */
	type_keys(&st, "\n");
	size_t top = st.reading.scroll;
	type_keys(&st, "\x04");
	ok(st.focus == FOCUS_TEXT && st.reading.scroll == top + (size_t)st.lay.body_rows / 2,
	   "Ctrl-D: half a page down (%zu -> %zu)", top, st.reading.scroll);
	type_keys(&st, "\x15");
	ok(st.reading.scroll == top, "Ctrl-U: back up");
	type_keys(&st, "=");
	ok(strstr(st.message, BUNDLED_NAME " · 第 ") && strstr(st.message, "行 · 文集 1/1"),
	   "= names the file, the line and the collection: %s", st.message);
	type_keys(&st, "w");
	ok(strcmp(st.message, "键 w 未绑定（? 帮助）") == 0, "an unbound key says so: %s", st.message);
	type_keys(&st, "]");
	ok(strcmp(st.message, "已是最后一个文集") == 0, "] in a single collection: no next one");
	/* marks: m a here, then far away, then ' a comes back to the same words */
	type_keys(&st, "\x04");
	size_t marked_speech = st.reading.speech, marked_scroll = st.reading.scroll;
	type_keys(&st, "ma");
	ok(strcmp(st.message, "已设标记 a") == 0 && st.marks[0].set, "m a sets mark a: %s", st.message);
	type_keys(&st, "5JG");
	ok(st.reading.speech != marked_speech && st.list.filter == 4, "then another speech, in department 5");
	type_keys(&st, "'a");
	ok(st.reading.speech == marked_speech && st.reading.scroll == marked_scroll && marked_scroll > 0 &&
		   st.list.filter == GROUP_ALL,
	   "' a goes back to it, every department shown again (%zu/%zu)", st.reading.scroll, marked_scroll);
	type_keys(&st, "'b");
	ok(strcmp(st.message, "标记 b 未设") == 0, "' b: no such mark, it says so");
	type_keys(&st, "m1");
	ok(strcmp(st.message, "标记只能用字母 a–z") == 0 && st.mark_pending == ACT_NONE,
	   "m 1: a mark is a letter");
	state_fini(&st);

	/* a library of two pages of the same title: ] and [ move between them */
	struct corpus *lib = corpus_new();
	struct parse_opts po = {.lex = test_lex, .repair = true};
	const char *page = "同名的文集\n\n题\n\n局长**张三**:一。\n\n题二\n\n局长**李四**:二。\n";
	parse_collection(lib, "第1期.txt", xstrdup(page), strlen(page), &po);
	parse_collection(lib, "第2期.txt", xstrdup(page), strlen(page), &po);
	state_init(&st, lib, test_lex, &o, 24, 80);
	size_t first = st.reading.speech;
	type_keys(&st, "]");
	ok(lib->speeches.v[st.reading.speech].coll == 1 && lib->speeches.v[first].coll == 0,
	   "]: the first speech of the second collection");
	type_keys(&st, "=");
	ok(strstr(st.message, "第2期") && strstr(st.message, "2/2"), "= says so: %s", st.message);
	struct grid g;
	grid_init(&g);
	render(&st, &g);
	char row0[256] = "";
	size_t len = 0;
	for (int c = 0; c < g.cols && len + 4 < sizeof(row0); c++) {
		const struct cell *cell = grid_at(&g, 0, c);
		if (cell->width)
			len += (size_t)u8_uctomb((uint8_t *)row0 + len, cell->ch, 4);
	}
	row0[len] = '\0';
	ok(strncmp(row0, "第2期 2/2 · 同名的文集", strlen("第2期 2/2 · 同名的文集")) == 0,
	   "the title row tells the two apart: %s", row0);
	grid_fini(&g);
	type_keys(&st, "[");
	ok(st.reading.speech == first, "[: back to the first collection's first speech");
	state_fini(&st);
	corpus_free(lib);
}

/* n and N go through the matches in the list's order, the order of J and
 * K (SPEC 3.2): in the department view, a round of n visits every match
 * once, its speeches' places in the list never going back but once, at the
 * wrap (issue 21: n went 5, 1, 2, 3, 7…). */
static void test_search_order(void)
{
	struct state_opts o = {.dept = GROUP_ALL, .speech = (size_t)-1, .ambiguous_width = 1,
			       .fullwidth = true};
	struct state st;
	size_t total, last, backs = 0, steps;

	state_init(&st, corpus, test_lex, &o, 24, 80);
	type_keys(&st, "JJJ/人才\n");
	steps = st.search.found.n;
	last = state_position(&st, &total);
	bool *seen = xcalloc(steps + 1, 1);
	size_t visited = 0;
	for (size_t i = 0; i < steps; i++) {
		type_keys(&st, "n");
		size_t at = state_position(&st, &total);
		backs += at < last;
		last = at;
		if (!seen[st.search.match_index]) {
			seen[st.search.match_index] = true;
			visited++;
		}
	}
	ok(steps > 3 && visited == steps, "a round of n visits each of the %zu matches once (%zu)", steps,
	   visited);
	ok(backs == 1, "in list order: the place goes back once, at the wrap (%zu times)", backs);
	ok(strstr(st.message, "处") != NULL, "and the status line counts: %s", st.message);
	free(seen);
	state_fini(&st);
}

/* The widths layout computed are the cells the grid fills. */
static void test_widths_agree(int amb)
{
	struct state_opts o = {.dept = GROUP_ALL, .speech = 0, .ambiguous_width = amb,
			       .fullwidth = true};
	size_t sp, i, bad = 0, lines = 0;
	struct state st;
	struct grid g;

	grid_init(&g);
	grid_resize(&g, 1, 400);
	g.ambiguous_width = amb;
	for (sp = 0; sp < corpus->speeches.n; sp++) {
		o.speech = sp;
		state_init(&st, corpus, test_lex, &o, 40, 100);
		for (i = 0; i < st.reading.page.line_count; i++) {
			const struct page_line *l = &st.reading.page.lines[i];
			grid_clear(&g);
			int end = grid_put(&g, 0, 0, 400, st.reading.page.text.data + l->off, l->draw_len,
					   ST_NORMAL);
			bad += end != l->width;
			lines++;
		}
		state_fini(&st);
	}
	grid_fini(&g);
	is_num(bad, 0, "ambiguous %d: the grid fills exactly the width layout gave, %zu lines",
	       amb, lines);
}

/* While a search is typed the status line says where it is, 第 i/N 处;
 * when the filter hides matches, how many (SPEC 3.2). */
static void test_search_counts(void)
{
	struct state_opts o = {.dept = GROUP_ALL, .speech = (size_t)-1, .ambiguous_width = 1,
			       .fullwidth = true};
	struct state st;
	struct grid g;
	struct buf got = {0};

	state_init(&st, corpus, test_lex, &o, 24, 80);
	grid_init(&g);
	type_keys(&st, "/十四五");
	render(&st, &g);
	screen_text(&g, &got);
	got.data[got.len - 1] = '\0'; /* the last row alone */
	char *last = strrchr(got.data, '\n') + 1;
	ok(strncmp(last, "/十四五", strlen("/十四五")) == 0 && strstr(last, "第 1/10 处"),
	   "typing /十四五: the prompt line says 第 1/10 处 (%s)", last);
	type_keys(&st, "\r3");
	type_keys(&st, "/十四五\r");
	ok(strstr(st.message, "筛选外还有"), "in department 3 the others' matches are counted: %s",
	   st.message);
	grid_fini(&g);
	buf_fini(&got);
	state_fini(&st);
}

/* The characters of row r drawn in style sty, as UTF-8. */
static void styled_text(const struct grid *g, int r, enum style sty, char *out, size_t size)
{
	size_t len = 0;

	for (int c = 0; c < g->cols && len + 5 < size; c++) {
		const struct cell *cell = grid_at((struct grid *)g, r, c);
		if (cell->width && cell->style == sty)
			len += (size_t)u8_uctomb((uint8_t *)out + len, cell->ch, 4);
	}
	out[len] = '\0';
}

/* The concordance draws its term as a match, the selected line's as the
 * current one, and says in its title which line of how many (SPEC 3.2). */
static void test_concordance_marks(void)
{
	struct state_opts o = {.dept = GROUP_ALL, .speech = (size_t)-1, .ambiguous_width = 1,
			       .fullwidth = true};
	struct state st;
	struct grid g;
	struct buf got = {0};
	size_t current = 0, others = 0;
	char row[256];

	state_init(&st, corpus, test_lex, &o, 24, 80);
	grid_init(&g);
	type_keys(&st, "/十四五\rcj");
	render(&st, &g);
	for (int r = 0; r < g.rows; r++) {
		styled_text(&g, r, ST_MATCH_CURRENT, row, sizeof(row));
		current += strcmp(row, "十四五") == 0;
		styled_text(&g, r, ST_MATCH, row, sizeof(row));
		others += strcmp(row, "十四五") == 0;
	}
	ok(current == 1 && others >= 5, "the term is marked on every line, the selected one as current "
					 "(%zu, %zu)", current, others);
	screen_text(&g, &got);
	char *title = strstr(got.data, "搜索词上下文");
	ok(title && strstr(title, "跳转） 2/10 "), "the title says 2/10 (opened at the first, then j): %.60s", title ? title : "");
	grid_fini(&g);
	buf_fini(&got);
	state_fini(&st);
}

/* t shows everything in Simplified (SPEC 3.2): the list and the title as
 * the text, and the status line says so. */
static void test_simplified_everywhere(void)
{
	struct hanfold han;
	struct corpus *c = parse_string("題\n\n**王國強**：推動高質量發展。\n", true);
	struct state_opts o = {.dept = GROUP_ALL, .speech = (size_t)-1, .ambiguous_width = 1,
			       .fullwidth = true, .han = &han};
	struct state st;
	struct grid g;
	struct buf got = {0};

	hanfold_init(&han);
	if (ok(hanfold_ready(&han), "OpenCC's character table is ready (%s)", han.why ? han.why : "yes")) {
		state_init(&st, c, test_lex, &o, 12, 60);
		grid_init(&g);
		type_keys(&st, "t");
		render(&st, &g);
		screen_text(&g, &got);
		ok(strstr(got.data, "王国强") && strstr(got.data, "推动高质量发展") &&
			   strncmp(got.data, "题", strlen("题")) == 0 && !strstr(got.data, "國"),
		   "t: list, title and text in Simplified");
		ok(strstr(got.data, "简体 100%") != NULL, "the status line says 简体");
		type_keys(&st, "t");
		render(&st, &g);
		screen_text(&g, &got);
		ok(strstr(got.data, "王國強") && !strstr(got.data, "简体 "), "t again: as written");
		state_fini(&st);
		/* names fold too (SPEC 3.2): s 聂 finds 聶, the picker's 组织 finds 組織 */
		struct corpus *trad = parse_string("題\n\n市委組織部部長**聶立新**：一。\n\n"
						   "局長**王強**：二。\n", true);
		state_init(&st, trad, test_lex, &o, 12, 60);
		type_keys(&st, "J");
		size_t wang = st.reading.speech;
		type_keys(&st, "s聂\r");
		ok(st.reading.speech != wang &&
			   str_eq(trad->speeches.v[st.reading.speech].speaker, str_from("聶立新")),
		   "s 聂 finds 聶立新 on a Traditional page");
		type_keys(&st, "d组织");
		ok(st.ov_narrowed && st.ov_count == 1, "the picker's 组织 finds 組織部 (%zu)", st.ov_count);
		corpus_free(trad);
		grid_fini(&g);
		state_fini(&st);
	}
	buf_fini(&got);
	hanfold_fini(&han);
	corpus_free(c);
}

/* The parts of a page on the screen (SPEC 3): its subtitle and preamble
 * above its first speech, its trailer after its last. */
static void test_parts_shown(void)
{
	static const char page[] = "题\n——交流会发言摘要\n\n编者按：这是按语。\n\n"
				   "镇长王刚：一。\n\n镇党委书记 郑朝阳：二。\n\n（本版编辑：孟秋）\n";
	struct corpus *c = parse_string(page, true);
	struct state_opts o = {.dept = GROUP_ALL, .speech = 0, .ambiguous_width = 1, .fullwidth = true,
			       .view = VIEW_PAGE};
	struct state st;
	struct grid g;
	struct buf got = {0};

	state_init(&st, c, test_lex, &o, 16, 80);
	grid_init(&g);
	render(&st, &g);
	screen_text(&g, &got);
	char *sub = strstr(got.data, "——交流会发言摘要"), *note = strstr(got.data, "编者按：这是按语。");
	char *speaker = strstr(got.data, "王刚 · 镇长");
	ok(sub && note && speaker && sub < note && note < speaker,
	   "the subtitle, then the preamble, then the first speech");
	ok(strstr(got.data, "\n t · 题") != NULL, "the page view's header names the file, then the title");
	type_keys(&st, "J");
	render(&st, &g);
	screen_text(&g, &got);
	ok(strstr(got.data, "郑朝阳") && strstr(got.data, "（本版编辑：孟秋）") &&
		   !strstr(got.data, "——交流会发言摘要"),
	   "the trailer after the last speech, the subtitle only above the first");
	buf_fini(&got);
	grid_fini(&g);
	state_fini(&st);
	corpus_free(c);
}

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "screens";
	struct dirent **names;
	int n, i;

	tap_setup();
	test_lex = lexicon_builtin();
	/* named as fayan names it: the screens are the real binary's too */
	corpus = corpus_new();
	parse_collection(corpus, BUNDLED_NAME, xmemdup((const char *)asset_collection, asset_collection_len),
			 asset_collection_len, &(struct parse_opts){.lex = test_lex, .repair = true});
	test_widths_agree(1);
	test_widths_agree(2);
	test_suspend_everywhere();
	test_current_match();
	test_concordance_work();
	test_search_work();
	test_reader_keys();
	test_search_order();
	test_zwj_not_drawn();
	test_fill_halves();
	test_parts_shown();
	test_simplified_everywhere();
	test_search_counts();
	test_concordance_marks();
	n = scandir(dir, &names, NULL, alphasort);
	for (i = 0; i < n; i++) {
		char *dot = strrchr(names[i]->d_name, '.');
		if (dot && strcmp(dot, ".keys") == 0) {
			*dot = '\0';
			run_case(dir, names[i]->d_name);
		}
		free(names[i]);
	}
	if (n >= 0)
		free(names);
	corpus_free(corpus);
	lexicon_free(test_lex);
	return done_testing();
}
