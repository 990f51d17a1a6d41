#include "render.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "overlay.h"
#include "text.h"
#include "util.h"

#define TOO_SMALL "终端太小"
#define HINTS "j/k 移动  Tab 切换  / 搜索  1-9 部门  ? 帮助"

/* With ambiguous characters 2 columns wide, box drawing is too: use ASCII. */
static const char *border_char(const struct grid *g)
{
	return g->ambiguous_width == 2 ? "|" : "│";
}

static const char *marker_char(const struct grid *g)
{
	return g->ambiguous_width == 2 ? ">" : "▶";
}

static int put_str(struct grid *g, int row, int col, int end, struct str s, enum style st)
{
	return s.s ? grid_put(g, row, col, end, s.s, s.len, st) : col;
}

static int str_cols(const struct grid *g, const char *s)
{
	return (int)text_str_width(s, strlen(s), g->ambiguous_width);
}

/* s in [col, end), cut with an ellipsis (ASCII ~ where ambiguous characters
 * are two columns wide) when it does not fit. */
static int put_cut(struct grid *g, int row, int col, int end, struct str s, enum style st)
{
	const char *ell = g->ambiguous_width == 2 ? "~" : "…";
	int need = (int)text_str_width(s.s, s.len, g->ambiguous_width);

	if (!s.s || col + need <= end)
		return put_str(g, row, col, end, s, st);
	col = put_str(g, row, col, end - str_cols(g, ell), s, st);
	return grid_puts(g, row, col, end, ell, st);
}

/* A collection's file name as a library's title row shows it: the last
 * part of its path, without .txt (第10期). */
static struct str file_label(const struct collection *coll)
{
	struct str name = str_from(coll->shown);
	const char *slash = memrchr(name.s, '/', name.len);

	if (slash)
		name = (struct str){slash + 1, name.len - (size_t)(slash + 1 - name.s)};
	if (name.len > 4 && strcasecmp(name.s + name.len - 4, ".txt") == 0)
		name.len -= 4;
	return name;
}

/* The collection's title; in a library (SPEC 3), its file name and number
 * first, so that two pages of one title are told apart: 第10期 3/120 · 标题. */
static struct str title_of(const struct corpus *c, size_t coll, struct buf *out)
{
	const struct collection *cl = &c->colls.v[coll];
	struct str name;

	if (c->colls.n < 2)
		return cl->title;
	buf_clear(out);
	name = file_label(cl);
	buf_add(out, name.s, name.len);
	buf_addf(out, " %zu/%zu", coll + 1, c->colls.n);
	if (cl->title.s) {
		buf_adds(out, " · ");
		buf_add(out, cl->title.s, cl->title.len);
	}
	return (struct str){out->data, out->len};
}

static void render_title(const struct state *st, struct grid *g)
{
	const struct corpus *c = st->c;
	static const char label[] = "部门：";
	struct str title = STR_NULL, filter;
	struct buf scratch = {0};
	int right, col, filter_width;

	if (st->reading.speech < c->speeches.n)
		title = title_of(c, c->speeches.v[st->reading.speech].coll, &scratch);
	if (st->list.filter == GROUP_ALL)
		filter = str_from(ALL_DEPTS_NAME);
	else if (st->list.filter == NO_DEPT)
		filter = str_from(NO_DEPT_NAME);
	else
		filter = c->depts.v[st->list.filter];
	grid_fill(g, 0, 0, g->cols, ST_TITLE);
	/* The filter flush right in at most half the line, the title in what is
	 * left; either is cut with an ellipsis, never dropped. */
	filter_width = MIN((int)text_str_width(filter.s, filter.len, g->ambiguous_width),
			   MAX(g->cols / 2 - str_cols(g, label), 1));
	right = MAX(g->cols - 1 - str_cols(g, label) - filter_width, 0);
	put_cut(g, 0, 0, MAX(right - 2, 0), title, ST_TITLE);
	col = grid_puts(g, 0, right, g->cols, label, ST_TITLE);
	put_cut(g, 0, col, MIN(col + filter_width, g->cols), filter, ST_TITLE);
	buf_fini(&scratch);
}

/* The header of a group outside the department view: a person, or a
 * collection named by its file as well as its title (SPEC 3.6). */
static struct str view_group_name(const struct state *st, size_t key, struct buf *scratch)
{
	const struct corpus *c = st->c;

	if (st->list.view_kind == VIEW_SPEAKER)
		return c->speeches.v[st->list.people.first[key]].speaker;
	if (c->colls.n > 1)
		return title_of(c, key, scratch);
	/* one collection: its file, then its title (the bundled one has no file) */
	struct str name = file_label(&c->colls.v[key]), title = c->colls.v[key].title;
	if (strcmp(c->colls.v[key].name, BUNDLED_NAME) == 0 && title.s)
		return title;
	buf_clear(scratch);
	buf_add(scratch, name.s, name.len);
	if (title.s) {
		buf_adds(scratch, " · ");
		buf_add(scratch, title.s, title.len);
	}
	return (struct str){scratch->data, scratch->len};
}

static void render_list_row(const struct state *st, struct grid *g, size_t r, int row)
{
	const struct group_row *gr = &st->list.view[r];
	int end = st->lay.list_width, col;
	char num[8];

	if (gr->speech == NO_SPEECH && st->list.view_kind != VIEW_DEPARTMENT) {
		/* a collection's title, a person's name: no number, the digit keys
		 * are the departments' */
		struct buf scratch = {0};
		put_cut(g, row, 1, end, view_group_name(st, gr->dept, &scratch), ST_DEPT);
		buf_fini(&scratch);
		return;
	}
	if (gr->speech == NO_SPEECH) {
		if (gr->dept == NO_DEPT)
			snprintf(num, sizeof(num), "   ");
		else if (gr->dept < 99)
			snprintf(num, sizeof(num), "%2zu ", gr->dept + 1);
		else
			snprintf(num, sizeof(num), "   ");
		col = grid_puts(g, row, 0, end, num, ST_DEPT);
		put_cut(g, row, col, end,
			gr->dept == NO_DEPT ? str_from(NO_DEPT_NAME) : st->c->depts.v[gr->dept],
			ST_DEPT);
		return;
	}
	enum style sty = ST_ROW;
	if (r == st->list.sel)
		sty = st->focus == FOCUS_LIST ? ST_ROW_SELECTED : ST_ROW_CURRENT;
	grid_fill(g, row, 0, end, sty);
	grid_puts(g, row, 1, end, r == st->list.sel ? marker_char(g) : " ", sty);
	const struct speech *sp = &st->c->speeches.v[gr->speech];
	if (st->list.view_kind == VIEW_SPEAKER) { /* under the person: which speech */
		put_cut(g, row, 3, end, sp->headline.s ? sp->headline : st->c->colls.v[sp->coll].title,
			sty);
		return;
	}
	col = put_cut(g, row, 3, end, sp->speaker, sty);
	/* The short role where at least a character and … fit. */
	if (end - col >= 1 + 2 + str_cols(g, "…")) {
		col = grid_puts(g, row, col, end, " ", sty);
		put_cut(g, row, col, end, state_row_role(st, r), sty);
	}
}

static void render_list(const struct state *st, struct grid *g)
{
	int row;
	size_t r;

	for (row = 0; row < st->lay.body_rows; row++) {
		r = st->list.top + (size_t)row;
		grid_fill(g, st->lay.body_top + row, 0, st->lay.list_width, ST_NORMAL);
		if (r < st->list.row_count)
			render_list_row(st, g, r, st->lay.body_top + row);
		grid_puts(g, st->lay.body_top + row, st->lay.border_col, st->lay.border_col + 1,
			  border_char(g), ST_BORDER);
	}
}

static enum style line_style(enum page_style ps)
{
	switch (ps) {
	case PAGE_TITLE: /* the page's subtitle */
	case PAGE_HEADLINE:
	case PAGE_GROUP: return ST_HEADLINE;
	case PAGE_SPEAKER: return ST_SPEAKER;
	case PAGE_PULLQUOTE: return ST_PULLQUOTE;
	case PAGE_BYLINE:
	case PAGE_TRAILER: return ST_BYLINE;
	default: return ST_NORMAL;
	}
}

/* Marks the cells of one match on one line of the page. */
static void mark_hit(struct grid *g, const struct page *pg, size_t line, int row, int col0,
		     const struct page_hit *hit, enum style sty)
{
	const struct page_line *l = &pg->lines[line];
	const char *text = pg->text.data;
	size_t pos = l->off, end = l->off + l->draw_len;
	int col = col0, w;
	uint32_t uc;

	while (pos < end) {
		size_t n = text_next(text + pos, end - pos, &uc);
		w = text_width(text_sanitise(uc), g->ambiguous_width);
		if (pos >= hit->off && pos < hit->off + hit->len)
			for (int k = 0; k < w && col + k < g->cols; k++)
				grid_at(g, row, col + k)->style = (uint8_t)sty;
		col += w;
		pos += n;
	}
}

/* Which match of line i's block (a headline, a paragraph) is the current
 * one, or (size_t)-1 when none of them is. */
static size_t current_in_block(const struct state *st, size_t i)
{
	const struct page_line *l = &st->reading.page.lines[i];
	const struct search *s = &st->search.found;
	size_t m_i = st->search.match_index, k = 0;

	if (m_i >= s->n || s->v[m_i].speech != st->reading.speech || st->reading.raw)
		return (size_t)-1;
	const struct match *m = &s->v[m_i];
	bool same = (m->where == WHERE_PARA && l->style == PAGE_PARA && l->para == m->index) ||
		    (m->where == WHERE_HEADLINE && l->style == PAGE_HEADLINE);
	if (!same)
		return (size_t)-1;
	while (k < m_i && s->v[m_i - k - 1].speech == m->speech && s->v[m_i - k - 1].where == m->where &&
	       s->v[m_i - k - 1].index == m->index)
		k++;
	return k;
}

/* The matches on line i, found once per page and term (state: st->search.hits):
 * a frame draws those in view, whatever the paragraph's length. */
static void highlight_line(const struct state *st, struct grid *g, size_t i, int row, int col0)
{
	const struct page *pg = &st->reading.page;
	const struct page_line *l = &pg->lines[i];
	size_t lo = 0, hi = st->search.hit_count, current;

	if (!search_active(&st->search.found) || l->style == PAGE_BLANK || !st->search.hit_count)
		return;
	while (lo < hi) { /* the first match that ends after the line starts */
		size_t mid = lo + (hi - lo) / 2;
		if (st->search.hits[mid].off + st->search.hits[mid].len <= l->off)
			lo = mid + 1;
		else
			hi = mid;
	}
	current = current_in_block(st, i);
	for (; lo < st->search.hit_count && st->search.hits[lo].off < l->off + l->draw_len; lo++)
		mark_hit(g, pg, i, row, col0, &st->search.hits[lo],
			 st->search.hits[lo].k == current ? ST_MATCH_CURRENT : ST_MATCH);
}

static void render_text(const struct state *st, struct grid *g)
{
	const struct page *pg = &st->reading.page;
	int row, x = st->lay.text_col, end = st->lay.text_col + st->lay.text_width;
	size_t i;

	for (row = 0; row < st->lay.body_rows; row++) {
		int r = st->lay.body_top + row;
		grid_fill(g, r, st->lay.border_col + 1, g->cols, ST_NORMAL);
		i = st->reading.scroll + (size_t)row;
		if (i >= pg->line_count)
			continue;
		grid_put(g, r, x, end, pg->text.data + pg->lines[i].off, pg->lines[i].draw_len,
			 line_style(pg->lines[i].style));
		highlight_line(st, g, i, r, x);
	}
}

static const char *prompt_label(enum prompt p)
{
	switch (p) {
	case PROMPT_SEARCH: return "/";
	case PROMPT_SPEAKER: return "发言人：";
	default: return "|";
	}
}

static void render_prompt(const struct state *st, struct grid *g)
{
	struct buf text = {0};
	int row = st->lay.status_row, col;
	size_t i;

	for (i = 0; i < st->prompt.input_len; i++)
		buf_add_uc(&text, st->prompt.input[i]);
	grid_fill(g, row, 0, g->cols, ST_PROMPT);
	col = grid_puts(g, row, 0, g->cols, prompt_label(st->prompt.kind), ST_PROMPT);
	/* Keep the end of a long input in view. */
	size_t from = 0;
	while (from < text.len && (int)text_str_width(text.data + from, text.len - from,
						      g->ambiguous_width) > g->cols - col - 1)
		from += text_next(text.data + from, text.len - from, &(uint32_t){0});
	if (text.len) /* an empty input has no buffer: nothing to add 0 to */
		col = grid_put(g, row, col, g->cols, text.data + from, text.len - from, ST_PROMPT);
	/* While a search is typed, where it is (第 i/N 处) flush right, room
	 * permitting (SPEC 3.2). */
	int said = st->prompt.kind == PROMPT_SEARCH ? str_cols(g, st->message) : 0;
	if (said && col + 2 + said < g->cols)
		grid_puts(g, row, g->cols - said - 1, g->cols, st->message, ST_PROMPT);
	/* The cursor stays on the prompt, so an input method anchors there. */
	g->cursor_row = row;
	g->cursor_col = MIN(col, g->cols - 1);
	buf_fini(&text);
}

static void render_status(const struct state *st, struct grid *g)
{
	int row = st->lay.status_row, col;
	size_t total, pos = state_position(st, &total);
	char left[96], right[32];

	if (st->prompt.kind != PROMPT_NONE) {
		render_prompt(st, g);
		return;
	}
	grid_fill(g, row, 0, g->cols, ST_STATUS);
	/* The view is named when it is not the usual one (by department). */
	snprintf(left, sizeof(left), " %zu/%zu  %s%s", pos, total,
		 st->list.view_kind == VIEW_DEPARTMENT ? "" : view_label(st->list.view_kind),
		 st->list.view_kind == VIEW_DEPARTMENT ? "" : "  ");
	snprintf(right, sizeof(right), "%s%s%3d%%", st->reading.raw ? "原文 " : "",
		 st->reading.simplified ? "简体 " : "", state_percent(st));
	int right_col = g->cols - str_cols(g, right) - 1;
	col = grid_puts(g, row, 0, right_col, left, ST_STATUS);
	grid_puts(g, row, col, right_col - 1, st->message[0] ? st->message : HINTS,
		  st->message[0] ? ST_MESSAGE : ST_STATUS);
	if (right_col > col)
		grid_puts(g, row, right_col, g->cols, right, ST_STATUS);
}

static void draw_frame(const struct state *st, struct grid *g, const struct box *b,
		       const char *title)
{
	bool ascii = g->ambiguous_width == 2;
	const char *h = ascii ? "-" : "─", *v = ascii ? "|" : "│";
	int r, c;

	(void)st;
	for (r = b->top - 1; r <= b->top + b->rows; r++)
		grid_fill(g, r, b->left - 2, b->left + b->cols + 2, ST_OVERLAY);
	for (c = b->left - 1; c <= b->left + b->cols; c++) {
		grid_puts(g, b->top - 1, c, c + 1, h, ST_OVERLAY);
		grid_puts(g, b->top + b->rows, c, c + 1, h, ST_OVERLAY);
	}
	for (r = b->top - 1; r <= b->top + b->rows; r++) {
		bool edge = r == b->top - 1 || r == b->top + b->rows;
		grid_puts(g, r, b->left - 2, b->left - 1,
			  edge ? (ascii ? "+" : r < b->top ? "┌" : "└") : v, ST_OVERLAY);
		grid_puts(g, r, b->left + b->cols + 1, b->left + b->cols + 2,
			  edge ? (ascii ? "+" : r < b->top ? "┐" : "┘") : v, ST_OVERLAY);
	}
	grid_puts(g, b->top - 1, b->left + 1, b->left + b->cols, title, ST_OVERLAY);
}

/* One row of the overlay into the box at (row, col), cols wide: each field
 * from its column, cut with … where the next begins. */
static void overlay_entry(const struct state *st, struct grid *g, size_t i, int row, int col,
			  int cols, enum style sty)
{
	struct overlay_row r;
	int k;

	overlay_row_init(&r);
	overlay_kind(st->overlay)->row(st, i, cols, g->ambiguous_width, &r);
	for (k = 0; k < r.n; k++) {
		int end = k + 1 < r.n ? col + r.col[k + 1] - 1 : col + cols;
		struct str t = {r.text[k].data ? r.text[k].data : "", r.text[k].len};
		if (r.plain)
			grid_put(g, row, col + r.col[k], end, t.s, t.len, sty);
		else
			put_cut(g, row, col + r.col[k], end, t, sty);
	}
	for (k = r.mark_col; k < r.mark_col + r.mark_width && k < cols; k++)
		grid_at(g, row, col + k)->style =
			(uint8_t)(sty == ST_OVERLAY_SELECTED ? ST_MATCH_CURRENT : ST_MATCH);
	overlay_row_fini(&r);
}

static void render_overlay(const struct state *st, struct grid *g)
{
	struct box b;
	size_t top, i;
	int r;

	state_overlay_box(st, &b);
	struct buf title = {0};
	buf_adds(&title, overlay_kind(st->overlay)->title);
	if (overlay_kind(st->overlay)->counted && st->ov_count)
		buf_addf(&title, "%zu/%zu ", st->ov_sel + 1, st->ov_count);
	if (st->ov_query_len) { /* what was typed, and how many entries hold it */
		buf_adds(&title, "输入：");
		for (i = 0; i < st->ov_query_len; i++)
			buf_add_uc(&title, st->ov_query[i]);
		if (st->ov_narrowed)
			buf_addf(&title, "（%zu 项）", st->ov_count);
		buf_addc(&title, ' ');
	}
	buf_addc(&title, '\0');
	draw_frame(st, g, &b, title.data);
	buf_fini(&title);
	top = st->ov_top;
	for (r = 0; r < b.rows; r++) {
		i = top + (size_t)r;
		if (i >= st->ov_count)
			break;
		enum style sty = i == st->ov_sel && !overlay_is_pager(st->overlay) ? ST_OVERLAY_SELECTED
										    : ST_OVERLAY;
		grid_fill(g, b.top + r, b.left, b.left + b.cols, sty);
		overlay_entry(st, g, overlay_item(st, i), b.top + r, b.left, b.cols, sty);
		g->work++;
	}
}

static void render_too_small(struct grid *g)
{
	int w = str_cols(g, TOO_SMALL);

	grid_clear(g);
	grid_puts(g, g->rows / 2, MAX((g->cols - w) / 2, 0), g->cols, TOO_SMALL, ST_MESSAGE);
}

void render(const struct state *st, struct grid *g)
{
	if (g->rows != st->rows || g->cols != st->cols)
		grid_resize(g, st->rows, st->cols);
	g->ambiguous_width = st->ambiguous_width;
	g->simplify = st->reading.simplified ? st->han : NULL;
	g->cursor_row = g->cursor_col = -1;
	g->work = 0;
	if (st->lay.too_small) {
		render_too_small(g);
		return;
	}
	render_title(st, g);
	if (st->lay.list_shown)
		render_list(st, g);
	render_text(st, g);
	render_status(st, g);
	if (st->overlay != OV_NONE)
		render_overlay(st, g);
}
