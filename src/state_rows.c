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
	size_t n = st->list.rs->group.n, r, sp, count = 0, d = 0;

	st->list.rs->ordinal = xcalloc(n + 1, sizeof(size_t));
	st->list.rs->first_row = xcalloc(n + 2, sizeof(size_t));
	st->list.rs->speech_row = xcalloc(st->c->speeches.n + 1, sizeof(size_t));
	st->list.rs->dept_row = xcalloc(st->c->depts.n + 2, sizeof(size_t));
	st->list.rs->dept_size = xcalloc(st->c->depts.n + 2, sizeof(size_t));
	for (r = 0; r < n; r++) {
		sp = st->list.rs->group.v[r].speech;
		if (sp == NO_SPEECH && st->list.view_kind != VIEW_DEPARTMENT)
			continue; /* a collection's or a person's header */
		if (sp == NO_SPEECH) {
			d = st->list.rs->group.v[r].dept;
			d = d == NO_DEPT ? st->c->depts.n : d;
			st->list.rs->dept_row[d] = r + 1;
			continue;
		}
		st->list.rs->dept_size[d]++;
		if (!st->list.rs->speech_row[sp]) {
			st->list.rs->speech_row[sp] = r + 1;
			st->list.rs->first_row[++count] = r;
			st->list.rs->ordinal[r] = count;
		} else {
			st->list.rs->ordinal[r] = st->list.rs->ordinal[st->list.rs->speech_row[sp] - 1];
		}
	}
	st->list.rs->all_distinct = count;
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
		free_rowset(&st->list.rowsets[i]);
}

/* The row set of (view, filter) if kept, else the least recently used slot,
 * emptied. */
static struct rowset *rowset_slot(struct state *st, enum view v, size_t filter, bool *found)
{
	struct rowset *oldest = &st->list.rowsets[0];
	size_t i;

	for (i = 0; i < ROWSETS; i++) {
		struct rowset *rs = &st->list.rowsets[i];
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
	size_t key = st->list.view_kind == VIEW_DEPARTMENT ? GROUP_ALL : filter;
	bool found;

	if (st->list.view_kind == VIEW_SPEAKER && !st->list.people.first)
		people_build(st->c, &st->list.people);
	st->list.rs = rowset_slot(st, st->list.view_kind, key, &found);
	st->list.rs->used = ++st->list.rs_clock;
	if (found)
		return;
	view_build(st->c, st->list.view_kind, key, &st->list.people, &st->list.rs->group);
	if (st->list.rs->group.n == 0 && key != GROUP_ALL) { /* nothing there: all again */
		free_rowset(st->list.rs);
		build_rows(st, GROUP_ALL);
		return;
	}
	st->list.rs->built = true;
	st->list.rs->view = st->list.view_kind;
	st->list.rs->filter = key;
	index_rows(st);
}

/* The filter's slice of the rows: a department's header and its speeches. */
static void slice_rows(struct state *st, size_t filter)
{
	size_t d = filter == NO_DEPT ? st->c->depts.n : filter, start, end;

	if (st->list.view_kind != VIEW_DEPARTMENT) {
		if (st->list.rs->filter != filter)
			build_rows(st, filter);
		st->list.filter = st->list.rs->filter;
		st->list.view = st->list.rs->group.v;
		st->list.row_count = st->list.rs->group.n;
		st->list.distinct_count = st->list.rs->all_distinct;
		return;
	}
	st->list.filter = filter;
	if (filter == GROUP_ALL || !st->list.rs->dept_row[d]) {
		st->list.filter = GROUP_ALL;
		st->list.view = st->list.rs->group.v;
		st->list.row_count = st->list.rs->group.n;
		st->list.distinct_count = st->list.rs->all_distinct;
		return;
	}
	start = st->list.rs->dept_row[d] - 1;
	end = start + 1 + st->list.rs->dept_size[d];
	st->list.view = st->list.rs->group.v + start;
	st->list.row_count = end - start;
	st->list.distinct_count = st->list.rs->dept_size[d];
}

/* A department's slice of the department view: its rows are in speech
 * order, each speech once, and row i is its i-th speech. */
static bool sliced(const struct state *st)
{
	return st->list.view_kind == VIEW_DEPARTMENT && st->list.filter != GROUP_ALL;
}

size_t state_ordinal(const struct state *st, size_t row)
{
	return sliced(st) ? row : st->list.rs->ordinal[row];
}

size_t row_of_ordinal(const struct state *st, size_t ord)
{
	return sliced(st) ? ord : st->list.rs->first_row[ord];
}

/* The row of speech in the list, or of the first speech when absent. In a
 * department the rows are in speech order: a binary search. */
size_t row_of(const struct state *st, size_t speech)
{
	size_t lo = 1, hi = st->list.row_count;

	if (!sliced(st))
		return speech < st->c->speeches.n && st->list.rs->speech_row[speech] ? st->list.rs->speech_row[speech] - 1
									      : st->list.rs->first_row[1];
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (st->list.view[mid].speech < speech)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < st->list.row_count && st->list.view[lo].speech == speech ? lo : 1;
}

void set_filter(struct state *st, size_t filter)
{
	size_t keep = st->reading.speech;

	slice_rows(st, filter);
	st->list.top = 0;
	st->list.sel = row_of(st, keep);
	open_row(st, st->list.sel, st->list.view[st->list.sel].speech == keep);
}

/* v: by department → in page order → by speaker; the open speech and the
 * filter stay. */
void next_view(struct state *st)
{
	size_t filter = st->list.filter;

	st->list.view_kind = (enum view)((st->list.view_kind + 1) % VIEW_COUNT);
	build_rows(st, filter);
	set_filter(st, filter);
	snprintf(st->message, sizeof(st->message), "视图：%s", view_label(st->list.view_kind));
}

