#include "view.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "util.h"

static const char *const names[VIEW_COUNT] = {"department", "page", "speaker"};
static const char *const labels[VIEW_COUNT] = {"按部门", "按版面顺序", "按发言人"};

const char *view_name(enum view v)
{
	return names[v];
}

const char *view_label(enum view v)
{
	return labels[v];
}

bool view_parse(const char *name, enum view *v)
{
	int i;

	for (i = 0; i < VIEW_COUNT; i++)
		if (strcmp(name, names[i]) == 0) {
			*v = (enum view)i;
			return true;
		}
	return false;
}

bool view_in_filter(const struct corpus *c, size_t s, size_t filter)
{
	const struct speech *sp = &c->speeches.v[s];

	if (filter == GROUP_ALL)
		return true;
	if (filter == NO_DEPT)
		return sp->dept_count == 0;
	return speech_in_dept(c, sp, filter);
}

/* Union-find over speeches: each set is one person, its root the first. */
static size_t find(size_t *parent, size_t i)
{
	while (parent[i] != i)
		i = parent[i] = parent[parent[i]];
	return i;
}

static void unite(size_t *parent, size_t a, size_t b)
{
	a = find(parent, a);
	b = find(parent, b);
	if (a != b)
		parent[MAX(a, b)] = MIN(a, b); /* the earlier speech stays the root */
}

/* An open-addressing table of (name, department) → the first speech. */
struct slot_table {
	size_t *slot; /* speech + 1, 0: empty */
	size_t mask;
};

/* The slot of (name, dept) (dept NO_DEPT: of the name alone): where its
 * first speech is, or the empty slot to put it in. */
static size_t slot_for(struct slot_table *t, const struct corpus *c, struct str name, size_t dept)
{
	uint64_t h = str_hash(name.s, name.len) ^ ((uint64_t)dept * 0x9E3779B97F4A7C15ull);
	size_t i = (size_t)h & t->mask;

	for (;; i = (i + 1) & t->mask) {
		if (!t->slot[i])
			return i;
		const struct speech *sp = &c->speeches.v[t->slot[i] - 1];
		if (str_eq(sp->speaker, name) && (dept == NO_DEPT || speech_in_dept(c, sp, dept)))
			return i;
	}
}

void people_build(const struct corpus *c, struct people *pp)
{
	size_t n = c->speeches.n, i, k, cap = 16;
	size_t *parent = xmalloc(sizeof(size_t) * (n + 1));
	struct slot_table names_t, depts_t;

	while (cap < 2 * (n + c->speech_depts.n) + 16)
		cap *= 2;
	names_t = (struct slot_table){xcalloc(cap, sizeof(size_t)), cap - 1};
	depts_t = (struct slot_table){xcalloc(cap, sizeof(size_t)), cap - 1};
	for (i = 0; i < n; i++)
		parent[i] = i;
	for (i = 0; i < n; i++) {
		const struct speech *sp = &c->speeches.v[i];
		size_t *first = &names_t.slot[slot_for(&names_t, c, sp->speaker, NO_DEPT)];
		if (!*first)
			*first = i + 1;
		if (sp->dept_count == 0) /* nothing tells it apart: the name's first */
			unite(parent, i, *first - 1);
		for (k = 0; k < sp->dept_count; k++) {
			size_t *same = &depts_t.slot[slot_for(&depts_t, c, sp->speaker, speech_dept(c, sp, k))];
			if (*same)
				unite(parent, i, *same - 1);
			else
				*same = i + 1;
		}
	}
	pp->person_of = xmalloc(sizeof(size_t) * (n + 1));
	pp->first = xmalloc(sizeof(size_t) * (n + 1));
	pp->n = 0;
	for (i = 0; i < n; i++) {
		size_t root = find(parent, i);
		if (root == i) {
			pp->first[pp->n] = i;
			pp->person_of[i] = pp->n++;
		} else {
			pp->person_of[i] = pp->person_of[root]; /* root < i: known */
		}
	}
	free(parent);
	free(names_t.slot);
	free(depts_t.slot);
}

void people_fini(struct people *pp)
{
	free(pp->person_of);
	free(pp->first);
	*pp = (struct people){0};
}

static struct group_row *push_row(struct group *out)
{
	out->v = xgrow(out->v, &out->cap, out->n + 1, sizeof(*out->v));
	return &out->v[out->n++];
}

static void build_pages(const struct corpus *c, size_t filter, struct group *out)
{
	size_t k, s;

	for (k = 0; k < c->colls.n; k++) {
		const struct collection *coll = &c->colls.v[k];
		bool header = false;
		for (s = coll->speech_first; s < coll->speech_first + coll->speech_count; s++) {
			if (!view_in_filter(c, s, filter))
				continue;
			if (!header)
				*push_row(out) = (struct group_row){k, NO_SPEECH};
			header = true;
			*push_row(out) = (struct group_row){NO_DEPT, s};
		}
	}
}

/* A counting sort of the speeches by person, persons in order of their
 * first speech, each person's speeches in collection order. */
static void build_speakers(const struct corpus *c, size_t filter, const struct people *pp,
			   struct group *out)
{
	size_t *next = xcalloc(pp->n + 1, sizeof(size_t)), s, p, base = 0;

	for (s = 0; s < c->speeches.n; s++)
		if (view_in_filter(c, s, filter))
			next[pp->person_of[s]]++;
	for (p = 0; p < pp->n; p++) {
		size_t count = next[p];
		next[p] = count ? base + 1 : (size_t)-1;
		if (count)
			base += count + 1;
	}
	out->v = xgrow(out->v, &out->cap, base, sizeof(*out->v));
	out->n = base;
	for (p = 0; p < pp->n; p++)
		if (next[p] != (size_t)-1)
			out->v[next[p] - 1] = (struct group_row){p, NO_SPEECH};
	for (s = 0; s < c->speeches.n; s++)
		if (view_in_filter(c, s, filter))
			out->v[next[pp->person_of[s]]++] = (struct group_row){NO_DEPT, s};
	free(next);
}

void view_build(const struct corpus *c, enum view v, size_t filter, const struct people *pp,
		struct group *out)
{
	out->n = 0;
	switch (v) {
	case VIEW_PAGE: build_pages(c, filter, out); break;
	case VIEW_SPEAKER: build_speakers(c, filter, pp, out); break;
	default: group_build(c, filter, out); break;
	}
}
