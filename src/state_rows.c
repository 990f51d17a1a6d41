/*
 * The list's rows in each view, the filter's slice of them, and the
 * ordinals i/n counts (state_priv.h). Part of state.
 */
#include "state.h"
#include "state_priv.h"

#include <stdio.h>
#include <stdlib.h>

#include "util.h"

/* The unfiltered list's ordinals and the departments' header rows, once. */
static void index_rows(struct state *st)
{
	size_t n = st->rs->group.n, r, sp, count = 0, d = 0;

	st->rs->ordinal = xcalloc(n + 1, sizeof(size_t));
	st->rs->first_row = xcalloc(n + 2, sizeof(size_t));
	st->rs->speech_row = xcalloc(st->c->speeches.n + 1, sizeof(size_t));
	st->rs->dept_row = xcalloc(st->c->depts.n + 2, sizeof(size_t));
	st->rs->dept_size = xcalloc(st->c->depts.n + 2, sizeof(size_t));
	for (r = 0; r < n; r++) {
		sp = st->rs->group.v[r].speech;
		if (sp == NO_SPEECH && st->view_kind != VIEW_DEPARTMENT)
			continue; /* a collection's or a person's header */
		if (sp == NO_SPEECH) {
			d = st->rs->group.v[r].dept;
			d = d == NO_DEPT ? st->c->depts.n : d;
			st->rs->dept_row[d] = r + 1;
			continue;
		}
		st->rs->dept_size[d]++;
		if (!st->rs->speech_row[sp]) {
			st->rs->speech_row[sp] = r + 1;
			st->rs->first_row[++count] = r;
			st->rs->ordinal[r] = count;
		} else {
			st->rs->ordinal[r] = st->rs->ordinal[st->rs->speech_row[sp] - 1];
		}
	}
	st->rs->all_distinct = count;
}

static void free_rowset(struct rowset *rs)
{
	group_fini(&rs->group);
	free(rs->ordinal);
	free(rs->first_row);
	free(rs->speech_row);
	free(rs->dept_row);
	free(rs->dept_size);
	*rs = (struct rowset){0};
}

void free_rowsets(struct state *st)
{
	size_t i;

	for (i = 0; i < ROWSETS; i++)
		free_rowset(&st->rowsets[i]);
}

/* The row set of (view, filter) if kept, else the least recently used slot,
 * emptied. */
static struct rowset *rowset_slot(struct state *st, enum view v, size_t filter, bool *found)
{
	struct rowset *oldest = &st->rowsets[0];
	size_t i;

	for (i = 0; i < ROWSETS; i++) {
		struct rowset *rs = &st->rowsets[i];
		if (rs->built && rs->view == v && rs->filter == filter) {
			*found = true;
			return rs;
		}
		if (!rs->built || (oldest->built && rs->used < oldest->used))
			oldest = rs;
	}
	*found = false;
	free_rowset(oldest);
	return oldest;
}

/* The rows of the view: by department, every department's (a filter is a
 * slice of them); in the other views, the filter's. Built once per view and
 * filter while a few are kept. */
void build_rows(struct state *st, size_t filter)
{
	size_t key = st->view_kind == VIEW_DEPARTMENT ? GROUP_ALL : filter;
	bool found;

	if (st->view_kind == VIEW_SPEAKER && !st->people.first)
		people_build(st->c, &st->people);
	st->rs = rowset_slot(st, st->view_kind, key, &found);
	st->rs->used = ++st->rs_clock;
	if (found)
		return;
	view_build(st->c, st->view_kind, key, &st->people, &st->rs->group);
	if (st->rs->group.n == 0 && key != GROUP_ALL) { /* nothing there: all again */
		free_rowset(st->rs);
		build_rows(st, GROUP_ALL);
		return;
	}
	st->rs->built = true;
	st->rs->view = st->view_kind;
	st->rs->filter = key;
	index_rows(st);
}

/* The filter's slice of the rows: a department's header and its speeches. */
static void slice_rows(struct state *st, size_t filter)
{
	size_t d = filter == NO_DEPT ? st->c->depts.n : filter, start, end;

	if (st->view_kind != VIEW_DEPARTMENT) {
		if (st->rs->filter != filter)
			build_rows(st, filter);
		st->filter = st->rs->filter;
		st->view = st->rs->group.v;
		st->row_count = st->rs->group.n;
		st->distinct_count = st->rs->all_distinct;
		return;
	}
	st->filter = filter;
	if (filter == GROUP_ALL || !st->rs->dept_row[d]) {
		st->filter = GROUP_ALL;
		st->view = st->rs->group.v;
		st->row_count = st->rs->group.n;
		st->distinct_count = st->rs->all_distinct;
		return;
	}
	start = st->rs->dept_row[d] - 1;
	end = start + 1 + st->rs->dept_size[d];
	st->view = st->rs->group.v + start;
	st->row_count = end - start;
	st->distinct_count = st->rs->dept_size[d];
}

/* A department's slice of the department view: its rows are in speech
 * order, each speech once, and row i is its i-th speech. */
static bool sliced(const struct state *st)
{
	return st->view_kind == VIEW_DEPARTMENT && st->filter != GROUP_ALL;
}

size_t state_ordinal(const struct state *st, size_t row)
{
	return sliced(st) ? row : st->rs->ordinal[row];
}

size_t row_of_ordinal(const struct state *st, size_t ord)
{
	return sliced(st) ? ord : st->rs->first_row[ord];
}

/* The row of speech in the list, or of the first speech when absent. In a
 * department the rows are in speech order: a binary search. */
size_t row_of(const struct state *st, size_t speech)
{
	size_t lo = 1, hi = st->row_count;

	if (!sliced(st))
		return speech < st->c->speeches.n && st->rs->speech_row[speech] ? st->rs->speech_row[speech] - 1
									      : st->rs->first_row[1];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (st->view[mid].speech < speech)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < st->row_count && st->view[lo].speech == speech ? lo : 1;
}

void set_filter(struct state *st, size_t filter)
{
	size_t keep = st->speech;

	slice_rows(st, filter);
	st->list_top = 0;
	st->sel = row_of(st, keep);
	open_row(st, st->sel, st->view[st->sel].speech == keep);
}

/* v: by department → in page order → by speaker; the open speech and the
 * filter stay. */
void next_view(struct state *st)
{
	size_t filter = st->filter;

	st->view_kind = (enum view)((st->view_kind + 1) % VIEW_COUNT);
	build_rows(st, filter);
	set_filter(st, filter);
	snprintf(st->message, sizeof(st->message), "视图：%s", view_label(st->view_kind));
}

