/*
 * place — the reading place (speech, scroll, filter) remembered per set of
 * collections under $XDG_STATE_HOME/fayan/ (SPEC 4). The key is the files'
 * absolute paths (the bundled collection has its own; standard input is
 * not remembered). Writes are atomic (temp file + rename). A missing,
 * corrupt or unwritable file is never an error: load says false, save does
 * nothing. Depends on corpus, buf; no curses.
 */
#ifndef FAYAN_PLACE_H
#define FAYAN_PLACE_H

#include <stdbool.h>
#include <stddef.h>

#include "corpus.h"

struct place {
	size_t speech, scroll;
	size_t dept; /* GROUP_ALL or a department */
};

/* The state file for the collections of c, or NULL when it has none (a
 * collection read from standard input). Caller frees. */
char *place_path(const struct corpus *c);
/* Reads the place; false when missing, unreadable, corrupt, or not for c. */
bool place_load(const char *path, const struct corpus *c, struct place *p);
/* Writes the place atomically; false (and nothing changed) on failure. */
bool place_save(const char *path, const struct corpus *c, const struct place *p);

#endif
