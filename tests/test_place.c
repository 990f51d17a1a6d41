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

	load_all(c, NULL, 0, &o);
	return c;
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

int main(void)
{
	char dir[] = "/tmp/fayan-place-XXXXXX", env[128];
	struct corpus *c;
	struct place in = {3, 7, 2}, out = {0};
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
	ok(place_load(path, c, &out) && out.speech == 3 && out.scroll == 7 && out.dept == 2,
	   "read back: speech, scroll and filter");
	in.dept = GROUP_ALL;
	place_save(path, c, &in);
	ok(place_load(path, c, &out) && out.dept == GROUP_ALL, "no filter read back as none");

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
