#include "load.h"

#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assets.h"

bool load_fd(int fd, char **bytes, size_t *len)
{
	struct stat st;
	size_t cap = 64 * 1024, n = 0;
	char *data;
	ssize_t got;

	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			return false;
		}
		/* One read of the size fstat says; the loop still copes with
		 * a file that grows or shrinks meanwhile. */
		if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > LOAD_MAX_BYTES) {
			errno = EFBIG;
			return false;
		}
		if (S_ISREG(st.st_mode) && st.st_size > 0)
			cap = (size_t)st.st_size + 1;
	}
	data = xmalloc(cap);
	util_hint_huge(data, cap);
	for (;;) {
		if (n > LOAD_MAX_BYTES) { /* endless input (/dev/zero) stops here */
			free(data);
			errno = EFBIG;
			return false;
		}
		if (n == cap)
			data = xgrow(data, &cap, cap + 1, 1);
		got = read(fd, data + n, cap - n);
		if (got == 0)
			break;
		if (got < 0) {
			if (errno == EINTR)
				continue;
			int saved = errno;
			free(data);
			errno = saved;
			return false;
		}
		n += (size_t)got;
	}
	*bytes = data;
	*len = n;
	return true;
}

static bool load_path(const char *path, char **bytes, size_t *len)
{
	int fd;
	bool ok;

	if (strcmp(path, "-") == 0)
		return load_fd(STDIN_FILENO, bytes, len);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return false;
	ok = load_fd(fd, bytes, len);
	int saved = errno;
	close(fd);
	errno = saved;
	return ok;
}

size_t load_all(struct corpus *c, char **names, size_t name_count, const struct parse_opts *opts)
{
	size_t i, failed = 0, len;
	char *bytes;

	if (name_count == 0) {
		len = asset_collection_len;
		bytes = xmemdup((const char *)asset_collection, len);
		parse_collection(c, BUNDLED_NAME, bytes, len, opts);
		return 0;
	}
	for (i = 0; i < name_count; i++) {
		if (!load_path(names[i], &bytes, &len)) {
			int err = errno;
			char *shown = text_shown_name(names[i]);
			if (err == EFBIG)
				fprintf(stderr, "%s: %s: too large (%u MiB at most)\n", util_progname, shown,
					(unsigned)(LOAD_MAX_BYTES >> 20));
			else
				fprintf(stderr, "%s: %s: %s\n", util_progname, shown, strerror(err));
			free(shown);
			failed++;
			continue;
		}
		parse_collection(c, names[i], bytes, len, opts);
	}
	return failed;
}
