/*
 * output — the printing modes of SPEC 2.1: --list, --print, --json, --check.
 * Each writes to out and never an escape sequence. Depends on corpus, group,
 * page; never on curses.
 */
#ifndef FAYAN_OUTPUT_H
#define FAYAN_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "corpus.h"
#include "page.h"

/* What -d / -s select. */
struct selection {
	size_t dept;       /* GROUP_ALL, NO_DEPT (未分部门) or a department */
	struct str speaker; /* absent: every speaker */
};

bool selection_has(const struct corpus *c, const struct selection *sel, size_t speech);

void output_list(FILE *out, const struct corpus *c, const struct selection *sel);
void output_print(FILE *out, const struct corpus *c, const struct selection *sel,
		  const struct page_opts *opts);
void output_json(FILE *out, const struct corpus *c);
/* --grep: every occurrence of term, one KWIC line each (SPEC 2.1). */
void output_grep(FILE *out, const struct corpus *c, const struct selection *sel, const char *term,
		 const struct page_opts *opts);
/* The layout chosen for each collection and each speaker line's recogniser
 * (--check writes it to standard error, apart from the findings). */
void output_layouts(FILE *out, const struct corpus *c);
/* Prints every finding; returns the number printed plus those counted. */
size_t output_check(FILE *out, const struct corpus *c);

#endif
