/* The reader's prompts (/ s |), search steps and overlays: part of state,
 * split from state.c for size. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"
#include "state_priv.h"
#include "text.h"
#include "util.h"

/* Opens the page at a place in a paragraph (chars into its text). */
void show_in_para(struct state *st, size_t para, size_t chars)
{
	size_t indent = !st->reading.raw && page_indents(st->lay.text_width) ? 2 : 0;

	scroll_to_anchor(st, (struct anchor){para, chars + indent});
}

static void show_pullquote(struct state *st, size_t index)
{
	size_t i, seen = 0;

	for (i = 0; i < st->reading.page.line_count; i++)
		if (st->reading.page.lines[i].style == PAGE_PULLQUOTE &&
		    (i == 0 || st->reading.page.lines[i - 1].style != PAGE_PULLQUOTE) && seen++ == index) {
			st->reading.scroll = MIN(i, max_scroll(st));
			return;
		}
}

/* Opens m's speech and scrolls to it. */
static void show_match(struct state *st, const struct match *m)
{
	struct buf scratch = {0};

	st->reading.raw = false; /* before the page is laid out: a match is in the text */
	if (m->speech != st->reading.speech || !is_speech_row(st, st->list.sel))
		open_row(st, row_of(st, m->speech), false);
	ensure_page(st);
	if (m->where == WHERE_PARA) {
		struct str t = search_match_text(st->c, m, &scratch);
		show_in_para(st, m->index, text_char_count(t.s, m->off));
	} else if (m->where == WHERE_PULLQUOTE) {
		show_pullquote(st, m->index);
	} else if (m->where == WHERE_BYLINE) {
		st->reading.scroll = max_scroll(st);
	} else {
		st->reading.scroll = 0;
	}
	buf_fini(&scratch);
}

struct keyed {
	size_t key, index;
};

static int cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->index < y->index ? -1 : x->index > y->index;
}

/*
 * The matches in the order the list shows their speeches (SPEC 3.2: n and
 * N go as J and K do, through the view and filter in force), a match's
 * place within its speech kept: made once per run of the search, view and
 * filter, so that a key costs a look-up.
 */
static void order_matches(struct state *st)
{
	size_t n = st->search.found.n, i;
	struct keyed *k;

	if (st->search.order_runs == st->search.runs && st->search.order_view == (int)st->list.view_kind &&
	    st->search.order_filter == st->list.filter && st->search.order_count == n && (n == 0 || st->search.match_order))
		return;
	k = xmalloc((n ? n : 1) * sizeof(*k));
	for (i = 0; i < n; i++) {
		size_t speech = st->search.found.v[i].speech, row = row_of(st, speech);
		bool shown = is_speech_row(st, row) && st->list.view[row].speech == speech;
		k[i] = (struct keyed){shown ? state_ordinal(st, row) : SIZE_MAX, i};
	}
	qsort(k, n, sizeof(*k), cmp_keyed);
	st->search.match_order = xrealloc(st->search.match_order, (n ? n : 1) * sizeof(size_t));
	st->search.match_place = xrealloc(st->search.match_place, (n ? n : 1) * sizeof(size_t));
	for (i = 0; i < n; i++) {
		st->search.match_order[i] = k[i].index;
		st->search.match_place[k[i].index] = i;
	}
	free(k);
	st->search.order_runs = st->search.runs;
	st->search.order_view = (int)st->list.view_kind;
	st->search.order_filter = st->list.filter;
	st->search.order_count = n;
}

/* The matches in the filter, and how many more the filter hides (SPEC
 * 3.2: 筛选外还有 12 处), counted in all departments first. */
static void run_search(struct state *st)
{
	size_t all = 0;

	if (st->list.filter != GROUP_ALL) {
		search_run(&st->search.found, st->c, GROUP_ALL);
		all = st->search.found.n;
	}
	search_run(&st->search.found, st->c, st->list.filter);
	st->search.hidden = all > st->search.found.n ? all - st->search.found.n : 0;
	st->search.runs++;
	st->search.filter = st->list.filter;
}

/* 第 i/N 处, and what the filter hides. */
static void say_match(struct state *st, size_t index)
{
	int n = snprintf(st->message, sizeof(st->message), "第 %zu/%zu 处",
			 st->search.match_place[index] + 1, st->search.found.n);

	if (st->search.hidden && n > 0 && (size_t)n < sizeof(st->message))
		snprintf(st->message + n, sizeof(st->message) - (size_t)n, "，筛选外还有 %zu 处",
			 st->search.hidden);
}

/* No match in the filter: none at all, or only where it hides them. */
static void say_none(struct state *st)
{
	if (st->search.hidden)
		snprintf(st->message, sizeof(st->message), "筛选内没有，筛选外还有 %zu 处（0 显示全部部门）",
			 st->search.hidden);
	else
		snprintf(st->message, sizeof(st->message), "没有找到");
}

/* Shows match index and says where it is among them. */
static void show_place(struct state *st, size_t index)
{
	st->search.match_index = index;
	show_match(st, &st->search.found.v[index]);
	order_matches(st);
	say_match(st, index);
}

void jump_to_match(struct state *st, size_t index)
{
	show_place(st, index);
	st->focus = FOCUS_TEXT;
}

/* The first match at or after the open speech (wrapping round). */
static size_t first_match_from(const struct state *st, size_t speech)
{
	size_t i;

	for (i = 0; i < st->search.found.n; i++)
		if (st->search.found.v[i].speech >= speech)
			return i;
	return 0;
}

/* The matches follow the filter (SPEC 3.2): a filter change leaves them to
 * be found again when next needed, so the change itself costs nothing. The
 * current match becomes the first at or after the open speech. */
void refresh_matches(struct state *st)
{
	if (!search_active(&st->search.found) || st->search.filter == st->list.filter)
		return;
	run_search(st);
	st->search.match_index = first_match_from(st, st->reading.speech);
	if (st->search.match_index > 0)
		st->search.match_index--; /* n goes to it */
	else if (st->search.found.n)
		st->search.match_index = st->search.found.n - 1;
}

void search_step(struct state *st, int dir)
{
	size_t n;

	if (!search_active(&st->search.found)) {
		snprintf(st->message, sizeof(st->message), "还没有搜索");
		return;
	}
	refresh_matches(st);
	n = st->search.found.n;
	if (n == 0) {
		say_none(st);
		return;
	}
	order_matches(st);
	size_t place = st->search.match_place[st->search.match_index % n];
	bool wraps = dir > 0 ? place + 1 >= n : place == 0;
	place = dir > 0 ? (place + 1) % n : (place + n - 1) % n;
	jump_to_match(st, st->search.match_order[place]);
	if (wraps) /* SPEC 3.2: going past the last match says so */
		snprintf(st->message, sizeof(st->message), "%s（第 %zu/%zu 处）",
			 dir > 0 ? "已到最后一处，从头继续" : "已到第一处，从末尾继续", place + 1, n);
}

static void input_utf8(const struct state *st, struct buf *out)
{
	size_t i;

	buf_clear(out);
	for (i = 0; i < st->prompt.input_len; i++)
		buf_add_uc(out, st->prompt.input[i]);
}

static void remember_search(struct state *st, const char *term)
{
	if (st->prompt.history_count && strcmp(st->prompt.history[st->prompt.history_count - 1], term) == 0)
		return;
	if (st->prompt.history_count == HISTORY_MAX) {
		free(st->prompt.history[0]);
		memmove(st->prompt.history, st->prompt.history + 1, (HISTORY_MAX - 1) * sizeof(*st->prompt.history));
		st->prompt.history_count--;
	}
	st->prompt.history[st->prompt.history_count++] = xstrdup(term);
}

/* 繁简 folding, made ready the first time a term has an ideograph; when it
 * cannot be, the reader is told once. */
void prepare_han(struct state *st, const char *term, size_t len)
{
	size_t i = 0;
	uint32_t uc;
	bool han = false;

	while (i < len && !han) {
		i += text_next(term + i, len - i, &uc);
		han = uc >= 0x3400;
	}
	if (!han || !st->han || st->han->tried)
		return;
	if (!hanfold_ready(st->han))
		snprintf(st->message, sizeof(st->message), "繁简折叠未开启：找不到 OpenCC 的数据文件");
}

/* The search, compiled for term (繁简 folding when it is ready). */
static bool compile_term(struct state *st, const char *term, size_t len)
{
	prepare_han(st, term, len);
	st->search.found.han = st->han;
	return search_compile(&st->search.found, term, len);
}

static void submit_search(struct state *st, struct buf *term)
{
	if (!compile_term(st, term->data ? term->data : "", term->len))
		return;
	remember_search(st, term->data);
	run_search(st);
	if (st->search.found.n == 0) {
		say_none(st);
		return;
	}
	jump_to_match(st, first_match_from(st, st->search.from_speech));
}

static void note_found(void *ctx, size_t off, size_t len)
{
	(void)off;
	(void)len;
	*(bool *)ctx = true;
}

static bool name_contains(const struct search *needle, struct str name)
{
	bool found = false;

	search_text(needle, name.s, name.len, note_found, &found);
	return found;
}

/* s: the next speech after the selected one (in list order, wrapping
 * round) whose speaker's name holds the text, so that s 王 Enter again goes
 * on to the next 王; outside the filter, the filter is lifted. */
static void submit_speaker(struct state *st, struct buf *text)
{
	struct search needle;
	size_t r, i, k;

	search_init(&needle);
	prepare_han(st, text->data ? text->data : "", text->len);
	needle.han = st->han; /* s 聂 finds 聶立新 (SPEC 3.2: names fold as the search does) */
	if (search_compile(&needle, text->data ? text->data : "", text->len)) {
		for (k = 1; k <= st->list.row_count; k++)
			if (is_speech_row(st, r = (st->list.sel + k) % st->list.row_count) &&
			    st->list.view[r].speech != st->reading.speech &&
			    name_contains(&needle, st->c->speeches.v[st->list.view[r].speech].speaker)) {
				open_row(st, r, false);
				search_fini(&needle);
				return;
			}
		if (name_contains(&needle, st->c->speeches.v[st->reading.speech].speaker)) {
			snprintf(st->message, sizeof(st->message), "只有这一位");
			search_fini(&needle);
			return;
		}
		for (i = 0; i < st->c->speeches.n; i++)
			if (name_contains(&needle, st->c->speeches.v[i].speaker)) {
				st->reading.speech = i;
				set_filter(st, GROUP_ALL);
				search_fini(&needle);
				return;
			}
	}
	snprintf(st->message, sizeof(st->message), "没有这位发言人");
	search_fini(&needle);
}

static void submit_prompt(struct state *st)
{
	struct buf text = {0};
	enum prompt p = st->prompt.kind;

	input_utf8(st, &text);
	/* An empty / Enter searches the last term again, as less does. */
	if (p == PROMPT_SEARCH && text.len == 0 && st->prompt.history_count)
		buf_adds(&text, st->prompt.history[st->prompt.history_count - 1]);
	st->prompt.kind = PROMPT_NONE;
	if (p == PROMPT_SEARCH)
		submit_search(st, &text);
	else if (p == PROMPT_SPEAKER)
		submit_speaker(st, &text);
	else if (p == PROMPT_PIPE && text.len) {
		free(st->pipe_command);
		st->pipe_command = xstrdup(text.data);
		st->request = REQ_PIPE;
	}
	buf_fini(&text);
}

static void cancel_prompt(struct state *st)
{
	if (st->prompt.kind == PROMPT_SEARCH) {
		/* Esc during a search: back to where it started. */
		search_compile(&st->search.found, "", 0);
		if (st->search.from_speech != st->reading.speech)
			open_row(st, st->search.from_sel, false);
		st->reading.scroll = MIN(st->search.from_scroll, max_scroll(st));
	}
	st->prompt.kind = PROMPT_NONE;
}

static void load_history(struct state *st, size_t pos)
{
	const char *s = st->prompt.history[pos];
	size_t i = 0, len = strlen(s);

	st->prompt.history_pos = pos;
	st->prompt.input_len = 0;
	while (i < len && st->prompt.input_len < PROMPT_MAX)
		i += text_next(s + i, len - i, &st->prompt.input[st->prompt.input_len++]);
}

static void incremental(struct state *st)
{
	struct buf text = {0};

	if (st->prompt.kind != PROMPT_SEARCH)
		return;
	input_utf8(st, &text);
	if (compile_term(st, text.data ? text.data : "", text.len)) {
		/* The view follows as you type, to the first match at or after
		 * where the search started, and the status line counts them
		 * (第 i/N 处): every key of the term is a search. */
		run_search(st);
		if (st->search.found.n)
			show_place(st, first_match_from(st, st->search.from_speech));
		else
			say_none(st);
	}
	buf_fini(&text);
}

void prompt_key(struct state *st, uint32_t key)
{
	switch (key) {
	case KEY_ENTER_:
	case '\r': submit_prompt(st); return;
	case KEY_ESC: cancel_prompt(st); return;
	case KEY_BACKSPACE_:
	case 0x08:
		if (st->prompt.input_len)
			st->prompt.input_len--;
		else
			cancel_prompt(st);
		break;
	case KEY_CTRL_U: st->prompt.input_len = 0; break;
	case KEY_CTRL_W:
		while (st->prompt.input_len && st->prompt.input[st->prompt.input_len - 1] == ' ')
			st->prompt.input_len--;
		while (st->prompt.input_len && st->prompt.input[st->prompt.input_len - 1] != ' ')
			st->prompt.input_len--;
		break;
	case KEY_UP_:
		if (st->prompt.kind == PROMPT_SEARCH && st->prompt.history_pos > 0)
			load_history(st, st->prompt.history_pos - 1);
		break;
	case KEY_DOWN_:
		if (st->prompt.kind == PROMPT_SEARCH && st->prompt.history_pos + 1 < st->prompt.history_count)
			load_history(st, st->prompt.history_pos + 1);
		break;
	default:
		if (key >= 0x20 && key < KEY_SPECIAL && key != 0x7F && st->prompt.input_len < PROMPT_MAX)
			st->prompt.input[st->prompt.input_len++] = key;
		break;
	}
	incremental(st);
}

void open_prompt(struct state *st, enum prompt p)
{
	st->prompt.kind = p;
	st->prompt.input_len = 0;
	st->prompt.history_pos = st->prompt.history_count;
	if (p == PROMPT_SEARCH) {
		st->search.from_speech = st->reading.speech;
		st->search.from_scroll = st->reading.scroll;
		st->search.from_sel = st->list.sel;
	}
}


struct hit_ctx {
	struct state *st;
	size_t base, k;
};

static void add_hit(void *arg, size_t off, size_t len)
{
	struct hit_ctx *h = arg;
	struct state *st = h->st;

	st->search.hits = xgrow(st->search.hits, &st->search.hit_cap, st->search.hit_count + 1, sizeof(*st->search.hits));
	st->search.hits[st->search.hit_count++] = (struct page_hit){h->base + off, len, h->k++};
}

/* Matches are looked for in each block (a paragraph, say) as a whole, so a
 * term that a line break splits is still found; once per page and term. */
void find_page_hits(struct state *st)
{
	const struct page *pg = &st->reading.page;
	size_t i = 0, last;

	if (!search_active(&st->search.found)) {
		st->search.hit_count = 0;
		return;
	}
	if (st->search.hits_page == pg->generation && st->search.hits_search == st->search.found.generation)
		return;
	st->search.hits_page = pg->generation;
	st->search.hits_search = st->search.found.generation;
	st->search.hit_count = 0;
	st->search.hit_scans++;
	while (i < pg->line_count) {
		if (pg->lines[i].style == PAGE_BLANK) {
			i++;
			continue;
		}
		for (last = i; last + 1 < pg->line_count && pg->lines[last + 1].style == pg->lines[i].style &&
				pg->lines[last + 1].para == pg->lines[i].para;
		     last++)
			;
		struct hit_ctx h = {st, pg->lines[i].off, 0};
		search_text(&st->search.found, pg->text.data + h.base,
			    pg->lines[last].off + pg->lines[last].len - h.base, add_hit, &h);
		i = last + 1;
	}
}
