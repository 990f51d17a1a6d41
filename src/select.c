#include "select.h"

#include <string.h>

#include "group.h"
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

/*
 * The one name that is query or holds it: an exact name wins; a part that
 * picks out one name picks it. The distinct candidates are counted (a
 * speaker has several speeches); the first few are listed in why.
 */
static bool pick_name(const struct names *ns, const char *query, const char *what, size_t *out,
		      struct buf *why)
{
	struct str q = str_from(query), shown[CANDIDATES_SHOWN];
	size_t i, k, found = 0, count = 0;

	for (i = 0; i < ns->n; i++)
		if (str_eq(name_at(ns, i), q)) {
			*out = i;
			return true;
		}
	for (i = 0; i < ns->n; i++) {
		struct str s = name_at(ns, i);
		if (!str_find(s, q) || (count && str_eq(s, name_at(ns, found))))
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
	if (count == 1) {
		*out = found;
		return true;
	}
	buf_clear(why);
	if (count == 0) {
		buf_addf(why, "no %s matches '%s' (run 'fayan --list' to see them)", what, query);
	} else {
		if (count > CANDIDATES_SHOWN)
			buf_addf(why, "'%s' matches more than %d %ss: ", query, CANDIDATES_SHOWN, what);
		else
			buf_addf(why, "'%s' matches %zu %ss: ", query, count, what);
		for (k = 0; k < MIN(count, (size_t)CANDIDATES_SHOWN); k++) {
			buf_adds(why, k ? ", " : "");
			buf_add(why, shown[k].s, shown[k].len);
		}
		buf_addf(why, "%s; give more of the name", count > CANDIDATES_SHOWN ? ", …" : "");
	}
	buf_addc(why, '\0');
	return false;
}

bool selection_pick(const struct corpus *c, const char *dept, const char *speaker,
		    struct selection *sel, struct buf *why)
{
	size_t i;

	sel->dept = GROUP_ALL;
	sel->speaker = STR_NULL;
	if (dept && strcmp(dept, NO_DEPT_NAME) == 0) {
		sel->dept = NO_DEPT;
	} else if (dept) {
		struct names depts = {c->depts.v, c->depts.n, sizeof(*c->depts.v)};
		if (!pick_name(&depts, dept, "department", &sel->dept, why))
			return false;
	}
	if (speaker) {
		struct names speakers = {&c->speeches.v[0].speaker, c->speeches.n,
					 sizeof(*c->speeches.v)};
		if (!pick_name(&speakers, speaker, "speaker", &i, why))
			return false;
		sel->speaker = c->speeches.v[i].speaker;
	}
	return true;
}
