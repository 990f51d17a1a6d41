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
#include "select.h"
#include "view.h"

/* What -d / -s select. */

/* --list and --print in view v's order (--by): --list defaults to the
 * department view, --print to page order. */
void output_list(FILE *out, const struct corpus *c, const struct selection *sel, enum view v);
void output_print(FILE *out, const struct corpus *c, const struct selection *sel,
		  const struct page_opts *opts, enum view v);
/* The parsed collections as JSON (SPEC 2.1): the speeches sel selects (NULL:
 * all), each collection with its parts whatever is selected. */
void output_json(FILE *out, const struct corpus *c, const struct selection *sel);
/* --grep: every occurrence of term, one KWIC line each (SPEC 2.1). */
void output_grep(FILE *out, const struct corpus *c, const struct selection *sel, const char *term,
		 const struct page_opts *opts);
/* The layout chosen for each collection and each speaker line's recogniser
 * (--check writes it to standard error, apart from the findings). */
void output_layouts(FILE *out, const struct corpus *c);
/* Prints every finding; returns the number printed plus those counted. */
size_t output_check(FILE *out, const struct corpus *c);

#endif
