/*
 * mark — a reader's marks (SPEC 3.1 m and '): a place in a speech's text
 * under a letter, kept by the state and remembered with the place (SPEC 4).
 * Only the type; no code.
 */
#ifndef FAYAN_MARK_H
#define FAYAN_MARK_H

#include <stdbool.h>
#include <stddef.h>

enum { MARK_COUNT = 26 }; /* a to z */

struct mark {
	bool set;
	size_t speech;
	size_t para;   /* as an anchor's (state.h): NO_PARA, a line outside the paragraphs */
	size_t offset;
};

#endif
