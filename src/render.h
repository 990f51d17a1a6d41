/*
 * render — state → grid: title line, list, text, status line, overlays,
 * prompts, and "终端太小" when the screen is too small. Pure: the grid is
 * the whole output. Depends on state, grid, keymap; never on curses.
 */
#ifndef FAYAN_RENDER_H
#define FAYAN_RENDER_H

#include "grid.h"
#include "state.h"

/* Draws st into g (resized to st's size if need be). */
void render(const struct state *st, struct grid *g);

#endif
