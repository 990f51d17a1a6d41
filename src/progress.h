/*
 * progress — a long load shown on the screen (SPEC 3: a load that takes
 * longer than half a second shows its progress, files and megabytes read,
 * and can be stopped with Ctrl-C; the printing modes show none).
 *
 * The load runs beside a watch of the terminal, a fork-join of two. The
 * watch waits on a pipe the load writes to when it is done; after half a
 * second it opens the screen (the browser then finds it open) and shows how
 * far the load has come, ten times a second. Ctrl-C, SIGTERM or a hang-up
 * end the process as they would end the browser, the terminal restored;
 * q quits; any other key is kept for the browser. Depends on load, tui.
 */
#ifndef FAYAN_PROGRESS_H
#define FAYAN_PROGRESS_H

#include <stddef.h>

#include "load.h"
#include "tui.h"

/* What load_all is asked to load. */
struct load_request {
	struct corpus *c;
	char **names;
	size_t name_count;
	const struct parse_opts *opts;
};

/* load_all, its progress on the screen (opened with topts) if it runs
 * long; returns what load_all returns. */
size_t progress_load(const struct load_request *req, const struct tui_opts *topts);

#endif
