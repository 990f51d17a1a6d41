/*
 * dirwalk — the command line's names with each directory replaced by the
 * *.txt files under it (SPEC 2): recursively, in natural order of their
 * paths (第2期 before 第10期), hidden entries skipped, a directory reached
 * twice (a symlink loop, or two links to one place) read once, entries that
 * are neither files nor directories (FIFOs, devices) left out. What cannot
 * be read is handed to the caller's report, which is told the path and the
 * error (0: a directory named on the command line holds no *.txt file),
 * and the walk goes on.
 */
#ifndef FAYAN_DIRWALK_H
#define FAYAN_DIRWALK_H

#include <stddef.h>

struct pathlist {
	char **v; /* owned, each owned */
	size_t n, cap;
};

typedef void (*dirwalk_report)(void *ctx, const char *path, int err);

/* Appends names to out, directories expanded. */
void dirwalk_expand(char *const *names, size_t count, struct pathlist *out, dirwalk_report report,
		    void *ctx);
void pathlist_fini(struct pathlist *l);

/* Natural order: runs of ASCII digits compare by value, the rest bytewise. */
int dirwalk_natural_cmp(const char *a, const char *b);

#endif
