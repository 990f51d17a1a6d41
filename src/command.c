#include "command.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

enum { PIPE_TICK_MS = 100, PIPE_KILL_WAIT_TICKS = 10 };

/* The command's child side: its standard input the pipe, the signals a
 * shell's child starts with. */
_Noreturn static void exec_command(const char *command, int fds[2])
{
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	signal(SIGPIPE, SIG_DFL);
	dup2(fds[0], STDIN_FILENO);
	close(fds[0]);
	close(fds[1]);
	execl("/bin/sh", "sh", "-c", command, (char *)NULL);
	_exit(127);
}

/*
 * Feeds data to the command while waiting for it, a tick at a time, so
 * that a stop is answered at once: the command is sent SIGTERM, then
 * SIGKILL, and the wait ends. Returns its status.
 */
static int feed_and_wait(pid_t pid, int fd, const char *data, size_t len, bool (*stopped)(void))
{
	size_t off = 0;
	int status = 0, ticks_since_kill = -1;

	fcntl(fd, F_SETFL, O_NONBLOCK);
	for (;;) {
		struct pollfd pf = {fd, POLLOUT, 0};
		if (poll(&pf, fd >= 0 ? 1 : 0, PIPE_TICK_MS) > 0 && fd >= 0) {
			ssize_t n = (pf.revents & POLLOUT) ? write(fd, data + off, len - off) : -1;
			if (n > 0)
				off += (size_t)n;
			else if (n < 0 && errno != EAGAIN && errno != EINTR)
				off = len; /* the command stopped reading */
		}
		if (fd >= 0 && off >= len) {
			close(fd); /* end of input */
			fd = -1;
		}
		if (waitpid(pid, &status, WNOHANG) == pid)
			break;
		if (ticks_since_kill < 0 && stopped()) {
			kill(pid, SIGTERM);
			ticks_since_kill = 0;
		} else if (ticks_since_kill >= 0 && ++ticks_since_kill == PIPE_KILL_WAIT_TICKS) {
			kill(pid, SIGKILL);
		}
	}
	if (fd >= 0)
		close(fd);
	return status;
}

bool command_run(const char *command, const char *data, size_t len, bool (*stopped)(void),
		 int *status)
{
	int fds[2];
	pid_t pid;

	if (pipe(fds) != 0)
		return false;
	pid = fork();
	if (pid == 0)
		exec_command(command, fds);
	close(fds[0]);
	if (pid < 0) {
		close(fds[1]);
		return false;
	}
	*status = feed_and_wait(pid, fds[1], data, len, stopped);
	return true;
}
