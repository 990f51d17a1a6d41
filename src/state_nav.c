#include "state.h"
#include "state_priv.h"

#include <stdio.h>
#include <stdlib.h>

#include "util.h"

/*
 * Moving through the list and the text (SPEC 3.1): rows, lines, half and
 * whole pages, speeches in list order, collections, and where the reader
 * is (=). Calls into the state's rows and pages (state_priv.h), never back
 * into the key dispatcher.
 */

static void move_selection(struct state *st, int dir)
{
	size_t r = st->list.sel;

	while (dir > 0 ? r + 1 < st->list.row_count : r > 0) {
		r = dir > 0 ? r + 1 : r - 1;
		if (is_speech_row(st, r)) {
			open_row(st, r, false);
			return;
		}
	}
	if (dir < 0)
		st->list.top = 0; /* show the header above the first row */
}

void scroll_by(struct state *st, long lines)
{
	long target = (long)st->reading.scroll + lines;

	st->reading.scroll = (size_t)MAX(0L, MIN(target, (long)max_scroll(st)));
}

/* J / K: the next or previous distinct speech in list order. */
static bool step_speech(struct state *st, int dir)
{
	size_t ord = is_speech_row(st, st->list.sel) ? state_ordinal(st, st->list.sel) : 0;

	if (dir > 0 ? ord >= st->list.distinct_count : ord <= 1)
		return false;
	open_row(st, row_of_ordinal(st, dir > 0 ? ord + 1 : ord - 1), false);
	return true;
}

/* ] and [: the first speech of the next or previous collection that the
 * list shows, in any view (a library's pages one after another). */
static bool step_collection(struct state *st, int dir)
{
	const struct corpus *c = st->c;
	size_t coll = st->reading.speech < c->speeches.n ? c->speeches.v[st->reading.speech].coll : 0;

	for (size_t k = coll + (size_t)(long)dir; k < c->colls.n; k += (size_t)(long)dir) {
		const struct collection *cl = &c->colls.v[k];
		for (size_t s = cl->speech_first; s < cl->speech_first + cl->speech_count; s++) {
			size_t row = row_of(st, s);
			if (is_speech_row(st, row) && st->list.view[row].speech == s) {
				open_row(st, row, false);
				return true;
			}
		}
	}
	return false;
}

/* =: where the reader is, as less says it: the file, the line of the top
 * of the text pane, and which collection of how many. */
static void say_where(struct state *st)
{
	const struct corpus *c = st->c;
	const struct speech *sp = st->reading.speech < c->speeches.n ? &c->speeches.v[st->reading.speech] : NULL;
	size_t line = sp ? sp->line : 0;

	if (!sp)
		return;
	for (size_t i = st->reading.scroll; i < st->reading.page.line_count; i++)
		if (st->reading.page.lines[i].style == PAGE_PARA && st->reading.page.lines[i].para < sp->para_count) {
			line = c->paras.v[sp->para_first + st->reading.page.lines[i].para].line;
			break;
		}
	snprintf(st->message, sizeof(st->message), "%s · 第 %zu 行 · 文集 %u/%zu",
		 c->colls.v[sp->coll].shown, line, (unsigned)sp->coll + 1, c->colls.n);
}

static void page_down(struct state *st)
{
	if (st->reading.scroll >= max_scroll(st)) {
		if (!step_speech(st, 1))
			snprintf(st->message, sizeof(st->message), "已是最后一篇");
		return;
	}
	scroll_by(st, MAX(st->lay.body_rows, 1));
}

static void go_end(struct state *st, bool bottom)
{
	size_t r;

	if (st->focus == FOCUS_TEXT) {
		st->reading.scroll = bottom ? max_scroll(st) : 0;
		return;
	}
	if (!bottom) {
		for (r = 0; r < st->list.row_count && !is_speech_row(st, r); r++)
			;
	} else {
		for (r = st->list.row_count; r > 0 && !is_speech_row(st, r - 1); r--)
			;
		r = r ? r - 1 : 0;
	}
	open_row(st, r, false);
	if (!bottom)
		st->list.top = 0;
}

/* The list takes a move when it has the focus and is shown. */
static bool in_list(const struct state *st)
{
	return st->focus == FOCUS_LIST && st->lay.list_shown;
}

/* j k ↓ ↑: a row in the list, a line in the text. */
static void step_line(struct state *st, enum action act)
{
	int dir = act == ACT_DOWN ? 1 : -1;

	if (in_list(st))
		move_selection(st, dir);
	else
		scroll_by(st, dir);
}

static void to_end(struct state *st, enum action act)
{
	go_end(st, act == ACT_BOTTOM);
}

static void page(struct state *st, enum action act)
{
	if (act == ACT_PAGE_DOWN)
		page_down(st);
	else
		scroll_by(st, -(long)MAX(st->lay.body_rows, 1));
}

/* less's ^D ^U: half the pane, in the list half its rows. */
static void half_page(struct state *st, enum action act)
{
	long half = MAX(st->lay.body_rows / 2, 1) * (act == ACT_HALF_DOWN ? 1 : -1);

	if (!in_list(st)) {
		scroll_by(st, half);
		return;
	}
	for (long k = 0; k < labs(half); k++)
		move_selection(st, half > 0 ? 1 : -1);
}

/* ] [: the next or previous collection's first speech. */
static void step_coll(struct state *st, enum action act)
{
	int dir = act == ACT_NEXT_COLL ? 1 : -1;

	if (!step_collection(st, dir))
		snprintf(st->message, sizeof(st->message), "%s", dir > 0 ? "已是最后一个文集" : "已是第一个文集");
}

/* J K: the next or previous speech in list order. */
static void step_next_speech(struct state *st, enum action act)
{
	int dir = act == ACT_NEXT_SPEECH ? 1 : -1;

	if (!step_speech(st, dir))
		snprintf(st->message, sizeof(st->message), "%s", dir > 0 ? "已是最后一篇" : "已是第一篇");
}

static void where(struct state *st, enum action act)
{
	(void)act;
	say_where(st);
}

static void focus(struct state *st, enum action act)
{
	if (act == ACT_FOCUS_TOGGLE)
		st->focus = st->focus == FOCUS_LIST || !st->lay.list_shown ? FOCUS_TEXT : FOCUS_LIST;
	else if (act == ACT_FOCUS_LIST && st->lay.list_shown)
		st->focus = FOCUS_LIST;
	else if (act != ACT_FOCUS_LIST) /* focus-text, open */
		st->focus = FOCUS_TEXT;
}

/* The moves of the panes, an action's line each. */
static void (*const moves[ACT_COUNT])(struct state *st, enum action act) = {
	[ACT_DOWN] = step_line,         [ACT_UP] = step_line,
	[ACT_TOP] = to_end,             [ACT_BOTTOM] = to_end,
	[ACT_PAGE_DOWN] = page,         [ACT_PAGE_UP] = page,
	[ACT_HALF_DOWN] = half_page,    [ACT_HALF_UP] = half_page,
	[ACT_NEXT_COLL] = step_coll,    [ACT_PREV_COLL] = step_coll,
	[ACT_NEXT_SPEECH] = step_next_speech, [ACT_PREV_SPEECH] = step_next_speech,
	[ACT_WHERE] = where,
	[ACT_FOCUS_TOGGLE] = focus,     [ACT_FOCUS_LIST] = focus,
	[ACT_FOCUS_TEXT] = focus,       [ACT_OPEN] = focus,
};

void pane_apply(struct state *st, enum action act)
{
	if (act < ACT_COUNT && moves[act])
		moves[act](st, act);
}

/* m and ': the next key is the mark's letter (SPEC 3.1). */
void mark_wait(struct state *st, enum action act)
{
	st->mark_pending = act;
	snprintf(st->message, sizeof(st->message), "%s：按字母 a–z",
		 act == ACT_MARK_SET ? "设标记" : "回到标记");
}

/* Opens speech at a place in its text: in the list as filtered if it is
 * there, else with every department shown. */
static void go_to(struct state *st, size_t speech, struct anchor at)
{
	size_t row = row_of(st, speech);

	if (!is_speech_row(st, row) || st->list.view[row].speech != speech) {
		set_filter(st, GROUP_ALL);
		row = row_of(st, speech);
	}
	open_row(st, row, false);
	scroll_to_anchor(st, at);
}

void mark_key(struct state *st, uint32_t key)
{
	enum action act = st->mark_pending;
	struct mark *m;

	st->mark_pending = ACT_NONE;
	st->message[0] = '\0';
	if (key == KEY_ESC)
		return;
	if (key < 'a' || key > 'z') {
		snprintf(st->message, sizeof(st->message), "标记只能用字母 a–z");
		return;
	}
	m = &st->marks[key - 'a'];
	if (act == ACT_MARK_SET) {
		struct anchor at = state_anchor(st);
		*m = (struct mark){true, st->reading.speech, at.para, at.offset};
		snprintf(st->message, sizeof(st->message), "已设标记 %c", (char)key);
	} else if (!m->set || m->speech >= st->c->speeches.n) {
		snprintf(st->message, sizeof(st->message), "标记 %c 未设", (char)key);
	} else {
		go_to(st, m->speech, (struct anchor){m->para, m->offset});
		snprintf(st->message, sizeof(st->message), "标记 %c", (char)key);
	}
}
