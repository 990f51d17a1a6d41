/* A large file mapped, and the one way a mapping fails: the file cut short
 * while it is read (SIGBUS), which must end the process with a message
 * naming the file, not kill it. */
#include "tap.h"

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "mapfile.h"

enum { SIZE = 3 * 4096 + 100 };

static int make_file(char *path)
{
	char block[SIZE];
	int fd = mkstemp(path);

	memset(block, 'x', sizeof(block));
	block[SIZE - 1] = 'z';
	if (fd < 0 || write(fd, block, sizeof(block)) != (ssize_t)sizeof(block))
		return -1;
	return fd;
}

/* Runs what in a child whose stderr comes back in err; returns its wait status. */
static int in_child(void (*what)(int fd, const char *path), int fd, const char *path, char *err,
		    size_t err_size)
{
	int pipefd[2], status = 0;
	ssize_t n, got = 0;
	pid_t pid;

	if (pipe(pipefd) != 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		dup2(pipefd[1], STDERR_FILENO);
		close(pipefd[0]);
		what(fd, path);
		_exit(0);
	}
	close(pipefd[1]);
	while ((n = read(pipefd[0], err + got, err_size - 1 - (size_t)got)) > 0)
		got += n;
	err[got] = '\0';
	close(pipefd[0]);
	waitpid(pid, &status, 0);
	return status;
}

static void read_after_cut(int fd, const char *path)
{
	char *data;
	volatile char last;

	if (!mapfile_map(fd, path, SIZE, &data))
		_exit(3);
	if (ftruncate(fd, 0) != 0)
		_exit(4);
	last = data[SIZE - 1]; /* the page is gone: SIGBUS */
	(void)last;
	_exit(5);
}

static void bus_error_elsewhere(int fd, const char *path)
{
	char *data;

	if (!mapfile_map(fd, path, SIZE, &data))
		_exit(3);
	raise(SIGBUS); /* no mapped file's address */
	_exit(5);
}

int main(void)
{
	char path[] = "/tmp/fayan-mapfile-XXXXXX", err[512];
	char *data = NULL;
	int fd, status;

	tap_setup();
	fd = make_file(path);
	ok(fd >= 0, "a file of three pages and a bit");
	ok(mapfile_map(fd, path, SIZE, &data), "mapped");
	ok(data && data[0] == 'x' && data[SIZE - 1] == 'z', "its bytes, first and last");
	data[0] = ' ';
	ok(pread(fd, err, 1, 0) == 1 && err[0] == 'x', "a write to the mapping stays private");
	mapfile_unmap(data, SIZE);
	ok(!mapfile_map(fd, path, 0, &data), "nothing to map: refused (read instead)");

	status = in_child(read_after_cut, fd, path, err, sizeof(err));
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 1, "cut short while read: exit 1 (status %d)",
	   status);
	char want[128];
	snprintf(want, sizeof(want), "fayan: %s: cut short while it was read\n", path);
	is_str(err, want, "and a message naming the file");

	close(fd);
	unlink(path);
	strcpy(path, "/tmp/fayan-mapfile-XXXXXX");
	fd = make_file(path);
	status = in_child(bus_error_elsewhere, fd, path, err, sizeof(err));
	ok(WIFSIGNALED(status) && WTERMSIG(status) == SIGBUS,
	   "a bus error at no mapped file's address is left to the default action");
	close(fd);
	unlink(path);
	return done_testing();
}
