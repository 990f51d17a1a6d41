#include "place.h"

#include <fcntl.h>

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "group.h"
#include "util.h"

enum { PLACE_VERSION = 1 };

/* The key: each collection's absolute path, one a line. */
static bool place_key(const struct corpus *c, struct buf *key)
{
	char abs[PATH_MAX];
	size_t i;

	for (i = 0; i < c->colls.n; i++) {
		const char *name = c->colls.v[i].name;
		if (strcmp(name, "-") == 0)
			return false;
		if (strcmp(name, BUNDLED_NAME) == 0)
			buf_adds(key, name);
		else if (realpath(name, abs))
			buf_adds(key, abs);
		else
			return false;
		buf_addc(key, '\n');
	}
	return true;
}

static unsigned long long hash(const char *s, size_t len)
{
	return str_hash(s, len);
}

static void state_dir(struct buf *dir)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		buf_addf(dir, "%s/fayan", xdg);
	else if (home && home[0] == '/')
		buf_addf(dir, "%s/.local/state/fayan", home);
}

char *place_path(const struct corpus *c)
{
	struct buf key = {0}, path = {0};

	if (place_key(c, &key)) {
		state_dir(&path);
		if (path.len)
			buf_addf(&path, "/place-%016llx", hash(key.data, key.len));
	}
	buf_fini(&key);
	if (!path.len) {
		buf_fini(&path);
		return NULL;
	}
	return path.data;
}

/*
 * The file: a version line, the key (to tell hash collisions apart), then
 * "speech INDEX LINE SPEAKER", "scroll N", "dept NAME" or "dept *".
 */
static void format_place(struct buf *out, const struct corpus *c, const struct place *p,
			 const struct buf *key)
{
	const struct speech *s = &c->speeches.v[p->speech];

	size_t start = 0, end;

	buf_addf(out, "fayan-place %d\n", PLACE_VERSION);
	for (; start < key->len; start = end + 1) {
		end = (size_t)((char *)memchr(key->data + start, '\n', key->len - start) - key->data);
		buf_addf(out, "file %.*s\n", (int)(end - start), key->data + start);
	}
	buf_addf(out, "speech %zu %zu\nscroll %zu\n", p->speech, (size_t)s->line, p->scroll);
	if (p->dept >= c->depts.n) /* all, or the 未分部门 group */
		buf_adds(out, "dept *\n");
	else
		buf_addf(out, "dept %.*s\n", (int)c->depts.v[p->dept].len, c->depts.v[p->dept].s);
}

static bool mkdirs(char *dir)
{
	char *slash;

	for (slash = strchr(dir + 1, '/'); slash; slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			*slash = '/';
			return false;
		}
		*slash = '/';
	}
	return mkdir(dir, 0700) == 0 || errno == EEXIST;
}

bool place_save(const char *path, const struct corpus *c, const struct place *p)
{
	struct buf key = {0}, text = {0}, tmp = {0};
	bool ok = false;
	int fd;

	if (!path || p->speech >= c->speeches.n || !place_key(c, &key))
		goto out;
	format_place(&text, c, p, &key);
	buf_adds(&tmp, path);
	*strrchr(tmp.data, '/') = '\0';
	if (!mkdirs(tmp.data))
		goto out;
	buf_clear(&tmp);
	buf_addf(&tmp, "%s.XXXXXX", path);
	fd = mkstemp(tmp.data);
	if (fd < 0)
		goto out;
	ok = write(fd, text.data, text.len) == (ssize_t)text.len;
	ok = close(fd) == 0 && ok;
	ok = ok && rename(tmp.data, path) == 0;
	if (!ok)
		unlink(tmp.data);
out:
	buf_fini(&key);
	buf_fini(&text);
	buf_fini(&tmp);
	return ok;
}

/* The place file, if it is a regular file: a FIFO or a device there must
 * not block the start (opened without blocking, then looked at). */
static char *read_small(const char *path)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	struct buf b = {0};
	struct stat st;
	char chunk[1024];
	size_t n;
	FILE *f;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || !(f = fdopen(fd, "r"))) {
		close(fd);
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && b.len < 65536)
		buf_add(&b, chunk, n);
	fclose(f);
	return b.data;
}

bool place_load(const char *path, const struct corpus *c, struct place *p)
{
	struct buf key = {0}, want = {0}, name = {0};
	char *text = path ? read_small(path) : NULL, *dept;
	size_t speech, line, scroll;
	bool ok = false;

	if (!text || !place_key(c, &key))
		goto out;
	/* The file must say exactly what we would write for some place. */
	/* Fields start lines; a path in a "file" line may hold these words. */
	const char *sp = strstr(text, "\nspeech "), *sc = strstr(text, "\nscroll ");
	if (!sp || sscanf(sp, "\nspeech %zu %zu", &speech, &line) != 2 ||
	    speech >= c->speeches.n || c->speeches.v[speech].line != line)
		goto out;
	if (!sc || sscanf(sc, "\nscroll %zu", &scroll) != 1)
		goto out;
	dept = strstr(text, "\ndept ");
	if (!dept)
		goto out;
	dept += 6;
	buf_add(&name, dept, strcspn(dept, "\n"));
	p->speech = speech;
	p->scroll = scroll;
	p->dept = strcmp(name.data, "*") == 0 ? GROUP_ALL
					       : corpus_find_dept(c, (struct str){name.data, name.len});
	if (p->dept == NO_DEPT)
		goto out;
	format_place(&want, c, p, &key);
	ok = strcmp(want.data, text) == 0;
out:
	free(text);
	buf_fini(&key);
	buf_fini(&want);
	buf_fini(&name);
	return ok;
}
