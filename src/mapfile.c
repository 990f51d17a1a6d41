#include "mapfile.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

struct mapping {
	char *data;
	size_t size;
	char *name; /* owned */
};

/* Written only outside the handler; SIGBUS is raised by a read of a mapping,
 * never while the table changes. */
static struct mapping *maps;
static size_t map_count, map_cap;

static void put(const char *s)
{
	size_t len = strlen(s);

	while (len > 0) {
		ssize_t n = write(STDERR_FILENO, s, len);
		if (n <= 0)
			return;
		s += n;
		len -= (size_t)n;
	}
}

static void on_bus_error(int sig, siginfo_t *info, void *context)
{
	const char *at = info->si_addr;
	size_t i;

	(void)context;
	for (i = 0; i < map_count; i++)
		if (at >= maps[i].data && at < maps[i].data + maps[i].size) {
			put("fayan: ");
			put(maps[i].name);
			put(": cut short while it was read\n");
			_exit(1);
		}
	/* Not a mapped file's: the default action, as if not caught. */
	signal(sig, SIG_DFL);
	raise(sig);
}

static void catch_bus_errors(void)
{
	struct sigaction sa = {.sa_sigaction = on_bus_error, .sa_flags = SA_SIGINFO};

	sigemptyset(&sa.sa_mask);
	sigaction(SIGBUS, &sa, NULL);
}

bool mapfile_map(int fd, const char *name, size_t size, char **data)
{
	void *p;
	char *copy;

	if (size == 0)
		return false;
	if (map_count == map_cap) {
		size_t cap = map_cap ? map_cap * 2 : 8;
		struct mapping *grown = realloc(maps, cap * sizeof(*grown));
		if (!grown)
			return false;
		maps = grown;
		map_cap = cap;
	}
	copy = strdup(name);
	if (!copy)
		return false;
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	if (p == MAP_FAILED) {
		free(copy);
		return false;
	}
	if (map_count == 0)
		catch_bus_errors();
	maps[map_count++] = (struct mapping){p, size, copy};
	*data = p;
	return true;
}

void mapfile_unmap(char *data, size_t size)
{
	size_t i;

	/* From the last: the corpus gives its files back last first. */
	for (i = map_count; i-- > 0;)
		if (maps[i].data == data) {
			free(maps[i].name);
			maps[i] = maps[--map_count];
			break;
		}
	munmap(data, size);
	if (map_count == 0) {
		free(maps);
		maps = NULL;
		map_cap = 0;
	}
}
