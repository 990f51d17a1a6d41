/*
 * Typing into a list overlay (the department picker, the outline, the
 * concordance): what is typed narrows the list to the entries that hold it,
 * folded as the search folds; in the picker a number picks that department.
 * Characters a list takes: digits and anything beyond ASCII (Chinese), so
 * that j k g G q b Space keep moving and closing. Backspace takes back a
 * character, Esc the whole query (a second Esc closes). Part of state.
 */
#include <stdio.h>
#include <stdlib.h>

#include "state.h"
#include "state_priv.h"
#include "overlay.h"
#include "text.h"
#include "util.h"

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

void overlay_reset_query(struct state *st)
{
	st->ov_query_len = 0;
	st->ov_items_n = 0;
	st->ov_narrowed = false;
}
