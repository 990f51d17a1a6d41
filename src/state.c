#include "state.h"
#include "state_priv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

enum { LIST_STEP = 2 };


/* The panes for this size: the list as wide as asked, else in proportion
 * to the screen (so it follows a resize); the text at its measure. */
static void compute_layout(struct state *st)
{
	st->list.width = st->list.width_set ? st->list.width_set
					    : layout_default_list_width(st->cols);
	layout_compute(&st->lay, st->rows, st->cols, st->list.hidden, st->list.width,
		       st->text_width_set);
}

void state_init(struct state *st, const struct corpus *c, const struct lexicon *lex,
		const struct state_opts *opts, int rows, int cols)
{
	*st = (struct state){.c = c, .lex = lex, .keys = opts->keys, .han = opts->han,
			     .ambiguous_width = opts->ambiguous_width, .fullwidth = opts->fullwidth,
			     .reading.speech = (size_t)-1, .list.hidden = opts->list_hidden,
			     .list.width_set = opts->list_width, .text_width_set = opts->text_width};
	if (!st->keys) {
		keymap_init(&st->own_keys);
		st->keys = &st->own_keys;
	}
	if (opts->marks)
		memcpy(st->marks, opts->marks, sizeof(st->marks));
	st->config_errors = opts->config_errors;
	st->config_error_count = opts->config_error_count;
	page_init(&st->reading.page);
	search_init(&st->search.found);
	st->search.found.names = true; /* names, posts and bylines too (SPEC 3.2) */
	st->rows = rows;
	st->cols = cols;
	compute_layout(st);
	st->reading.speech = opts->speech < c->speeches.n ? opts->speech : 0;
	st->list.view_kind = opts->view < VIEW_COUNT ? opts->view : VIEW_DEPARTMENT;
	build_rows(st, opts->dept);
	set_filter(st, opts->dept);
	open_row(st, st->list.sel, false);
	st->reading.scroll = MIN(opts->scroll, max_scroll(st));
	if (opts->has_at)
		scroll_to_anchor(st, opts->at);
	st->focus = opts->focus_text ? FOCUS_TEXT : FOCUS_LIST;
	find_page_hits(st);
}

void state_fini(struct state *st)
{
	size_t i;

	keymap_fini(&st->own_keys);
	free_rowsets(st);
	people_fini(&st->list.people);
	free(st->ov_items);
	page_fini(&st->reading.page);
	search_fini(&st->search.found);
	free(st->search.hits);
	free(st->search.match_order);
	free(st->search.match_place);
	overlay_close(st);
	for (i = 0; i < st->prompt.history_count; i++)
		free(st->prompt.history[i]);
	free(st->pipe_command);
}

/* After a key: where the reader is now, for the resizes to come, and the
 * search's matches on the page, should either have changed. */
static void remember_place(struct state *st)
{
	st->reading.place = top_anchor(st);
	st->reading.place_valid = true;
	find_page_hits(st);
}

void state_resize(struct state *st, int rows, int cols)
{
	/* The place the reader last chose, not where the last size clamped the
	 * view to: at a size where the whole speech fits the scroll is 0, and the
	 * next resize would anchor there (SPEC 4). */
	struct anchor a = st->reading.place_valid ? st->reading.place : top_anchor(st);

	st->rows = rows;
	st->cols = cols;
	compute_layout(st);
	layout_page(st);
	scroll_to_anchor(st, a);
	keep_row_visible(st);
	if (st->overlay != OV_NONE)
		overlay_keep_visible(st);
	find_page_hits(st);
}

size_t state_position(const struct state *st, size_t *total)
{
	*total = st->list.distinct_count;
	return is_speech_row(st, st->list.sel) ? state_ordinal(st, st->list.sel) : 0;
}

int state_percent(const struct state *st)
{
	size_t shown = st->reading.scroll + (size_t)MAX(st->lay.body_rows, 0);

	if (st->reading.page.line_count == 0 || shown >= st->reading.page.line_count)
		return 100;
	return (int)(shown * 100 / st->reading.page.line_count);
}

struct str state_row_role(const struct state *st, size_t row)
{
	const struct group_row *r = &st->list.view[row];
	const struct speech *s = &st->c->speeches.v[r->speech];
	struct str role = STR_NULL;
	size_t i;

	for (i = 0; i < s->post_count; i++) {
		const struct post *p = &st->c->posts.v[s->post_first + i];
		/* in a department, its last post; outside the department view the
		 * last post of all; under 未分部门 the first */
		bool in_dept = r->dept != NO_DEPT && p->dept == r->dept;
		bool any = r->dept == NO_DEPT && (st->list.view_kind != VIEW_DEPARTMENT || !role.s);
		if (in_dept || any)
			role = post_role(p);
	}
	return role;
}

/*
 * The key dispatcher's table (issue 21: a key is a line of the key table and
 * a small function): an action's handler, told the action and its argument,
 * so that a few handlers serve actions that differ only in what they open.
 * An action with no handler here is a move of the panes (state_nav.c).
 */
typedef void action_fn(struct state *st, enum action act, int arg);

static void set_dept(struct state *st, enum action act, int number)
{
	(void)act;
	if (number < 1 || (size_t)number > st->c->depts.n) {
		snprintf(st->message, sizeof(st->message), "没有第 %d 个部门", number);
		return;
	}
	set_filter(st, (size_t)number - 1);
}

static void all_depts(struct state *st, enum action act, int arg)
{
	(void)act, (void)arg;
	set_filter(st, GROUP_ALL);
}

static const enum overlay overlay_of[ACT_COUNT] = {
	[ACT_DEPT_PICKER] = OV_PICKER, [ACT_HELP] = OV_HELP,       [ACT_OUTLINE] = OV_OUTLINE,
	[ACT_CONCORDANCE] = OV_CONCORDANCE, [ACT_FINDINGS] = OV_FINDINGS,
};

static void show_overlay(struct state *st, enum action act, int arg)
{
	(void)arg;
	open_overlay(st, overlay_of[act]);
}

static const enum prompt prompt_of[ACT_COUNT] = {
	[ACT_SPEAKER] = PROMPT_SPEAKER, [ACT_SEARCH] = PROMPT_SEARCH, [ACT_PIPE] = PROMPT_PIPE,
};

static void show_prompt(struct state *st, enum action act, int arg)
{
	(void)arg;
	open_prompt(st, prompt_of[act]);
}

/* What the main loop is asked to do: quit, copy, redraw, suspend. */
static const enum request request_of[ACT_COUNT] = {
	[ACT_QUIT_ALL] = REQ_QUIT, [ACT_COPY] = REQ_COPY, [ACT_REDRAW] = REQ_REDRAW,
	[ACT_SUSPEND] = REQ_SUSPEND,
};

static void ask_loop(struct state *st, enum action act, int arg)
{
	(void)arg;
	st->request = request_of[act];
}

static void next_match(struct state *st, enum action act, int arg)
{
	(void)arg;
	search_step(st, act == ACT_SEARCH_NEXT ? 1 : -1);
}

static void cycle_view(struct state *st, enum action act, int arg)
{
	(void)act, (void)arg;
	next_view(st);
}

static void toggle_raw(struct state *st, enum action act, int arg)
{
	(void)act, (void)arg;
	st->reading.raw = !st->reading.raw;
	open_speech(st, st->reading.speech, 0);
}

static void toggle_list(struct state *st, enum action act, int arg)
{
	(void)act, (void)arg;
	st->list.hidden = !st->list.hidden;
	if (st->list.hidden)
		st->focus = FOCUS_TEXT;
	state_resize(st, st->rows, st->cols);
}

static void resize_list(struct state *st, enum action act, int arg)
{
	int width = st->list.width + (act == ACT_WIDEN ? LIST_STEP : -LIST_STEP);

	(void)arg;
	st->list.width_set = MAX(LAYOUT_LIST_MIN_WIDTH, MIN(width, st->cols - 22));
	state_resize(st, st->rows, st->cols);
}

static void toggle_ambiguous(struct state *st, enum action act, int arg)
{
	(void)act, (void)arg;
	st->ambiguous_width = st->ambiguous_width == 2 ? 1 : 2;
	state_relayout(st);
	st->request = REQ_REPAINT_ALL;
	snprintf(st->message, sizeof(st->message), "“”…等歧义宽度字符：%d 列", st->ambiguous_width);
}

/* t: the text in Simplified characters, one character for one (SPEC 3.2). */
static void toggle_simplified(struct state *st, enum action act, int arg)
{
	(void)act, (void)arg;
	if (!st->reading.simplified && (!st->han || !hanfold_ready(st->han))) {
		snprintf(st->message, sizeof(st->message), "无法显示简体：找不到 OpenCC 的数据文件");
		return;
	}
	st->reading.simplified = !st->reading.simplified;
	state_relayout(st);
	snprintf(st->message, sizeof(st->message), "%s", st->reading.simplified ? "以简体显示" : "按原文字形显示");
}

/* q and Esc: as mutt and tig, q leaves the raw view first, then quits. */
static void leave(struct state *st, enum action act, int arg)
{
	(void)arg;
	if (st->reading.raw) {
		st->reading.raw = false;
		open_speech(st, st->reading.speech, 0);
	} else if (act == ACT_QUIT) {
		st->request = REQ_QUIT;
	}
}

static void wait_for_mark(struct state *st, enum action act, int arg)
{
	(void)arg;
	mark_wait(st, act);
}

static action_fn *const handlers[ACT_COUNT] = {
	[ACT_DEPT] = set_dept,
	[ACT_DEPT_ALL] = all_depts,
	[ACT_DEPT_PICKER] = show_overlay,
	[ACT_HELP] = show_overlay,
	[ACT_OUTLINE] = show_overlay,
	[ACT_CONCORDANCE] = show_overlay,
	[ACT_FINDINGS] = show_overlay,
	[ACT_SPEAKER] = show_prompt,
	[ACT_SEARCH] = show_prompt,
	[ACT_PIPE] = show_prompt,
	[ACT_SEARCH_NEXT] = next_match,
	[ACT_SEARCH_PREV] = next_match,
	[ACT_VIEW] = cycle_view,
	[ACT_SIMPLIFIED] = toggle_simplified,
	[ACT_RAW] = toggle_raw,
	[ACT_TOGGLE_LIST] = toggle_list,
	[ACT_NARROW] = resize_list,
	[ACT_WIDEN] = resize_list,
	[ACT_AMBIGUOUS] = toggle_ambiguous,
	[ACT_QUIT] = leave,
	[ACT_ESCAPE] = leave,
	[ACT_QUIT_ALL] = ask_loop,
	[ACT_COPY] = ask_loop,
	[ACT_REDRAW] = ask_loop,
	[ACT_SUSPEND] = ask_loop,
	[ACT_MARK_SET] = wait_for_mark,
	[ACT_MARK_GO] = wait_for_mark,
};

void state_apply(struct state *st, enum action act, int arg)
{
	st->message[0] = '\0';
	if (act == ACT_SUSPEND) { /* from anywhere, an overlay or a prompt open (SPEC 3.1) */
		st->request = REQ_SUSPEND;
		return;
	}
	if (st->overlay != OV_NONE) {
		overlay_apply(st, act);
		return;
	}
	if (act < ACT_COUNT && handlers[act])
		handlers[act](st, act, arg);
	else
		pane_apply(st, act);
}

/* A key bound to nothing says so on the status line (SPEC 3.1). */
static void say_unbound(struct state *st, uint32_t key)
{
	char name[32];

	keymap_key_name(key, name, sizeof(name));
	snprintf(st->message, sizeof(st->message), "键 %s 未绑定（? 帮助）", name);
}

void state_key(struct state *st, uint32_t key)
{
	int arg;
	enum action act;

	if (key == KEY_RESIZE_ || key == KEY_NONE)
		return;
	if (st->mark_pending != ACT_NONE) { /* m or ' before: this is the letter */
		mark_key(st, key);
		remember_place(st);
		return;
	}
	act = keymap_lookup(st->keys, key, &arg);
	/* Q quits from anywhere, an overlay open too; a prompt types it */
	if (act == ACT_QUIT_ALL && st->prompt.kind == PROMPT_NONE) {
		st->request = REQ_QUIT;
		return;
	}
	if (st->prompt.kind != PROMPT_NONE && act != ACT_SUSPEND) {
		st->message[0] = '\0';
		prompt_key(st, key);
		remember_place(st);
		return;
	}
	if (st->lay.too_small && act != ACT_QUIT && act != ACT_REDRAW && act != ACT_SUSPEND)
		return;
	if (st->overlay != OV_NONE && act != ACT_SUSPEND && overlay_type(st, key)) {
		remember_place(st);
		return;
	}
	state_apply(st, act, arg);
	if (act == ACT_NONE && st->overlay == OV_NONE) /* as mutt: say so */
		say_unbound(st, key);
	remember_place(st);
}

enum { WHEEL_LINES = 3 };

/* The wheel scrolls the list's view; the selection stays where it is. */
static void scroll_list(struct state *st, long rows)
{
	size_t shown = (size_t)MAX(st->lay.body_rows, 1);
	long last = st->list.row_count > shown ? (long)(st->list.row_count - shown) : 0;

	st->list.top = (size_t)MAX(0L, MIN((long)st->list.top + rows, last));
}

/* A click on a list row selects it; on the selected row (a second click) it
 * opens it. A click in the text focuses the text (SPEC 3.7). */
static void click_list(struct state *st, int row)
{
	size_t r = st->list.top + (size_t)(row - st->lay.body_top);

	if (!is_speech_row(st, r))
		return;
	if (r == st->list.sel) {
		st->focus = FOCUS_TEXT;
		return;
	}
	st->focus = FOCUS_LIST;
	open_row(st, r, false);
}

void state_mouse(struct state *st, enum mouse_kind kind, int row, int col)
{
	bool in_body = row >= st->lay.body_top && row < st->lay.body_top + st->lay.body_rows;
	bool in_list = st->lay.list_shown && col < st->lay.border_col;

	st->message[0] = '\0';
	if (st->lay.too_small || st->prompt.kind != PROMPT_NONE)
		return;
	if (st->overlay != OV_NONE)
		overlay_mouse(st, kind, row, col);
	else if (!in_body)
		return;
	else if (kind != MOUSE_PRESS)
		(in_list ? scroll_list : scroll_by)(st, kind == MOUSE_WHEEL_UP ? -WHEEL_LINES
									  : WHEEL_LINES);
	else if (in_list)
		click_list(st, row);
	else if (col > st->lay.border_col)
		st->focus = FOCUS_TEXT;
	remember_place(st);
}

char *state_plain_speech(const struct state *st, size_t *len)
{
	/* What | and y hand on (SPEC 3.1): plain text, a line each for the
	 * headline and the speaker, then a paragraph a line, as written. */
	const struct corpus *c = st->c;
	const struct speech *s;
	struct buf out = {0}, scratch = {0};

	if (st->reading.speech >= c->speeches.n) {
		*len = 0;
		return xcalloc(1, 1);
	}
	s = &c->speeches.v[st->reading.speech];
	if (s->headline.s) {
		buf_add(&out, s->headline.s, s->headline.len);
		buf_addc(&out, '\n');
	}
	buf_add(&out, s->speaker.s, s->speaker.len);
	if (s->designation_len)
		buf_add(&out, speech_designation(s).s, s->designation_len);
	if (s->title.len) {
		buf_adds(&out, " · ");
		buf_add(&out, s->title.s, s->title.len);
	}
	buf_addc(&out, '\n');
	for (size_t i = 0; i < s->para_count; i++) {
		struct str t = corpus_para_text(c, speech_para(c, s, i), &scratch);
		buf_add(&out, t.s, t.len);
		buf_addc(&out, '\n');
	}
	buf_fini(&scratch);
	*len = out.len;
	return out.data ? out.data : xcalloc(1, 1);
}
