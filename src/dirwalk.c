#include "dirwalk.h"

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "buf.h"
#include "util.h"

struct dir_id {
	dev_t dev;
	ino_t ino;
};

/* Every directory read so far, hashed by (device, inode) with open
 * addressing: a tree of 100,000 directories is a look-up each, not a scan
 * of all before it. */
struct dir_set {
	struct dir_id *v; /* cap slots (a power of two), used[i] when slot i holds one */
	bool *used;
	size_t n, cap;
};

struct walk {
	struct pathlist *out;
	dirwalk_report report;
	void *ctx;
	struct dir_set seen;
};

static void push(struct pathlist *l, char *path)
{
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof(*l->v));
	l->v[l->n++] = path;
}

void pathlist_fini(struct pathlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	*l = (struct pathlist){0};
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

int dirwalk_natural_cmp(const char *a, const char *b)
{
	const char *a0 = a, *b0 = b;

	while (*a && *b) {
		if (is_digit(*a) && is_digit(*b)) {
			const char *ea = a, *eb = b;
			while (*a == '0' && is_digit(a[1]))
				a++;
			while (*b == '0' && is_digit(b[1]))
				b++;
			for (ea = a; is_digit(*ea); ea++)
				;
			for (eb = b; is_digit(*eb); eb++)
				;
			if (ea - a != eb - b)
				return ea - a < eb - b ? -1 : 1; /* fewer digits, smaller */
			int c = memcmp(a, b, (size_t)(ea - a));
			if (c)
				return c;
			a = ea, b = eb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++, b++;
	}
	if (*a || *b)
		return *a ? 1 : -1;
	return strcmp(a0, b0); /* a07 and a7: equal in value, still an order */
}

/* A directory's entry: its name and the type readdir gave (DT_UNKNOWN where
 * the file system gives none). */
struct entry {
	char *name;
	unsigned char type;
};

static int natural_entry_cmp(const void *x, const void *y)
{
	return dirwalk_natural_cmp(((const struct entry *)x)->name, ((const struct entry *)y)->name);
}

static bool is_txt(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && strcasecmp(name + n - 4, ".txt") == 0;
}

static size_t dir_slot(const struct dir_set *set, struct dir_id id)
{
	uint64_t h = ((uint64_t)id.ino * 0x9E3779B97F4A7C15u) ^ ((uint64_t)id.dev * 0xC2B2AE3D27D4EB4Fu);
	size_t i = (size_t)(h >> 20) & (set->cap - 1);

	while (set->used[i] && (set->v[i].dev != id.dev || set->v[i].ino != id.ino))
		i = (i + 1) & (set->cap - 1);
	return i;
}

/* Twice the room, every directory put again (the table never passes half full). */
static void dir_set_grow(struct dir_set *set)
{
	struct dir_set bigger = {.cap = set->cap ? set->cap * 2 : 64};

	bigger.v = xcalloc(bigger.cap, sizeof(*bigger.v));
	bigger.used = xcalloc(bigger.cap, sizeof(*bigger.used));
	for (size_t i = 0; i < set->cap; i++)
		if (set->used[i]) {
			size_t k = dir_slot(&bigger, set->v[i]);
			bigger.v[k] = set->v[i];
			bigger.used[k] = true;
			bigger.n++;
		}
	free(set->v);
	free(set->used);
	*set = bigger;
}

/* Whether the directory was read already; else it is marked read. */
static bool seen_before(struct walk *w, const struct stat *sb)
{
	struct dir_id id = {sb->st_dev, sb->st_ino};
	struct dir_set *set = &w->seen;
	size_t i;

	if ((set->n + 1) * 2 > set->cap)
		dir_set_grow(set);
	i = dir_slot(set, id);
	if (set->used[i])
		return true;
	set->v[i] = id;
	set->used[i] = true;
	set->n++;
	return false;
}

static void walk_dir(struct walk *w, const char *dir);

/* One entry of a directory: a *.txt file is taken, a directory walked. A
 * regular file is known from readdir's type without a stat of its own (a
 * library is thousands of them; the loader's fstat follows anyway). */
static void walk_entry(struct walk *w, char *path, const char *name, unsigned char type)
{
	struct stat sb;

	if (type == DT_REG) {
		if (is_txt(name))
			push(w->out, path);
		else
			free(path);
		return;
	}
	if (stat(path, &sb) != 0) {
		/* A *.txt that cannot be reached (a dangling link) is reported, and
		 * so is a directory (a parent without search permission, a path
		 * past PATH_MAX): its files would be lost without a word. */
		if (is_txt(name) || type == DT_DIR || type == DT_UNKNOWN)
			w->report(w->ctx, path, errno);
		free(path);
		return;
	}
	if (S_ISDIR(sb.st_mode)) {
		if (!seen_before(w, &sb))
			walk_dir(w, path);
		free(path);
	} else if (S_ISREG(sb.st_mode) && is_txt(name)) {
		push(w->out, path);
	} else {
		free(path);
	}
}

static void walk_dir(struct walk *w, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	VEC(struct entry) names = {0};
	size_t i, dir_len = strlen(dir);

	if (!d) {
		w->report(w->ctx, dir, errno);
		return;
	}
	while ((e = readdir(d)))
		if (e->d_name[0] != '.') /* hidden, and . and .. */
			*VEC_PUSH(&names) = (struct entry){xstrdup(e->d_name), e->d_type};
	closedir(d);
	if (names.n > 1)
		qsort(names.v, names.n, sizeof(*names.v), natural_entry_cmp);
	for (i = 0; i < names.n; i++) {
		size_t len = strlen(names.v[i].name);
		bool slash = dir_len && dir[dir_len - 1] == '/';
		char *path = xmalloc(dir_len + 1 + len + 1);
		memcpy(path, dir, dir_len);
		if (!slash)
			path[dir_len] = '/';
		memcpy(path + dir_len + !slash, names.v[i].name, len + 1);
		walk_entry(w, path, names.v[i].name, names.v[i].type);
		free(names.v[i].name);
	}
	free(names.v);
}

void dirwalk_expand(char *const *names, size_t count, struct pathlist *out, dirwalk_report report,
		    void *ctx)
{
	struct walk w = {out, report, ctx, {0}};
	struct stat sb;
	size_t i;

	for (i = 0; i < count; i++) {
		/* "-" and files stay as given; a name that cannot be opened too,
		 * so that its error is the loader's, as for any file. */
		if (strcmp(names[i], "-") != 0 && stat(names[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
			size_t before = out->n;
			if (!seen_before(&w, &sb))
				walk_dir(&w, names[i]);
			if (out->n == before)
				report(ctx, names[i], 0);
			continue;
		}
		push(out, xstrdup(names[i]));
	}
	free(w.seen.v);
	free(w.seen.used);
}
