/*
 * command — runs a shell command with data on its standard input (SPEC 3.1
 * |), answering a stop while it runs. Knows nothing of the screen: tui
 * leaves the screen around it. Owns nothing; depends on POSIX alone.
 */
#ifndef FAYAN_COMMAND_H
#define FAYAN_COMMAND_H

#include <stdbool.h>
#include <stddef.h>

/* Runs command with data on its standard input; while it runs, stopped()
 * is asked a tick at a time, and when it says so the command is sent
 * SIGTERM, then SIGKILL. *status is its wait status; false when it could
 * not be started. */
bool command_run(const char *command, const char *data, size_t len, bool (*stopped)(void),
		 int *status);

#endif
