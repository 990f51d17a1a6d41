/*
 * load — reads the collections named on the command line into one corpus
 * (SPEC 2): files with read() (SPEC 1.4), "-" from standard input, nothing
 * given: the bundled collection. A large file is read into 2 MiB pages, in
 * two halves at once, each checked as UTF-8 as it comes (utf8scan); small
 * ones one after another into the corpus's text blocks. Errors of one file
 * are reported and the rest load. Depends on parse, corpus, assets, utf8scan.
 */
#ifndef FAYAN_LOAD_H
#define FAYAN_LOAD_H

#include <stdatomic.h>
#include <stdbool.h>

#include "corpus.h"
#include "parse.h"
#include "utf8scan.h"


/* The largest collection read (SPEC 3.5): the model's 32-bit offsets index
 * 4 GiB of text, and decoding may triple invalid bytes (U+FFFD). */
#define LOAD_MAX_BYTES ((size_t)1 << 30)

/* Reads all of fd into a malloc'd buffer; false with errno on failure
 * (EFBIG past LOAD_MAX_BYTES). */
bool load_fd(int fd, char **bytes, size_t *len);
/* The same; a large regular file is checked as UTF-8 as it is read, and
 * *check then covers it (complete); else *check is left as it was. What is
 * read is added to *bytes_read as it comes (unless NULL). */
bool load_fd_checked(int fd, char **bytes, size_t *len, struct utf8_tally *check,
		     atomic_size_t *bytes_read);

/* How far a load has come, written by the load as it goes and read by a
 * watcher on another thread (progress.h); relaxed atomics: each figure
 * alone is right, the three together only nearly. */
struct load_count {
	atomic_size_t files_total; /* the files to read, once the names are walked */
	atomic_size_t files_done;
	atomic_size_t bytes_read;
};

/* Why u gave nothing, in English (standard error) or Chinese (the screen's
 * ! list): one catalogue. buf (size bytes) may hold the words. */
const char *load_unusable_text(const struct unusable *u, bool chinese, char *buf, size_t size);

/*
 * Loads each name (or the bundled collection when name_count is 0) into c,
 * each directory as the *.txt files under it (dirwalk). A file that cannot
 * be read, or gives no speeches, is recorded in c->unusable, not printed.
 * Returns the number of files that could not be read; *count says how far
 * it has come as it goes.
 */
size_t load_all(struct corpus *c, char **names, size_t name_count, const struct parse_opts *opts,
		struct load_count *count);

#endif
