#include "userfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load.h"
#include "util.h"

enum { EXIT_NOTHING = 1 };

static void report_lexicon_line(void *ctx, size_t line)
{
	fprintf(stderr, "%s: %s:%zu: not a known [section]; its entries are skipped\n",
		util_progname, (const char *)ctx, line);
}

/*
 * A file of the user's: named on the command line, else LEAF under
 * $XDG_CONFIG_HOME/fayan (default ~/.config/fayan). Reads it into *bytes;
 * false when there is none. A named file that cannot be read is an error;
 * the default one only when it exists and cannot be read.
 */
static bool read_user_file(const char *named, const char *leaf, char *path, size_t size,
			   char **bytes, size_t *len)
{
	const char *home = getenv("HOME"), *config = getenv("XDG_CONFIG_HOME");
	struct stat sb;
	int fd;

	if (named)
		snprintf(path, size, "%s", named);
	else if (config && *config)
		snprintf(path, size, "%s/fayan/%s", config, leaf);
	else if (home && *home)
		snprintf(path, size, "%s/.config/fayan/%s", home, leaf);
	else
		return false;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		if (named || errno != ENOENT)
			die(EXIT_NOTHING, "%s: %s", path, strerror(errno));
		return false;
	}
	/* Not a FIFO or a device: reading one could wait for ever. */
	if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		die(EXIT_NOTHING, "%s: not a regular file", path);
	}
	if (!load_fd(fd, bytes, len)) {
		close(fd);
		die(EXIT_NOTHING, "%s: %s", path, strerror(errno));
	}
	close(fd);
	return true;
}

/* The user's own word lists add to the built-in ones: --lexicon FILE, else
 * $XDG_CONFIG_HOME/fayan/lexicon.txt. A bad line is reported and skipped. */
void userfile_lexicon(struct lexicon *lex, const char *named)
{
	char path[4096], *bytes;
	size_t len;

	if (!read_user_file(named, "lexicon.txt", path, sizeof(path), &bytes, &len))
		return;
	lexicon_add(lex, bytes, len, report_lexicon_line, path);
	free(bytes);
}

void userfile_config(struct config *cfg, const char *named)
{
	char path[4096], *bytes;
	size_t len;

	if (!read_user_file(named, "config", path, sizeof(path), &bytes, &len))
		return;
	config_parse(cfg, path, bytes, len, stderr);
	free(bytes);
}
