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

enum { PLACE_VERSION = 2 };

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

/* A second hash of the key, kept in the file: another file's place whose
 * key hashed to the same name is not taken for this one. */
static uint64_t check_hash(const struct buf *key)
{
	struct buf salted = {0};
	uint64_t h;

	buf_adds(&salted, "fayan-place-key\n");
	buf_add(&salted, key->data, key->len);
	h = str_hash(salted.data, salted.len);
	buf_fini(&salted);
	return h;
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
 * The file: a version line, the key's count of files and second hash, then
 * "speech INDEX LINE", "position PARA OFFSET" (PARA - above the paragraphs),
 * "dept *" (all), "dept -" (未分部门) or "dept NAME", "view NAME", and a
 * line "mark LETTER SPEECH LINE PARA OFFSET" for each mark set.
 */
static void format_place(struct buf *out, const struct corpus *c, const struct place *p,
			 const struct buf *key)
{
	const struct speech *s = &c->speeches.v[p->speech];

	buf_addf(out, "fayan-place %d\nfiles %zu %016llx\n", PLACE_VERSION, c->colls.n,
		 (unsigned long long)check_hash(key));
	buf_addf(out, "speech %zu %zu\n", p->speech, (size_t)s->line);
	if (p->para == NO_PARA)
		buf_addf(out, "position - %zu\n", p->offset);
	else
		buf_addf(out, "position %zu %zu\n", p->para, p->offset);
	if (p->dept == GROUP_ALL || (p->dept >= c->depts.n && p->dept != NO_DEPT))
		buf_adds(out, "dept *\n");
	else if (p->dept == NO_DEPT)
		buf_adds(out, "dept -\n");
	else
		buf_addf(out, "dept %.*s\n", (int)c->depts.v[p->dept].len, c->depts.v[p->dept].s);
	buf_addf(out, "view %s\n", view_name(p->view < VIEW_COUNT ? p->view : VIEW_DEPARTMENT));
	for (size_t k = 0; k < MARK_COUNT; k++) {
		const struct mark *m = &p->marks[k];
		if (!m->set || m->speech >= c->speeches.n)
			continue;
		buf_addf(out, "mark %c %zu %zu ", (char)('a' + k), m->speech,
			 (size_t)c->speeches.v[m->speech].line);
		if (m->para == NO_PARA)
			buf_addf(out, "- %zu\n", m->offset);
		else
			buf_addf(out, "%zu %zu\n", m->para, m->offset);
	}
}

/* The marks' lines; false when one is not for c. What else the text
 * holds is caught when the whole is compared with what would be written. */
static bool parse_marks(const char *text, const struct corpus *c, struct mark *marks)
{
	for (const char *at = strstr(text, "\nmark "); at; at = strstr(at + 1, "\nmark ")) {
		char letter, para[32];
		size_t speech, line, offset;
		if (sscanf(at, "\nmark %c %zu %zu %31s %zu", &letter, &speech, &line, para, &offset) != 5 ||
		    letter < 'a' || letter > 'z' || speech >= c->speeches.n ||
		    c->speeches.v[speech].line != line)
			return false;
		marks[letter - 'a'] = (struct mark){true, speech,
						    strcmp(para, "-") == 0 ? NO_PARA : strtoul(para, NULL, 10),
						    offset};
	}
	return true;
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

enum { PLACE_FILE_MAX = 1 << 16 }; /* ours are a few lines; anything longer is not */

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
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > PLACE_FILE_MAX ||
	    !(f = fdopen(fd, "r"))) {
		close(fd);
		return NULL;
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0 && b.len <= PLACE_FILE_MAX)
		buf_add(&b, chunk, n);
	fclose(f);
	if (b.len > PLACE_FILE_MAX) {
		buf_fini(&b);
		return NULL;
	}
	buf_addc(&b, '\0');
	return b.data;
}

bool place_load(const char *path, const struct corpus *c, struct place *p)
{
	struct buf key = {0}, want = {0}, name = {0};
	char *text = path ? read_small(path) : NULL, *field;
	size_t speech, line;
	char para[32], view[32];
	bool ok = false;

	if (!text || !place_key(c, &key))
		goto out;
	/* Fields start lines; each is read, then the file must be exactly what
	 * we would write for that place. */
	const char *sp = strstr(text, "\nspeech "), *pos = strstr(text, "\nposition ");
	const char *vw = strstr(text, "\nview ");
	if (!sp || sscanf(sp, "\nspeech %zu %zu", &speech, &line) != 2 ||
	    speech >= c->speeches.n || c->speeches.v[speech].line != line)
		goto out;
	if (!pos || sscanf(pos, "\nposition %31s %zu", para, &p->offset) != 2)
		goto out;
	if (!vw || sscanf(vw, "\nview %31s", view) != 1 || !view_parse(view, &p->view))
		goto out;
	field = strstr(text, "\ndept ");
	if (!field)
		goto out;
	field += 6;
	buf_add(&name, field, strcspn(field, "\n"));
	buf_addc(&name, '\0');
	p->speech = speech;
	p->para = strcmp(para, "-") == 0 ? NO_PARA : strtoul(para, NULL, 10);
	memset(p->marks, 0, sizeof(p->marks));
	if (!parse_marks(text, c, p->marks))
		goto out;
	if (strcmp(name.data, "*") == 0)
		p->dept = GROUP_ALL;
	else if (strcmp(name.data, "-") == 0)
		p->dept = NO_DEPT;
	else if ((p->dept = corpus_find_dept(c, (struct str){name.data, name.len - 1})) == NO_DEPT)
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
