/*
 * Replays a fuzz target's saved inputs (the committed corpus and every crash
 * found, kept as regression inputs) in the normal test suite, without
 * libFuzzer: replay DIR... runs each file once, TAP out.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>

#include "../tap.h"
#include "load.h"
#include "util.h"
#include <fcntl.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size);

static void replay_dir(const char *dir)
{
	struct dirent **names;
	int n = scandir(dir, &names, NULL, alphasort), i;
	size_t count = 0;

	for (i = 0; i < n; i++) {
		char path[1024];
		char *bytes;
		size_t len;
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]->d_name);
		int fd = names[i]->d_name[0] == '.' ? -1 : open(path, O_RDONLY);
		if (fd >= 0 && load_fd(fd, &bytes, &len)) {
			LLVMFuzzerTestOneInput((const unsigned char *)bytes, len);
			free(bytes);
			count++;
		}
		if (fd >= 0)
			close(fd);
		free(names[i]);
	}
	free(names);
	ok(count > 0, "%s: replayed %zu inputs", dir, count);
}

int main(int argc, char **argv)
{
	tap_setup();
	for (int i = 1; i < argc; i++)
		replay_dir(argv[i]);
	return done_testing();
}
