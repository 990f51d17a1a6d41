/* The remembered place (SPEC 4): saved and read back, atomically; a
 * corrupt, foreign or unwritable file is no error. */
#include "tap.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assets.h"
#include "group.h"
#include "helpers.h"
#include "load.h"
#include "place.h"

static struct corpus *bundled(void)
{
	struct corpus *c = corpus_new();
	struct parse_opts o = {.lex = test_lex, .repair = true};

	load_all(c, NULL, 0, &o, &(struct load_count){0});
	return c;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

/* The whole file, or NULL. */
static char *read_text(const char *path)
{
	FILE *f = fopen(path, "r");
	char *text = f ? xcalloc(1, 4096) : NULL;

	if (f) {
		if (fread(text, 1, 4095, f) == 0)
			text[0] = '\0';
		fclose(f);
	}
	return text;
}

/* 5,000 files: the place is saved and restored, and its file stays small. */
static void test_many_files(const char *dir)
{
	enum { FILES = 5000 };
	struct corpus *c = corpus_new();
	struct parse_opts o = {.lex = test_lex, .repair = true};
	static const char page[] = "题\n\n标题\n\n市财政局局长**王强**：正文。\n";
	struct place in = {4321, 0, 3, GROUP_ALL, VIEW_DEPARTMENT, {{0}}}, out = {0};
	char name[256];
	struct stat sb;
	size_t i;

	snprintf(name, sizeof(name), "%s/state", dir);
	setenv("XDG_STATE_HOME", name, 1);
	for (i = 0; i < FILES; i++) {
		snprintf(name, sizeof(name), "%s/f%zu.txt", dir, i);
		write_file(name, page);
		parse_collection(c, name, xstrdup(page), strlen(page), &o);
	}
	char *path = place_path(c);
	ok(place_save(path, c, &in), "5,000 files: saved");
	ok(place_load(path, c, &out) && out.speech == 4321 && out.offset == 3,
	   "and restored");
	ok(stat(path, &sb) == 0 && sb.st_size < 200, "in a file of a few lines (%lld bytes)",
	   (long long)sb.st_size);
	snprintf(name, sizeof(name), "%s/f%d.txt", dir, FILES - 1);
	unlink(name);
	free(c->colls.v[FILES - 1].name);
	c->colls.v[FILES - 1].name = xstrdup(c->colls.v[0].name); /* another set of files */
	char *other = place_path(c);
	ok(other && strcmp(other, path) != 0, "another set of files has another place");
	free(other);
	free(path);
	corpus_free(c);
}

int main(void)
{
	char dir[] = "/tmp/fayan-place-XXXXXX", env[128];
	struct corpus *c;
	struct place in = {3, 1, 7, 2, VIEW_PAGE, {{0}}}, out = {0};
	char *path;

	tap_setup();
	test_lex = lexicon_builtin();
	c = bundled();
	ok(mkdtemp(dir) != NULL, "a state directory");
	snprintf(env, sizeof(env), "%s/state", dir);
	setenv("XDG_STATE_HOME", env, 1);
	path = place_path(c);
	ok(path && strncmp(path, env, strlen(env)) == 0, "the file lives under $XDG_STATE_HOME/fayan");
	ok(!place_load(path, c, &out), "nothing saved yet: no place");
	ok(place_save(path, c, &in), "saved (the directories are made)");
	ok(place_load(path, c, &out) && out.speech == 3 && out.para == 1 && out.offset == 7 &&
		   out.dept == 2 && out.view == VIEW_PAGE,
	   "read back: speech, paragraph and character, filter, view");
	in.dept = GROUP_ALL;
	place_save(path, c, &in);
	ok(place_load(path, c, &out) && out.dept == GROUP_ALL, "no filter read back as none");
	in = (struct place){5, NO_PARA, 2, NO_DEPT, VIEW_SPEAKER, {{0}}};
	place_save(path, c, &in);
	ok(place_load(path, c, &out) && out.dept == NO_DEPT && out.para == NO_PARA &&
		   out.offset == 2 && out.view == VIEW_SPEAKER,
	   "the (未分部门) filter and a line above the paragraphs come back as they were");
	in = (struct place){3, 1, 7, 2, VIEW_PAGE, {{0}}};

	/* Marks (SPEC 3.1 m, '): remembered with the place, letter by letter. */
	in.marks[0] = (struct mark){true, 5, 2, 9};
	in.marks[25] = (struct mark){true, 1, NO_PARA, 1};
	place_save(path, c, &in);
	out = (struct place){0};
	ok(place_load(path, c, &out) && out.marks[0].set && out.marks[0].speech == 5 &&
		   out.marks[0].para == 2 && out.marks[0].offset == 9 && out.marks[25].set &&
		   out.marks[25].para == NO_PARA && !out.marks[1].set,
	   "marks a and z come back as they were; b was never set");
	char *text = read_text(path);
	ok(text && strstr(text, "\nmark a 5 ") && strstr(text, "\nmark z 1 "), "a mark is a line of the file");
	free(text);
	write_file(path, "fayan-place 1\ngarbage\n");
	ok(!place_load(path, c, &out), "a corrupt file is ignored");
	write_file(path, "");
	ok(!place_load(path, c, &out), "an empty file is ignored");
	place_save(path, c, &in);
	FILE *f = fopen(path, "r+");
	fseek(f, -2, SEEK_END);
	fputc('X', f);
	fclose(f);
	ok(!place_load(path, c, &out), "a damaged last line is ignored");

	/* A FIFO where the file should be: opened without blocking, not read. */
	unlink(path);
	ok(mkfifo(path, 0600) == 0, "a FIFO at the place file's path");
	alarm(5); /* a hang fails the test instead of stalling the suite */
	ok(!place_load(path, c, &out), "a FIFO is no place file, and does not block");
	alarm(0);
	unlink(path);

	free(path);
	setenv("XDG_STATE_HOME", "/proc/fayan-cannot-write-here", 1);
	path = place_path(c);
	ok(!place_save(path, c, &in), "an unwritable directory: not saved, no crash");
	free(path);

	test_many_files(dir);

	c->colls.v[0].name[0] = '-';
	c->colls.v[0].name[1] = '\0';
	ok(place_path(c) == NULL, "standard input is not remembered");

	corpus_free(c);
	lexicon_free(test_lex);
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "rm -rf %s", dir);
	if (system(cmd) != 0) /* cleaning up is no assertion about fayan */
		fprintf(stderr, "could not remove %s\n", dir);
	return done_testing();
}
