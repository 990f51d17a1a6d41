/*
 * place — the reading place (speech, position in its text, filter, view,
 * marks)
 * remembered per set of collections under $XDG_STATE_HOME/fayan/ (SPEC 4).
 * The key is the files' absolute paths (the bundled collection has its own;
 * standard input is not remembered): its hash names the file, and a second
 * hash and the number of files inside tell collisions apart, so the file
 * stays a few lines long for any number of files. The position is a
 * paragraph and a character in it, so a restart at another width shows the
 * same words. Writes are atomic (temp file + rename). A missing,
 * corrupt or unwritable file is never an error: load says false, save does
 * nothing. Depends on corpus, buf; no curses.
 */
#ifndef FAYAN_PLACE_H
#define FAYAN_PLACE_H

#include <stdbool.h>
#include <stddef.h>

#include "corpus.h"
#include "mark.h"
#include "view.h"

struct place {
	size_t speech;
	size_t para;   /* the paragraph at the top of the view; NO_PARA: a line above them */
	size_t offset; /* characters into that paragraph, or that line's index */
	size_t dept;   /* GROUP_ALL, NO_DEPT (未分部门) or a department */
	enum view view;
	struct mark marks[MARK_COUNT];
};

/* The state file for the collections of c, or NULL when it has none (a
 * collection read from standard input). Caller frees. */
char *place_path(const struct corpus *c);
/* Reads the place; false when missing, unreadable, corrupt, or not for c. */
bool place_load(const char *path, const struct corpus *c, struct place *p);
/* Writes the place atomically; false (and nothing changed) on failure. */
bool place_save(const char *path, const struct corpus *c, const struct place *p);

#endif
