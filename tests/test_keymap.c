/*
 * The key table is the one source of the help overlay and of the man page's
 * KEYS section: this test generates the section from the table and compares
 * it with assets/fayan.1 (FAYAN_UPDATE=1 rewrites the section). Also checks
 * a few bindings SPEC 3.1 fixes.
 */
#include "tap.h"

#include <stdlib.h>

#include "buf.h"
#include "keymap.h"
#include "theme.h"
#include "load.h"
#include "util.h"

#include <fcntl.h>
#include <unistd.h>

#define MAN "../assets/fayan.1"

static void man_section(const struct keymap *km, struct buf *out)
{
	struct help_row rows[ACT_COUNT];
	size_t n = keymap_help(km, rows, ACT_COUNT), i;

	buf_adds(out, ".SH KEYS\n");
	buf_adds(out, "Generated from the key table (src/keymap.c); the ? key shows the same list.\n"
		      "The action's name, in parentheses, is what a bind statement takes (see\n"
		      ".BR CONFIGURATION ).\n");
	for (i = 0; i < n; i++)
		buf_addf(out, ".TP\n.BR \"%s\" \" (%s)\"\n%s.\n", rows[i].keys, rows[i].name,
			 rows[i].en);
	buf_adds(out, ".PP\nElements a color statement takes:\n");
	for (i = 0; i < ST_COUNT; i++)
		buf_addf(out, ".BR %s %s\n", theme_element_name((enum style)i),
			 i + 1 < ST_COUNT ? "," : ".");
}

/* The whole file, NUL-terminated (load_fd's buffer has room for it). */
static char *read_file(const char *path)
{
	int fd = open(path, O_RDONLY);
	char *bytes = NULL;
	size_t len = 0;

	if (fd < 0)
		return NULL;
	if (load_fd(fd, &bytes, &len))
		bytes = xrealloc(bytes, len + 1), bytes[len] = '\0';
	close(fd);
	return bytes;
}

int main(void)
{
	struct buf want = {0};
	char *man = read_file(MAN), *start, *end;
	struct keymap km;
	int arg;

	tap_setup();
	keymap_init(&km);
	man_section(&km, &want);
	start = man ? strstr(man, ".SH KEYS\n") : NULL;
	end = start ? strstr(start + 1, "\n.SH ") : NULL;
	if (getenv("FAYAN_UPDATE") && start && end) {
		FILE *f = fopen(MAN, "w");
		fwrite(man, 1, (size_t)(start - man), f);
		fwrite(want.data, 1, want.len, f);
		fputs(end + 1, f);
		fclose(f);
		free(man);
		man = read_file(MAN);
		start = strstr(man, ".SH KEYS\n");
		end = strstr(start + 1, "\n.SH ");
	}
	ok(start && end && (size_t)(end + 1 - start) == want.len &&
		   memcmp(start, want.data, want.len) == 0,
	   "the man page's KEYS section is generated from the key table");
	ok(keymap_lookup(&km, 'J', &arg) == ACT_NEXT_SPEECH, "J: next speech");
	ok(keymap_lookup(&km, '3', &arg) == ACT_DEPT && arg == 3, "3: the third department");
	ok(keymap_lookup(&km, '0', &arg) == ACT_DEPT_ALL, "0: all departments");
	ok(keymap_lookup(&km, KEY_PGDN, &arg) == ACT_PAGE_DOWN, "PgDn pages");
	ok(keymap_lookup(&km, 'x', &arg) == ACT_NONE, "x is unbound");
	keymap_fini(&km);
	buf_fini(&want);
	free(man);
	return done_testing();
}
