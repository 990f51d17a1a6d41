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
	size_t n = st->group.n, r, sp, count = 0, d = 0;

	st->ordinal = xcalloc(n + 1, sizeof(size_t));
	st->first_row = xcalloc(n + 2, sizeof(size_t));
	st->speech_row = xcalloc(st->c->speeches.n + 1, sizeof(size_t));
	st->dept_row = xcalloc(st->c->depts.n + 2, sizeof(size_t));
	st->dept_size = xcalloc(st->c->depts.n + 2, sizeof(size_t));
	for (r = 0; r < n; r++) {
		sp = st->group.v[r].speech;
		if (sp == NO_SPEECH && st->view_kind != VIEW_DEPARTMENT)
			continue; /* a collection's or a person's header */
		if (sp == NO_SPEECH) {
			d = st->group.v[r].dept;
			d = d == NO_DEPT ? st->c->depts.n : d;
			st->dept_row[d] = r + 1;
			continue;
		}
		st->dept_size[d]++;
		if (!st->speech_row[sp]) {
			st->speech_row[sp] = r + 1;
			st->first_row[++count] = r;
			st->ordinal[r] = count;
		} else {
			st->ordinal[r] = st->ordinal[st->speech_row[sp] - 1];
		}
	}
	st->all_distinct = count;
}

void free_index(struct state *st)
{
	free(st->ordinal);
	free(st->first_row);
	free(st->speech_row);
	free(st->dept_row);
	free(st->dept_size);
}

/* The rows of the view: by department, every department's, built once (a
 * filter is a slice of them); in the other views, the filter's. */
void build_rows(struct state *st, size_t filter)
{
	if (st->view_kind == VIEW_SPEAKER && !st->people.first)
		people_build(st->c, &st->people);
	free_index(st);
	st->group_filter = st->view_kind == VIEW_DEPARTMENT ? GROUP_ALL : filter;
	view_build(st->c, st->view_kind, st->group_filter, &st->people, &st->group);
	if (st->group.n == 0 && filter != GROUP_ALL) { /* nothing there: all again */
		st->group_filter = GROUP_ALL;
		view_build(st->c, st->view_kind, GROUP_ALL, &st->people, &st->group);
	}
	index_rows(st);
}

/* The filter's slice of the rows: a department's header and its speeches. */
static void slice_rows(struct state *st, size_t filter)
{
	size_t d = filter == NO_DEPT ? st->c->depts.n : filter, start, end;

	if (st->view_kind != VIEW_DEPARTMENT) {
		if (st->group_filter != filter)
			build_rows(st, filter);
		st->filter = st->group_filter;
		st->view = st->group.v;
		st->row_count = st->group.n;
		st->distinct_count = st->all_distinct;
		return;
	}
	st->filter = filter;
	if (filter == GROUP_ALL || !st->dept_row[d]) {
		st->filter = GROUP_ALL;
		st->view = st->group.v;
		st->row_count = st->group.n;
		st->distinct_count = st->all_distinct;
		return;
	}
	start = st->dept_row[d] - 1;
	end = start + 1 + st->dept_size[d];
	st->view = st->group.v + start;
	st->row_count = end - start;
	st->distinct_count = st->dept_size[d];
}

/* A department's slice of the department view: its rows are in speech
 * order, each speech once, and row i is its i-th speech. */
static bool sliced(const struct state *st)
{
	return st->view_kind == VIEW_DEPARTMENT && st->filter != GROUP_ALL;
}

size_t state_ordinal(const struct state *st, size_t row)
{
	return sliced(st) ? row : st->ordinal[row];
}

size_t row_of_ordinal(const struct state *st, size_t ord)
{
	return sliced(st) ? ord : st->first_row[ord];
}

/* The row of speech in the list, or of the first speech when absent. In a
 * department the rows are in speech order: a binary search. */
size_t row_of(const struct state *st, size_t speech)
{
	size_t lo = 1, hi = st->row_count;

	if (!sliced(st))
		return speech < st->c->speeches.n && st->speech_row[speech] ? st->speech_row[speech] - 1
									      : st->first_row[1];
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

