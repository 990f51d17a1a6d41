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
static void show_in_para(struct state *st, size_t para, size_t chars)
{
	size_t indent = !st->raw && page_indents(st->lay.text_width) ? 2 : 0;

	scroll_to_anchor(st, (struct anchor){para, chars + indent});
}

static void show_pullquote(struct state *st, size_t index)
{
	size_t i, seen = 0;

	for (i = 0; i < st->page.line_count; i++)
		if (st->page.lines[i].style == PAGE_PULLQUOTE &&
		    (i == 0 || st->page.lines[i - 1].style != PAGE_PULLQUOTE) && seen++ == index) {
			st->scroll = MIN(i, max_scroll(st));
			return;
		}
}

/* Opens m's speech and scrolls to it. */
static void show_match(struct state *st, const struct match *m)
{
	struct buf scratch = {0};

	st->raw = false; /* before the page is laid out: a match is in the text */
	if (m->speech != st->speech || !is_speech_row(st, st->sel))
		open_row(st, row_of(st, m->speech), false);
	ensure_page(st);
	if (m->where == WHERE_PARA) {
		struct str t = search_match_text(st->c, m, &scratch);
		show_in_para(st, m->index, text_char_count(t.s, m->off));
	} else if (m->where == WHERE_PULLQUOTE) {
		show_pullquote(st, m->index);
	} else if (m->where == WHERE_BYLINE) {
		st->scroll = max_scroll(st);
	} else {
		st->scroll = 0;
	}
	buf_fini(&scratch);
}

static void jump_to_match(struct state *st, size_t index)
{
	st->match_index = index;
	show_match(st, &st->search.v[index]);
	st->focus = FOCUS_TEXT;
	snprintf(st->message, sizeof(st->message), "第 %zu/%zu 处", index + 1, st->search.n);
}

/* The first match at or after the open speech (wrapping round). */
static size_t first_match_from(const struct state *st, size_t speech)
{
	size_t i;

	for (i = 0; i < st->search.n; i++)
		if (st->search.v[i].speech >= speech)
			return i;
	return 0;
}

/* The matches follow the filter (SPEC 3.2): a filter change leaves them to
 * be found again when next needed, so the change itself costs nothing. The
 * current match becomes the first at or after the open speech. */
static void refresh_matches(struct state *st)
{
	if (!search_active(&st->search) || st->search_filter == st->filter)
		return;
	search_run(&st->search, st->c, st->filter);
	st->search_filter = st->filter;
	st->match_index = first_match_from(st, st->speech);
	if (st->match_index > 0)
		st->match_index--; /* n goes to it */
	else if (st->search.n)
		st->match_index = st->search.n - 1;
}

void search_step(struct state *st, int dir)
{
	size_t n;

	if (!search_active(&st->search)) {
		snprintf(st->message, sizeof(st->message), "还没有搜索");
		return;
	}
	refresh_matches(st);
	n = st->search.n;
	if (n == 0) {
		snprintf(st->message, sizeof(st->message), "没有找到");
		return;
	}
	bool wraps = dir > 0 ? st->match_index + 1 >= n : st->match_index == 0;
	jump_to_match(st, dir > 0 ? (st->match_index + 1) % n : (st->match_index + n - 1) % n);
	if (wraps) /* SPEC 3.2: going past the last match says so */
		snprintf(st->message, sizeof(st->message), "%s（第 %zu/%zu 处）",
			 dir > 0 ? "已到最后一处，从头继续" : "已到第一处，从末尾继续",
			 st->match_index + 1, n);
}

static void input_utf8(const struct state *st, struct buf *out)
{
	size_t i;

	buf_clear(out);
	for (i = 0; i < st->input_len; i++)
		buf_add_uc(out, st->input[i]);
}

static void remember_search(struct state *st, const char *term)
{
	if (st->history_count && strcmp(st->history[st->history_count - 1], term) == 0)
		return;
	if (st->history_count == HISTORY_MAX) {
		free(st->history[0]);
		memmove(st->history, st->history + 1, (HISTORY_MAX - 1) * sizeof(*st->history));
		st->history_count--;
	}
	st->history[st->history_count++] = xstrdup(term);
}

/* 繁简 folding, made ready the first time a term has an ideograph; when it
 * cannot be, the reader is told once. */
static void prepare_han(struct state *st, const char *term, size_t len)
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
	st->search.han = st->han;
	return search_compile(&st->search, term, len);
}

static void submit_search(struct state *st, struct buf *term)
{
	if (!compile_term(st, term->data ? term->data : "", term->len))
		return;
	remember_search(st, term->data);
	search_run(&st->search, st->c, st->filter);
	st->search_filter = st->filter;
	if (st->search.n == 0) {
		snprintf(st->message, sizeof(st->message), "没有找到");
		return;
	}
	jump_to_match(st, first_match_from(st, st->search_from_speech));
	snprintf(st->message, sizeof(st->message), "共 %zu 处", st->search.n);
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
	if (search_compile(&needle, text->data ? text->data : "", text->len)) {
		for (k = 1; k <= st->row_count; k++)
			if (is_speech_row(st, r = (st->sel + k) % st->row_count) &&
			    st->view[r].speech != st->speech &&
			    name_contains(&needle, st->c->speeches.v[st->view[r].speech].speaker)) {
				open_row(st, r, false);
				search_fini(&needle);
				return;
			}
		if (name_contains(&needle, st->c->speeches.v[st->speech].speaker)) {
			snprintf(st->message, sizeof(st->message), "只有这一位");
			search_fini(&needle);
			return;
		}
		for (i = 0; i < st->c->speeches.n; i++)
			if (name_contains(&needle, st->c->speeches.v[i].speaker)) {
				st->speech = i;
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
	enum prompt p = st->prompt;

	input_utf8(st, &text);
	/* An empty / Enter searches the last term again, as less does. */
	if (p == PROMPT_SEARCH && text.len == 0 && st->history_count)
		buf_adds(&text, st->history[st->history_count - 1]);
	st->prompt = PROMPT_NONE;
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
	if (st->prompt == PROMPT_SEARCH) {
		/* Esc during a search: back to where it started. */
		search_compile(&st->search, "", 0);
		if (st->search_from_speech != st->speech)
			open_row(st, st->search_from_sel, false);
		st->scroll = MIN(st->search_from_scroll, max_scroll(st));
	}
	st->prompt = PROMPT_NONE;
}

static void load_history(struct state *st, size_t pos)
{
	const char *s = st->history[pos];
	size_t i = 0, len = strlen(s);

	st->history_pos = pos;
	st->input_len = 0;
	while (i < len && st->input_len < PROMPT_MAX)
		i += text_next(s + i, len - i, &st->input[st->input_len++]);
}

static void incremental(struct state *st)
{
	struct buf text = {0};

	if (st->prompt != PROMPT_SEARCH)
		return;
	input_utf8(st, &text);
	if (compile_term(st, text.data ? text.data : "", text.len)) {
		/* The view follows as you type: the first match at or after
		 * where the search started. What remains of the matches is one
		 * speech's: they are found again when next needed. */
		struct match m;
		st->search_filter = MATCHES_STALE;
		if (search_first_from(&st->search, st->c, st->filter, st->search_from_speech, &m))
			show_match(st, &m);
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
		if (st->input_len)
			st->input_len--;
		else
			cancel_prompt(st);
		break;
	case KEY_CTRL_U: st->input_len = 0; break;
	case KEY_CTRL_W:
		while (st->input_len && st->input[st->input_len - 1] == ' ')
			st->input_len--;
		while (st->input_len && st->input[st->input_len - 1] != ' ')
			st->input_len--;
		break;
	case KEY_UP_:
		if (st->prompt == PROMPT_SEARCH && st->history_pos > 0)
			load_history(st, st->history_pos - 1);
		break;
	case KEY_DOWN_:
		if (st->prompt == PROMPT_SEARCH && st->history_pos + 1 < st->history_count)
			load_history(st, st->history_pos + 1);
		break;
	default:
		if (key >= 0x20 && key < KEY_SPECIAL && key != 0x7F && st->input_len < PROMPT_MAX)
			st->input[st->input_len++] = key;
		break;
	}
	incremental(st);
}

void open_prompt(struct state *st, enum prompt p)
{
	st->prompt = p;
	st->input_len = 0;
	st->history_pos = st->history_count;
	if (p == PROMPT_SEARCH) {
		st->search_from_speech = st->speech;
		st->search_from_scroll = st->scroll;
		st->search_from_sel = st->sel;
	}
}

void open_overlay(struct state *st, enum overlay ov)
{
	struct help_row rows[ACT_COUNT];

	st->overlay = ov;
	st->ov_sel = st->ov_top = 0;
	overlay_reset_query(st);
	switch (ov) {
	case OV_HELP: st->ov_count = keymap_help(st->keys, rows, ARRAY_LEN(rows)); break;
	case OV_PICKER:
		st->ov_count = st->c->depts.n + 1;
		st->ov_sel = st->filter == GROUP_ALL ? 0 : st->filter + 1;
		break;
	case OV_OUTLINE:
		outline_build(&st->outline, st->c, st->speech, st->lex);
		st->ov_count = st->outline.n;
		if (!st->ov_count) {
			st->overlay = OV_NONE;
			snprintf(st->message, sizeof(st->message), "这篇发言没有编号要点");
		}
		break;
	case OV_CONCORDANCE:
		refresh_matches(st);
		if (!search_active(&st->search) || st->search.n == 0) {
			st->overlay = OV_NONE;
			snprintf(st->message, sizeof(st->message), "先用 / 搜索");
			break;
		}
		st->ov_count = st->search.n;
		st->ov_sel = st->match_index;
		/* Measured once per opening, not once per row per frame. */
		st->concord_speaker_width[0] =
			search_speaker_width(st->c, st->search.v, st->search.n, 1);
		st->concord_speaker_width[1] =
			search_speaker_width(st->c, st->search.v, st->search.n, 2);
		break;
	case OV_FINDINGS:
		st->ov_count = st->c->unusable.n;
		if (!st->ov_count) {
			st->overlay = OV_NONE;
			snprintf(st->message, sizeof(st->message), "所有文件都可以使用");
		}
		break;
	default: break;
	}
	overlay_keep_visible(st);
}

/* Characters before byte off of the open speech's paragraph para. */
static size_t para_chars(const struct state *st, size_t para, size_t off)
{
	struct buf scratch = {0};
	const struct speech *sp = &st->c->speeches.v[st->speech];
	struct str t = corpus_para_text(st->c, speech_para(st->c, sp, para), &scratch);
	size_t n = text_char_count(t.s, MIN(off, t.len));

	buf_fini(&scratch);
	return n;
}

static void overlay_choose(struct state *st)
{
	enum overlay ov = st->overlay;
	size_t sel;

	if (st->ov_count == 0)
		return; /* a query that holds nothing */
	sel = overlay_item(st, st->ov_sel);
	st->overlay = OV_NONE;
	if (ov == OV_PICKER)
		set_filter(st, sel == 0 ? GROUP_ALL : sel - 1);
	else if (ov == OV_OUTLINE && sel < st->outline.n) {
		st->raw = false;
		ensure_page(st);
		show_in_para(st, st->outline.v[sel].para,
			     para_chars(st, st->outline.v[sel].para, st->outline.v[sel].off));
		st->focus = FOCUS_TEXT;
	} else if (ov == OV_CONCORDANCE && sel < st->search.n) {
		jump_to_match(st, sel);
	}
}

void state_overlay_box(const struct state *st, struct box *b)
{
	layout_overlay_box(&st->lay, st->cols, st->ov_count,
			   st->overlay == OV_CONCORDANCE || st->overlay == OV_FINDINGS, b);
}

static size_t overlay_rows(const struct state *st)
{
	struct box b;

	state_overlay_box(st, &b);
	return (size_t)MAX(b.rows, 1);
}

static void overlay_scroll(struct state *st, long delta)
{
	size_t rows = overlay_rows(st);
	long last_top = st->ov_count > rows ? (long)(st->ov_count - rows) : 0;

	st->ov_top = (size_t)MAX(0L, MIN((long)st->ov_top + delta, last_top));
}

void overlay_keep_visible(struct state *st)
{
	size_t rows = overlay_rows(st);

	if (overlay_is_pager(st->overlay)) {
		overlay_scroll(st, 0);
		return;
	}
	if (st->ov_sel < st->ov_top)
		st->ov_top = st->ov_sel;
	if (st->ov_sel >= st->ov_top + rows)
		st->ov_top = st->ov_sel - rows + 1;
	overlay_scroll(st, 0);
}

/* The help reads like a pager: its keys move the view at once. A list
 * moves its selection and keeps it in view. */
static void overlay_move(struct state *st, long delta)
{
	long target = (long)st->ov_sel + delta;

	if (st->ov_count == 0)
		return;
	if (overlay_is_pager(st->overlay)) {
		overlay_scroll(st, delta);
		return;
	}
	st->ov_sel = (size_t)MAX(0L, MIN(target, (long)st->ov_count - 1));
	overlay_keep_visible(st);
}

enum { WHEEL_STEP = 3 };

void overlay_mouse(struct state *st, enum mouse_kind kind, int row, int col)
{
	struct box b;

	state_overlay_box(st, &b);
	if (kind != MOUSE_PRESS) {
		overlay_scroll(st, kind == MOUSE_WHEEL_UP ? -WHEEL_STEP : WHEEL_STEP);
		return;
	}
	if (!layout_in_frame(&b, row, col)) {
		st->overlay = OV_NONE; /* a click outside closes it */
		return;
	}
	size_t i = st->ov_top + (size_t)(row - b.top);
	if (layout_in_box(&b, row, col) && !overlay_is_pager(st->overlay) && i < st->ov_count) {
		st->ov_sel = i;
		overlay_choose(st);
	}
}

void overlay_apply(struct state *st, enum action act)
{
	long page = (long)overlay_rows(st);

	switch (act) {
	case ACT_DOWN: overlay_move(st, 1); break;
	case ACT_UP: overlay_move(st, -1); break;
	case ACT_PAGE_DOWN: overlay_move(st, page); break;
	case ACT_PAGE_UP: overlay_move(st, -page); break;
	case ACT_TOP: overlay_move(st, -(long)st->ov_count); break;
	case ACT_BOTTOM: overlay_move(st, (long)st->ov_count); break;
	case ACT_OPEN: overlay_choose(st); break;
	case ACT_ESCAPE:
	case ACT_QUIT:
	case ACT_HELP: st->overlay = OV_NONE; break;
	case ACT_REDRAW: st->request = REQ_REDRAW; break;
	default: break;
	}
}

