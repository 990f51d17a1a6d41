/*
 * mapfile — a large regular file mapped rather than read, for the printing
 * modes (--check, --list, --print, --json, --grep), which read a text once
 * and exit: the text is the page cache's own pages, not a copy into fresh
 * memory that the kernel must clear first (SPEC 5's load yardstick).
 *
 * A file cut short while it is mapped faults (SIGBUS) where its pages are
 * gone; the handler names the file on stderr and ends the process with
 * status 1, as a file that cannot be read does. The screen never maps: it
 * keeps a text for hours, while the file may change under it. (SPEC 1.4
 * asks for read() because a mapped file that shrinks would crash the
 * reader; here it cannot, and the load costs a copy less: at 100 MB the
 * copy and the clearing of its fresh pages were an eighth of it.)
 *
 * The handler can only find the mappings through this module's own table,
 * the one state here not handed in: a signal handler is given none.
 * Depends on nothing of fayan's.
 */
#ifndef FAYAN_MAPFILE_H
#define FAYAN_MAPFILE_H

#include <stdbool.h>
#include <stddef.h>

/* Files below this size are read: a mapping costs more than it saves. */
#define MAPFILE_MIN_BYTES ((size_t)1 << 20)

/* Maps size bytes of fd, writable in private (a TAB may become a space);
 * name is shown if the file is cut short. False when the file cannot be
 * mapped (then it is read). */
bool mapfile_map(int fd, const char *name, size_t size, char **data);

/* Unmaps what mapfile_map mapped (size as given there). */
void mapfile_unmap(char *data, size_t size);

#endif
