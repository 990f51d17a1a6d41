/*
 * select — what -d and -s pick out (SPEC 2): a department or speaker by its
 * name or by any part of it that picks out one, and whether a speech is in
 * the selection. The printing modes print the selection; the screen starts
 * at it.
 */
#ifndef FAYAN_SELECT_H
#define FAYAN_SELECT_H

#include <stdbool.h>

#include "buf.h"
#include "corpus.h"
#include "hanfold.h"

struct selection {
	size_t dept;        /* GROUP_ALL, NO_DEPT (未分部门) or a department */
	struct str speaker; /* absent: every speaker */
};

/* Fills sel from the queries (NULL: not given), names and queries folded as
 * search folds them (width, case; 繁简 with han, NULL: not). False, with the
 * reason in why (no match, the candidates shown as a terminal may show
 * them, or a pair that selects no speech). */
bool selection_pick(const struct corpus *c, const char *dept, const char *speaker,
		    const struct hanfold *han, struct selection *sel, struct buf *why);
bool selection_has(const struct corpus *c, const struct selection *sel, size_t speech);

#endif
