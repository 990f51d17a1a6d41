/*
 * state_page — the reading pane's ground, which every other part of the
 * state stands on: the open speech laid out at the text's width, where its
 * view is scrolled to (as a place in the text that survives a relayout),
 * and the row of the list that is open. It calls no other part of the
 * state (state_priv.h says who calls whom).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"
#include "state_priv.h"
#include "text.h"
#include "util.h"

static const struct page_opts *page_opts(const struct state *st, struct page_opts *o)
{
	*o = (struct page_opts){st->lay.text_width, st->ambiguous_width, st->fullwidth, st->lex,
				st->han, st->simplified, true};
	return o;
}

bool is_speech_row(const struct state *st, size_t row)
{
	return row < st->row_count && st->view[row].speech != NO_SPEECH;
}

/* Where the top line is, in terms that survive a relayout. */
struct anchor top_anchor(const struct state *st)
{
	const struct page *pg = &st->page;
	size_t first = st->scroll;

	if (st->scroll >= pg->line_count || pg->lines[st->scroll].para == NO_PARA)
		return (struct anchor){NO_PARA, st->scroll};
	while (first > 0 && pg->lines[first - 1].para == pg->lines[st->scroll].para &&
	       pg->lines[first - 1].style == pg->lines[st->scroll].style)
		first--;
	return (struct anchor){pg->lines[st->scroll].para,
			       text_char_count(pg->text.data + pg->lines[first].off,
					       pg->lines[st->scroll].off - pg->lines[first].off)};
}

size_t max_scroll(const struct state *st)
{
	size_t rows = (size_t)MAX(st->lay.body_rows, 1);

	return st->page.line_count > rows ? st->page.line_count - rows : 0;
}

void scroll_to_anchor(struct state *st, struct anchor a)
{
	const struct page *pg = &st->page;
	size_t i, first = (size_t)-1;

	if (a.para == NO_PARA) {
		st->scroll = MIN(a.offset, max_scroll(st));
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
		st->scroll = i;
	}
	st->scroll = MIN(st->scroll, max_scroll(st));
}

void layout_page(struct state *st)
{
	struct page_opts o;

	if (st->speech >= st->c->speeches.n) {
		page_fini(&st->page);
		return;
	}
	if (st->raw)
		page_build_raw(&st->page, st->c, st->speech, page_opts(st, &o));
	else
		page_build(&st->page, st->c, st->speech, page_opts(st, &o));
}

/* Lays the page out again where it no longer matches the state (the
 * speech, width, raw view, Ambiguous width or full-width mapping changed),
 * keeping the reading place. */
void ensure_page(struct state *st)
{
	struct page_opts o;

	if (st->speech < st->c->speeches.n &&
	    !page_is_of(&st->page, st->speech, page_opts(st, &o), st->raw))
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
	st->speech = speech;
	layout_page(st);
	st->scroll = MIN(scroll, max_scroll(st));
}

void keep_row_visible(struct state *st)
{
	size_t rows = (size_t)MAX(st->lay.body_rows, 1);

	/* A list that fits leaves no rows blank at its bottom (after the window
	 * grew, say): scroll back as far as the rows allow. */
	if (st->list_top + rows > st->row_count)
		st->list_top = st->row_count > rows ? st->row_count - rows : 0;
	if (st->sel < st->list_top)
		st->list_top = st->sel > 0 && !is_speech_row(st, st->sel - 1) ? st->sel - 1 : st->sel;
	if (st->sel >= st->list_top + rows)
		st->list_top = st->sel - rows + 1;
}

void open_row(struct state *st, size_t row, bool keep_scroll)
{
	if (!is_speech_row(st, row))
		return;
	st->sel = row;
	keep_row_visible(st);
	if (st->view[row].speech != st->speech || !keep_scroll)
		open_speech(st, st->view[row].speech, keep_scroll ? st->scroll : 0);
}

struct anchor state_anchor(const struct state *st)
{
	return st->place_valid ? st->place : top_anchor(st);
}
