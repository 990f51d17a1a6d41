/*
 * state_page — the reading pane's ground, which every other part of the
 * state stands on: the open speech laid out at the text's width, where its
 * view is scrolled to (as a place in the text that survives a relayout),
 * and the row of the list that is open. It calls no other part of the
 * state (state_priv.h says who calls whom).
 */

#include "state.h"
#include "state_priv.h"
#include "text.h"
#include "util.h"

static const struct page_opts *page_opts(const struct state *st, struct page_opts *o)
{
	*o = (struct page_opts){st->lay.text_width, st->ambiguous_width, st->fullwidth, st->lex,
				st->han, st->reading.simplified, true};
	return o;
}

bool is_speech_row(const struct state *st, size_t row)
{
	return row < st->list.row_count && st->list.view[row].speech != NO_SPEECH;
}

/* Where the top line is, in terms that survive a relayout. */
struct anchor top_anchor(const struct state *st)
{
	const struct page *pg = &st->reading.page;
	size_t first = st->reading.scroll;

	if (st->reading.scroll >= pg->line_count || pg->lines[st->reading.scroll].para == NO_PARA)
		return (struct anchor){NO_PARA, st->reading.scroll};
	while (first > 0 && pg->lines[first - 1].para == pg->lines[st->reading.scroll].para &&
	       pg->lines[first - 1].style == pg->lines[st->reading.scroll].style)
		first--;
	return (struct anchor){pg->lines[st->reading.scroll].para,
			       text_char_count(pg->text.data + pg->lines[first].off,
					       pg->lines[st->reading.scroll].off - pg->lines[first].off)};
}

size_t max_scroll(const struct state *st)
{
	size_t rows = (size_t)MAX(st->lay.body_rows, 1);

	return st->reading.page.line_count > rows ? st->reading.page.line_count - rows : 0;
}

void scroll_to_anchor(struct state *st, struct anchor a)
{
	const struct page *pg = &st->reading.page;
	size_t i, first = (size_t)-1;

	if (a.para == NO_PARA) {
		st->reading.scroll = MIN(a.offset, max_scroll(st));
		return;
	}
	for (i = 0; i < pg->line_count; i++) {
		if (pg->lines[i].para != a.para || pg->lines[i].style != PAGE_PARA)
			continue;
		if (first == (size_t)-1)
			first = i;
		if (text_char_count(pg->text.data + pg->lines[first].off,
				    pg->lines[i].off - pg->lines[first].off) > a.offset)
			break;
		st->reading.scroll = i;
	}
	st->reading.scroll = MIN(st->reading.scroll, max_scroll(st));
}

void layout_page(struct state *st)
{
	struct page_opts o;

	if (st->reading.speech >= st->c->speeches.n) {
		page_fini(&st->reading.page);
		return;
	}
	if (st->reading.raw)
		page_build_raw(&st->reading.page, st->c, st->reading.speech, page_opts(st, &o));
	else
		page_build(&st->reading.page, st->c, st->reading.speech, page_opts(st, &o));
}

/* Lays the page out again where it no longer matches the state (the
 * speech, width, raw view, Ambiguous width or full-width mapping changed),
 * keeping the reading place. */
void ensure_page(struct state *st)
{
	struct page_opts o;

	if (st->reading.speech < st->c->speeches.n &&
	    !page_is_of(&st->reading.page, st->reading.speech, page_opts(st, &o), st->reading.raw))
		state_relayout(st);
}

void state_relayout(struct state *st)
{
	struct anchor a = top_anchor(st);

	layout_page(st);
	scroll_to_anchor(st, a);
}

void open_speech(struct state *st, size_t speech, size_t scroll)
{
	st->reading.speech = speech;
	layout_page(st);
	st->reading.scroll = MIN(scroll, max_scroll(st));
}

void keep_row_visible(struct state *st)
{
	size_t rows = (size_t)MAX(st->lay.body_rows, 1);

	/* A list that fits leaves no rows blank at its bottom (after the window
	 * grew, say): scroll back as far as the rows allow. */
	if (st->list.top + rows > st->list.row_count)
		st->list.top = st->list.row_count > rows ? st->list.row_count - rows : 0;
	if (st->list.sel < st->list.top)
		st->list.top = st->list.sel > 0 && !is_speech_row(st, st->list.sel - 1) ? st->list.sel - 1 : st->list.sel;
	if (st->list.sel >= st->list.top + rows)
		st->list.top = st->list.sel - rows + 1;
}

void open_row(struct state *st, size_t row, bool keep_scroll)
{
	if (!is_speech_row(st, row))
		return;
	st->list.sel = row;
	keep_row_visible(st);
	if (st->list.view[row].speech != st->reading.speech || !keep_scroll)
		open_speech(st, st->list.view[row].speech, keep_scroll ? st->reading.scroll : 0);
}

struct anchor state_anchor(const struct state *st)
{
	return st->reading.place_valid ? st->reading.place : top_anchor(st);
}
