#include "userfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load.h"
#include "text.h"
#include "util.h"

enum { EXIT_NOTHING = 1 };

static void report_lexicon_line(void *ctx, size_t line)
{
	fprintf(stderr, "%s: %s:%zu: not a known [section]; its entries are skipped\n",
		util_progname, (const char *)ctx, line);
}

/* The path of the user's file (see read_user_file); false when there is
 * no place to look. */
static bool open_user_file(const char *named, const char *leaf, char *path, size_t size)
{
	const char *home = getenv("HOME"), *config = getenv("XDG_CONFIG_HOME");

	if (named)
		snprintf(path, size, "%s", named);
	else if (config && *config)
		snprintf(path, size, "%s/fayan/%s", config, leaf);
	else if (home && *home)
		snprintf(path, size, "%s/.config/fayan/%s", home, leaf);
	else
		return false;
	return true;
}

/* Reads path (shown as shown in messages); false when it is not there and
 * need not be. */
static bool read_named(const char *path, const char *shown, bool named, char **bytes, size_t *len)
{
	struct stat sb;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0) {
		if (named || errno != ENOENT)
			die(EXIT_NOTHING, "%s: %s", shown, strerror(errno));
		return false;
	}
	/* Not a FIFO or a device: reading one could wait for ever. */
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		die(EXIT_NOTHING, "%s: not a regular file", shown);
	}
	if (!load_fd(fd, bytes, len)) {
		close(fd);
		die(EXIT_NOTHING, "%s: %s", shown, strerror(errno));
	}
	close(fd);
	return true;
}

/*
 * A file of the user's: named on the command line, else LEAF under
 * $XDG_CONFIG_HOME/fayan (default ~/.config/fayan). Reads it into *bytes;
 * false when there is none. A named file that cannot be read is an error;
 * the default one only when it exists and cannot be read. *shown is its
 * name as a terminal may show it (SPEC 4: a name never writes an escape),
 * malloc'd when it returns true.
 */
static bool read_user_file(const char *named, const char *leaf, char **shown, char **bytes,
			   size_t *len)
{
	char path[4096];
	bool ok;

	if (!open_user_file(named, leaf, path, sizeof(path)))
		return false;
	*shown = text_shown_name(path);
	ok = read_named(path, *shown, named != NULL, bytes, len);
	if (!ok)
		free(*shown);
	return ok;
}

/* The user's own word lists add to the built-in ones: --lexicon FILE, else
 * $XDG_CONFIG_HOME/fayan/lexicon.txt. A bad line is reported and skipped. */
void userfile_lexicon(struct lexicon *lex, const char *named)
{
	char *shown, *bytes;
	size_t len;

	if (!read_user_file(named, "lexicon.txt", &shown, &bytes, &len))
		return;
	lexicon_add(lex, bytes, len, report_lexicon_line, shown);
	free(bytes);
	free(shown);
}

void userfile_config(struct config *cfg, const char *named)
{
	char *shown, *bytes;
	size_t len;

	if (!read_user_file(named, "config", &shown, &bytes, &len))
		return;
	config_parse(cfg, shown, bytes, len, stderr);
	free(bytes);
	free(shown);
}
