#include "select.h"

#include <string.h>

#include "group.h"
#include "search.h"
#include "text.h"
#include "util.h"

bool selection_has(const struct corpus *c, const struct selection *sel, size_t speech)
{
	const struct speech *s = &c->speeches.v[speech];

	if (sel->speaker.s && !str_eq(sel->speaker, s->speaker))
		return false;
	return sel->dept == GROUP_ALL || speech_in_dept(c, s, sel->dept);
}

/* Names to choose one from by a part of it, as the screen's s does. */
struct names {
	const struct str *v;
	size_t n, stride; /* bytes from one name to the next */
};

static struct str name_at(const struct names *ns, size_t i)
{
	return *(const struct str *)(const void *)((const char *)ns->v + i * ns->stride);
}

enum { CANDIDATES_SHOWN = 10 };

/* s as a name is matched (SPEC 3.2): width, case and 繁简 folded per
 * character, into out (cleared). */
static struct str folded(const struct hanfold *han, struct str s, struct buf *out)
{
	size_t i = 0;
	uint32_t uc;

	buf_clear(out);
	while (i < s.len) {
		i += text_next(s.s + i, s.len - i, &uc);
		uc = search_fold(uc);
		if (han)
			uc = hanfold_simplify(han, uc);
		buf_add_uc(out, uc);
	}
	return (struct str){out->data, out->len};
}

/* Appends s to why as a terminal may show it (SPEC 3.5: a name from a
 * corpus, or a query, never writes an escape to stderr). */
static void add_shown(struct buf *why, struct str s)
{
	text_display(why, s.s, s.len, false);
}

/*
 * The one name that is query or holds it, both folded: an exact name wins;
 * a part that picks out one name picks it. The distinct candidates are
 * counted (a speaker has several speeches); the first few are listed in why.
 */
static bool pick_name(const struct names *ns, const char *query, const char *what,
		      const struct hanfold *han, size_t *out, struct buf *why)
{
	struct str shown[CANDIDATES_SHOWN];
	struct buf qb = {0}, nb = {0};
	struct str q = folded(han, str_from(query), &qb);
	size_t i, k, found = 0, count = 0, exact = SIZE_MAX;

	for (i = 0; i < ns->n && exact == SIZE_MAX; i++)
		if (str_eq(folded(han, name_at(ns, i), &nb), q))
			exact = i;
	for (i = 0; i < ns->n && exact == SIZE_MAX; i++) {
		struct str s = name_at(ns, i);
		if (!str_find(folded(han, s, &nb), q) || (count && str_eq(s, name_at(ns, found))))
			continue;
		for (k = 0; k < MIN(count, (size_t)CANDIDATES_SHOWN) && !str_eq(shown[k], s); k++)
			;
		if (k < MIN(count, (size_t)CANDIDATES_SHOWN))
			continue; /* a name seen already */
		if (count < CANDIDATES_SHOWN)
			shown[count] = s;
		count++;
		found = i;
	}
	buf_fini(&qb);
	buf_fini(&nb);
	if (exact != SIZE_MAX || count == 1) {
		*out = exact != SIZE_MAX ? exact : found;
		return true;
	}
	buf_clear(why);
	if (count == 0) {
		buf_addf(why, "no %s matches '", what);
		add_shown(why, str_from(query));
		buf_adds(why, "' (run 'fayan --list' to see them)");
	} else {
		buf_adds(why, "'");
		add_shown(why, str_from(query));
		if (count > CANDIDATES_SHOWN)
			buf_addf(why, "' matches more than %d %ss: ", CANDIDATES_SHOWN, what);
		else
			buf_addf(why, "' matches %zu %ss: ", count, what);
		for (k = 0; k < MIN(count, (size_t)CANDIDATES_SHOWN); k++) {
			buf_adds(why, k ? ", " : "");
			add_shown(why, shown[k]);
		}
		buf_addf(why, "%s; give more of the name", count > CANDIDATES_SHOWN ? ", …" : "");
	}
	buf_addc(why, '\0');
	return false;
}

/* Whether any speech is in the selection. */
static bool selects_any(const struct corpus *c, const struct selection *sel)
{
	for (size_t i = 0; i < c->speeches.n; i++)
		if (selection_has(c, sel, i))
			return true;
	return false;
}

bool selection_pick(const struct corpus *c, const char *dept, const char *speaker,
		    const struct hanfold *han, struct selection *sel, struct buf *why)
{
	size_t i;

	sel->dept = GROUP_ALL;
	sel->speaker = STR_NULL;
	if (dept && strcmp(dept, NO_DEPT_NAME) == 0) {
		sel->dept = NO_DEPT;
	} else if (dept) {
		struct names depts = {c->depts.v, c->depts.n, sizeof(*c->depts.v)};
		if (!pick_name(&depts, dept, "department", han, &sel->dept, why))
			return false;
	}
	if (speaker) {
		struct names speakers = {&c->speeches.v[0].speaker, c->speeches.n,
					 sizeof(*c->speeches.v)};
		if (!pick_name(&speakers, speaker, "speaker", han, &i, why))
			return false;
		sel->speaker = c->speeches.v[i].speaker;
	}
	if (dept && speaker && !selects_any(c, sel)) {
		buf_clear(why);
		buf_adds(why, "no speech of ");
		add_shown(why, sel->speaker);
		buf_adds(why, " is in ");
		add_shown(why, sel->dept == NO_DEPT ? str_from(NO_DEPT_NAME) : c->depts.v[sel->dept]);
		buf_addc(why, '\0');
		return false;
	}
	return true;
}
