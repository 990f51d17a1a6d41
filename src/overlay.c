#include "overlay.h"

#include <stdio.h>
#include <stdlib.h>

#include "load.h"
#include "state.h"
#include "state_priv.h"
#include "util.h"

static void overlay_reset_query(struct state *st);

void overlay_row_init(struct overlay_row *r)
{
	*r = (struct overlay_row){0};
}

void overlay_row_fini(struct overlay_row *r)
{
	int k;

	for (k = 0; k < ROW_FIELDS; k++)
		buf_fini(&r->text[k]);
}

/* Field k of r, at column col, made empty. */
static struct buf *field(struct overlay_row *r, int k, int col)
{
	r->n = MAX(r->n, k + 1);
	r->col[k] = col;
	buf_clear(&r->text[k]);
	return &r->text[k];
}

/* ---- help: the keys, what they do, the action's name ---- */

enum { HELP_KEYS_COLS = 16, HELP_NAME_COLS = 18 };

static bool help_open(struct state *st)
{
	st->ov_data.help.count = keymap_help(st->keys, st->ov_data.help.rows, ACT_COUNT);
	return true;
}

static size_t help_count(const struct state *st)
{
	return st->ov_data.help.count;
}

static void help_row(const struct state *st, size_t i, int cols, int ambiguous, struct overlay_row *r)
{
	(void)ambiguous;
	buf_adds(field(r, 0, 0), st->ov_data.help.rows[i].keys);
	buf_adds(field(r, 1, MIN(HELP_KEYS_COLS, cols / 3)), st->ov_data.help.rows[i].zh);
	if (cols >= 48) /* the name a bind statement takes */
		buf_adds(field(r, 2, cols - HELP_NAME_COLS), st->ov_data.help.rows[i].name);
}

/* ---- the department picker ---- */

static bool picker_open(struct state *st)
{
	st->ov_sel = st->list.filter == GROUP_ALL ? 0 : st->list.filter == NO_DEPT ? 0 : st->list.filter + 1;
	return true;
}

static size_t picker_count(const struct state *st)
{
	return st->c->depts.n + 1;
}

static struct str picker_text(const struct state *st, size_t i, struct buf *scratch)
{
	(void)scratch;
	return i == 0 ? str_from(ALL_DEPTS_NAME) : st->c->depts.v[i - 1];
}

static void picker_row(const struct state *st, size_t i, int cols, int ambiguous,
		       struct overlay_row *r)
{
	struct buf *b = field(r, 0, 0);
	struct str name = picker_text(st, i, NULL);

	(void)cols, (void)ambiguous;
	buf_addf(b, "%2zu ", i);
	buf_add(b, name.s, name.len);
}

static void picker_choose(struct state *st, size_t i)
{
	set_filter(st, i == 0 ? GROUP_ALL : i - 1);
}

/* ---- the outline of the speech's numbered points ---- */

static bool outline_open(struct state *st)
{
	st->ov_data.outline = (struct outline){0};
	outline_build(&st->ov_data.outline, st->c, st->reading.speech, st->lex);
	if (st->ov_data.outline.n)
		return true;
	snprintf(st->message, sizeof(st->message), "这篇发言没有编号要点");
	return false;
}

static void outline_close(struct state *st)
{
	outline_fini(&st->ov_data.outline);
}

static size_t outline_count(const struct state *st)
{
	return st->ov_data.outline.n;
}

/* The point's own words: up to the next point of its paragraph. */
static struct str outline_text(const struct state *st, size_t i, struct buf *scratch)
{
	const struct corpus *c = st->c;
	const struct outline_entry *e = &st->ov_data.outline.v[i];
	struct str t = corpus_para_text(c, speech_para(c, &c->speeches.v[st->reading.speech], e->para), scratch);
	size_t stop = t.len;

	if (i + 1 < st->ov_data.outline.n && st->ov_data.outline.v[i + 1].para == e->para)
		stop = st->ov_data.outline.v[i + 1].off;
	return (struct str){t.s + e->off, stop - e->off};
}

/* A series inside the first series' points is indented under them. */
static void outline_row(const struct state *st, size_t i, int cols, int ambiguous,
			struct overlay_row *r)
{
	struct buf scratch = {0};
	struct str t = outline_text(st, i, &scratch);
	int indent = st->ov_data.outline.v[i].series == st->ov_data.outline.v[0].series ? 0 : 2;

	(void)cols, (void)ambiguous;
	text_display(field(r, 0, indent), t.s, t.len, st->fullwidth);
	buf_fini(&scratch);
}

/* Characters before byte off of the open speech's paragraph para. */
static size_t para_chars(const struct state *st, size_t para, size_t off)
{
	struct buf scratch = {0};
	const struct speech *sp = &st->c->speeches.v[st->reading.speech];
	struct str t = corpus_para_text(st->c, speech_para(st->c, sp, para), &scratch);
	size_t n = text_char_count(t.s, MIN(off, t.len));

	buf_fini(&scratch);
	return n;
}

static void outline_choose(struct state *st, size_t i)
{
	const struct outline_entry *e = &st->ov_data.outline.v[i];

	st->reading.raw = false;
	ensure_page(st);
	show_in_para(st, e->para, para_chars(st, e->para, e->off));
	st->focus = FOCUS_TEXT;
}

/* ---- the concordance of the search term ---- */

static bool concord_open(struct state *st)
{
	refresh_matches(st);
	if (!search_active(&st->search.found) || st->search.found.n == 0) {
		snprintf(st->message, sizeof(st->message), "先用 / 搜索");
		return false;
	}
	st->ov_sel = st->search.match_index;
	/* Measured once per opening, not once per row per frame. */
	st->ov_data.concord.speaker_width[0] = search_speaker_width(st->c, st->search.found.v, st->search.found.n, 1);
	st->ov_data.concord.speaker_width[1] = search_speaker_width(st->c, st->search.found.v, st->search.found.n, 2);
	return true;
}

static size_t concord_count(const struct state *st)
{
	return st->search.found.n;
}

/* The speaker's name and the text of the match. */
static struct str concord_text(const struct state *st, size_t i, struct buf *scratch)
{
	const struct match *m = &st->search.found.v[i];
	struct str name = st->c->speeches.v[m->speech].speaker;
	struct buf inner = {0};
	struct str t = search_match_text(st->c, m, &inner);

	buf_clear(scratch);
	buf_add(scratch, name.s, name.len);
	buf_addc(scratch, ' ');
	buf_add(scratch, t.s, t.len);
	buf_fini(&inner);
	return (struct str){scratch->data, scratch->len};
}

static void concord_row(const struct state *st, size_t i, int cols, int ambiguous,
			struct overlay_row *r)
{
	struct kwic_opts ko = {cols, st->ov_data.concord.speaker_width[ambiguous == 2], ambiguous,
			       st->fullwidth};

	struct kwic_key key = search_kwic(field(r, 0, 0), st->c, &st->search.found.v[i], &ko);
	r->plain = true; /* already fitted to the width, as --grep fits it */
	r->mark_col = key.col; /* the term drawn as a match (SPEC 3.2) */
	r->mark_width = key.width;
}

static void concord_choose(struct state *st, size_t i)
{
	jump_to_match(st, i);
}

/* ---- the files that could not be used, and the configuration's wrong lines ---- */

static size_t findings_count(const struct state *st)
{
	return st->c->unusable.n + st->config_error_count;
}

static bool findings_open(struct state *st)
{
	if (findings_count(st))
		return true;
	snprintf(st->message, sizeof(st->message), "所有文件都可以使用，配置也没有错误");
	return false;
}

static void findings_row(const struct state *st, size_t i, int cols, int ambiguous,
			 struct overlay_row *r)
{
	char why[160];

	(void)cols, (void)ambiguous;
	if (i < st->c->unusable.n) {
		const struct unusable *u = &st->c->unusable.v[i];
		buf_addf(field(r, 0, 0), "%s：%s", u->shown, load_unusable_text(u, true, why, sizeof(why)));
	} else {
		const struct config_error *e = &st->config_errors[i - st->c->unusable.n];
		buf_addf(field(r, 0, 0), "%s：%s", e->where, e->zh);
	}
}

static const struct overlay_kind kinds[] = {
	[OV_HELP] = {.title = " 帮助（q 关闭；右列是配置文件用的动作名） ", .pager = true,
		     .open = help_open, .count = help_count, .row = help_row},
	[OV_PICKER] = {.title = " 选择部门（Enter 确定） ", .open = picker_open,
		       .count = picker_count, .row = picker_row, .find_text = picker_text,
		       .choose = picker_choose},
	[OV_OUTLINE] = {.title = " 要点（Enter 跳转） ", .open = outline_open, .count = outline_count,
			.row = outline_row, .find_text = outline_text, .choose = outline_choose,
			.close = outline_close},
	[OV_CONCORDANCE] = {.title = " 搜索词上下文（Enter 跳转） ", .wide = true, .counted = true,
			    .open = concord_open, .count = concord_count, .row = concord_row,
			    .find_text = concord_text, .choose = concord_choose},
	[OV_FINDINGS] = {.title = " 无法使用的文件、有误的配置行（q 关闭） ", .pager = true, .wide = true,
			 .open = findings_open, .count = findings_count, .row = findings_row},
};

const struct overlay_kind *overlay_kind(int ov)
{
	return &kinds[ov];
}

bool overlay_is_pager(int ov)
{
	return ov != OV_NONE && kinds[ov].pager;
}

/* ---- what every overlay does alike ---- */

void overlay_close(struct state *st)
{
	if (st->overlay != OV_NONE && kinds[st->overlay].close)
		kinds[st->overlay].close(st);
	st->overlay = OV_NONE;
}

void open_overlay(struct state *st, enum overlay ov)
{
	overlay_close(st);
	st->overlay = ov;
	st->ov_sel = st->ov_top = 0;
	overlay_reset_query(st);
	if (!kinds[ov].open(st)) {
		overlay_close(st);
		return;
	}
	st->ov_count = kinds[ov].count(st);
	overlay_keep_visible(st);
}

static void overlay_choose(struct state *st)
{
	const struct overlay_kind *k = &kinds[st->overlay];

	if (st->ov_count == 0 || !k->choose)
		return; /* a query that holds nothing, or a pager */
	size_t sel = overlay_item(st, st->ov_sel);
	k->choose(st, sel); /* with its data still there: the outline's entry */
	overlay_close(st);
}

void state_overlay_box(const struct state *st, struct box *b)
{
	layout_overlay_box(&st->lay, st->cols, st->ov_count, kinds[st->overlay].wide, b);
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

/* A pager's keys move the view at once; a list moves its selection and
 * keeps it in view. */
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
		overlay_close(st); /* a click outside closes it */
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
	case ACT_HELP: overlay_close(st); break;
	case ACT_REDRAW: st->request = REQ_REDRAW; break;
	default: break;
	}
}

/* ---- typing into a list overlay ----
 *
 * Typing into a list overlay (the department picker, the outline, the
 * concordance): what is typed narrows the list to the entries that hold it,
 * folded as the search folds; in the picker a number picks that department.
 * Characters a list takes: digits and anything beyond ASCII (Chinese), so
 * that j k g G q b Space keep moving and closing. Backspace takes back a
 * character, Esc the whole query (a second Esc closes).
 */

size_t overlay_item(const struct state *st, size_t i)
{
	return st->ov_narrowed ? st->ov_items[i] : i;
}

static struct str item_text(const struct state *st, size_t k, struct buf *scratch)
{
	return overlay_kind(st->overlay)->find_text(st, k, scratch);
}

static size_t item_total(const struct state *st)
{
	return overlay_kind(st->overlay)->count(st);
}

static void note_hit(void *ctx, size_t off, size_t len)
{
	(void)off, (void)len;
	*(bool *)ctx = true;
}

static bool all_digits(const struct state *st)
{
	size_t i;

	for (i = 0; i < st->ov_query_len; i++)
		if (st->ov_query[i] < '0' || st->ov_query[i] > '9')
			return false;
	return st->ov_query_len > 0;
}

/* The list for the query: the entries holding it; a number in the picker
 * selects that department and keeps the whole list. */
static void refilter(struct state *st)
{
	struct buf term = {0}, scratch = {0};
	struct search needle;
	size_t total = item_total(st), k, i;

	st->ov_top = 0;
	if (st->overlay == OV_PICKER && all_digits(st)) {
		size_t n = 0;
		for (i = 0; i < st->ov_query_len; i++)
			n = n * 10 + (st->ov_query[i] - '0');
		st->ov_narrowed = false; /* the whole list, N selected */
		st->ov_count = total;
		st->ov_sel = MIN(n, total - 1);
		if (n >= total)
			snprintf(st->message, sizeof(st->message), "没有第 %zu 个部门", n);
		overlay_keep_visible(st);
		return;
	}
	for (i = 0; i < st->ov_query_len; i++)
		buf_add_uc(&term, st->ov_query[i]);
	search_init(&needle);
	prepare_han(st, term.data ? term.data : "", term.len);
	needle.han = st->han;
	st->ov_items_n = 0;
	if (search_compile(&needle, term.data ? term.data : "", term.len)) {
		for (k = 0; k < total; k++) {
			struct str t = item_text(st, k, &scratch);
			bool hit = false;
			search_text(&needle, t.s, t.len, note_hit, &hit);
			if (!hit)
				continue;
			st->ov_items = xgrow(st->ov_items, &st->ov_items_cap, st->ov_items_n + 1,
					     sizeof(*st->ov_items));
			st->ov_items[st->ov_items_n++] = k;
		}
	}
	st->ov_narrowed = st->ov_query_len > 0;
	st->ov_count = st->ov_narrowed ? st->ov_items_n : total;
	st->ov_sel = 0;
	search_fini(&needle);
	buf_fini(&term);
	buf_fini(&scratch);
}

static bool is_list(enum overlay ov)
{
	return ov != OV_NONE && overlay_kind(ov)->find_text;
}

bool overlay_type(struct state *st, uint32_t key)
{
	if (!is_list(st->overlay))
		return false;
	if (key == KEY_BACKSPACE_ || key == 0x08) {
		if (!st->ov_query_len)
			return false;
		st->ov_query_len--;
	} else if (key == KEY_ESC && st->ov_query_len) {
		st->ov_query_len = 0;
	} else if (((key >= '0' && key <= '9') || (key >= 0x80 && key < KEY_SPECIAL)) &&
		   st->ov_query_len < OV_QUERY_MAX) {
		st->ov_query[st->ov_query_len++] = key;
	} else {
		return false;
	}
	refilter(st);
	return true;
}

static void overlay_reset_query(struct state *st)
{
	st->ov_query_len = 0;
	st->ov_items_n = 0;
	st->ov_narrowed = false;
}
