#include "group.h"

#include <stdlib.h>

/*
 * A counting sort: count each department's speeches, lay the departments'
 * slots out in order, then drop each (department, speech) into its slot.
 * Linear in speeches × departments per speech.
 */
void group_build(const struct corpus *c, size_t only, struct group *out)
{
	size_t ndept = c->depts.n, *next = xcalloc(ndept + 1, sizeof(size_t));
	size_t i, k, d, base = 0;

	for (i = 0; i < c->speeches.n; i++) {
		const struct speech *s = &c->speeches.v[i];
		for (k = 0; k < s->dept_count; k++)
			next[speech_dept(c, s, k)]++;
		if (s->dept_count == 0)
			next[ndept]++;
	}
	for (d = 0; d <= ndept; d++) {
		size_t count = next[d];
		bool shown = next[d] > 0 && (only == GROUP_ALL || only == (d == ndept ? NO_DEPT : d));
		next[d] = shown ? base + 1 : (size_t)-1;
		if (shown)
			base += count + 1;
	}
	out->v = xgrow(out->v, &out->cap, base, sizeof(*out->v));
	out->n = base;
	for (d = 0; d <= ndept; d++)
		if (next[d] != (size_t)-1)
			out->v[next[d] - 1] = (struct group_row){d == ndept ? NO_DEPT : d, NO_SPEECH};
	for (i = 0; i < c->speeches.n; i++) {
		const struct speech *s = &c->speeches.v[i];
		for (k = 0; k < s->dept_count; k++) {
			d = speech_dept(c, s, k);
			if (next[d] != (size_t)-1)
				out->v[next[d]++] = (struct group_row){d, i};
		}
		if (s->dept_count == 0 && next[ndept] != (size_t)-1)
			out->v[next[ndept]++] = (struct group_row){NO_DEPT, i};
	}
	free(next);
}

void group_fini(struct group *g)
{
	free(g->v);
	*g = (struct group){0};
}
