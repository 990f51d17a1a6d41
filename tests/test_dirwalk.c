/*
 * The directory walk (SPEC 2): *.txt files under a directory, recursively,
 * in natural order; hidden entries, other files, FIFOs and a symlink loop
 * skipped; a dangling link reported and the walk going on; files named on
 * the command line kept as given.
 */
#include "tap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "dirwalk.h"
#include "util.h"

static char root[64];

static void touch(const char *rel)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd >= 0)
		close(fd);
}

static void mkdir_in(const char *rel)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	mkdir(path, 0755);
}

static void link_in(const char *target, const char *rel)
{
	char path[256];

	snprintf(path, sizeof(path), "%s/%s", root, rel);
	if (symlink(target, path) != 0)
		perror(path);
}

struct reports {
	struct buf text;
	size_t count;
};

static void note(void *ctx, const char *path, int err)
{
	struct reports *r = ctx;

	buf_addf(&r->text, "%s:%d\n", path + strlen(root) + 1, err);
	r->count++;
}

/* The list, relative to root, one a line. */
static void listing(const struct pathlist *l, struct buf *out)
{
	size_t i;

	buf_clear(out);
	for (i = 0; i < l->n; i++) {
		const char *p = l->v[i];
		buf_addf(out, "%s\n", strncmp(p, root, strlen(root)) == 0 ? p + strlen(root) + 1 : p);
	}
	buf_addc(out, '\0');
}

static void test_natural_order(void)
{
	ok(dirwalk_natural_cmp("第2期.txt", "第10期.txt") < 0, "第2期 before 第10期");
	ok(dirwalk_natural_cmp("a9", "a010") < 0, "9 before 010: by value");
	ok(dirwalk_natural_cmp("a07", "a7") < 0 && dirwalk_natural_cmp("a7", "a07") > 0,
	   "a07 and a7, equal in value, still in one order");
	ok(dirwalk_natural_cmp("a07b", "a7c") < 0, "a07b before a7c: the value first, then the rest");
	ok(dirwalk_natural_cmp("2020/3", "2020/12") < 0, "digits in each component");
	ok(dirwalk_natural_cmp("b", "a10") > 0, "letters bytewise");
	ok(dirwalk_natural_cmp("a", "a1") < 0, "a prefix first");
	is_num(dirwalk_natural_cmp("x12y", "x12y"), 0, "equal");
}

static void test_walk(void)
{
	struct pathlist l = {0};
	struct reports r = {{0}, 0};
	struct buf got = {0};
	char top[128], single[128];

	snprintf(root, sizeof(root), "/tmp/fayan-dirwalk-XXXXXX");
	if (!mkdtemp(root)) {
		ok(0, "a temporary directory");
		return;
	}
	mkdir_in("lib");
	mkdir_in("lib/2020");
	mkdir_in("lib/.hidden");
	touch("lib/第10期.txt");
	touch("lib/第2期.txt");
	touch("lib/2020/第1期.TXT");
	touch("lib/.secret.txt");
	touch("lib/.hidden/x.txt");
	touch("lib/notes.md");
	link_in("..", "lib/2020/up");     /* a loop back to lib */
	link_in("nowhere", "lib/gone.txt"); /* dangling */
	link_in("第2期.txt", "lib/alias.txt"); /* a link to a file: followed */
	char fifo[256];
	snprintf(fifo, sizeof(fifo), "%s/lib/pipe.txt", root);
	mkfifo(fifo, 0644);
	touch("single.txt");

	snprintf(top, sizeof(top), "%s/lib", root);
	snprintf(single, sizeof(single), "%s/single.txt", root);
	char *names[] = {single, top, "-", "/no/such/file.txt"};
	dirwalk_expand(names, 4, &l, note, &r);
	listing(&l, &got);
	is_str(got.data,
	       "single.txt\nlib/2020/第1期.TXT\nlib/alias.txt\nlib/第2期.txt\nlib/第10期.txt\n-\n"
	       "/no/such/file.txt\n",
	       "files as given, the directory's *.txt in natural order; hidden, other, FIFO and "
	       "the loop left out");
	buf_addc(&r.text, '\0');
	is_str(r.text.data, "lib/gone.txt:2\n", "the dangling link reported (ENOENT), once");

	pathlist_fini(&l);
	buf_clear(&r.text);
	r.count = 0;
	char *twice[] = {top, top};
	dirwalk_expand(twice, 2, &l, note, &r);
	is_num(l.n, 4, "a directory named twice is read once");
	pathlist_fini(&l);

	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -r '%s'", root);
	if (system(cmd) != 0)
		perror("rm");
	buf_fini(&got);
	buf_fini(&r.text);
}

/* Thousands of files: all found, in order. */
static void test_many(void)
{
	struct pathlist l = {0};
	struct reports r = {{0}, 0};
	size_t i, ordered = 1;
	char path[128];

	snprintf(root, sizeof(root), "/tmp/fayan-dirwalk-XXXXXX");
	if (!mkdtemp(root))
		return;
	for (i = 0; i < 3000; i++) {
		snprintf(path, sizeof(path), "p%zu.txt", i);
		touch(path);
	}
	char *names[] = {root};
	dirwalk_expand(names, 1, &l, note, &r);
	is_num(l.n, 3000, "3,000 files found");
	for (i = 0; i < l.n && ordered; i++) {
		snprintf(path, sizeof(path), "%s/p%zu.txt", root, i);
		ordered = strcmp(l.v[i], path) == 0;
	}
	ok(ordered, "in natural order (p2 before p10 before p100)");
	pathlist_fini(&l);
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "rm -r '%s'", root);
	if (system(cmd) != 0)
		perror("rm");
	buf_fini(&r.text);
}

/* Many directories, each with a link back to the root (a loop from every
 * one): the set of directories read grows past its first rooms and still
 * answers right; each file once. */
static void test_many_dirs(void)
{
	struct pathlist l = {0};
	struct reports r = {{0}, 0};
	char path[128], cmd[300];
	size_t i;

	snprintf(root, sizeof(root), "/tmp/fayan-dirwalk-XXXXXX");
	if (!mkdtemp(root))
		return;
	for (i = 0; i < 2000; i++) {
		snprintf(path, sizeof(path), "d%zu", i);
		mkdir_in(path);
		snprintf(path, sizeof(path), "d%zu/a.txt", i);
		touch(path);
		snprintf(path, sizeof(path), "d%zu/up", i);
		link_in("..", path);
	}
	char *names[] = {root};
	dirwalk_expand(names, 1, &l, note, &r);
	is_num(l.n, 2000, "2,000 directories, each with a link back to the root: 2,000 files, once each");
	pathlist_fini(&l);
	snprintf(cmd, sizeof(cmd), "rm -r '%s'", root);
	if (system(cmd) != 0)
		perror("rm");
	buf_fini(&r.text);
}

int main(void)
{
	tap_setup();
	test_many_dirs();
	test_natural_order();
	test_walk();
	test_many();
	return done_testing();
}
