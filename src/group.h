/*
 * group — the list pane's rows and --list's grouping: departments in
 * first-appearance order, each followed by its (department, speech) rows;
 * speeches without a department last, under NO_DEPT.
 *
 * The caller owns the struct; group_fini frees its rows. Depends on corpus.
 */
#ifndef FAYAN_GROUP_H
#define FAYAN_GROUP_H

#include <stddef.h>

#include "corpus.h"

#define GROUP_ALL ((size_t)-2)
#define NO_SPEECH ((size_t)-1)

struct group_row {
	size_t dept;   /* NO_DEPT: the 未分部门 group */
	size_t speech; /* NO_SPEECH: the department's header row */
};

struct group {
	struct group_row *v;
	size_t n, cap;
};

/* Rows of every department, or only of dept (GROUP_ALL: all). */
void group_build(const struct corpus *c, size_t dept, struct group *out);
void group_fini(struct group *g);

#endif
