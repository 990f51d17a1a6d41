/*
 * names — what a speaker line without bold marks is made of: a person's
 * name (a listed surname plus one to three characters, or a name with ·)
 * and the posts before or after it, which must end in a listed role or
 * organisation suffix (SPEC 1.5). Pure functions over the lexicon; results
 * point into the text they were given. Depends on lexicon and text.
 */
#ifndef FAYAN_NAMES_H
#define FAYAN_NAMES_H

#include <stdbool.h>

#include "lexicon.h"
#include "text.h"

/* Whether s reads as one person's name. */
bool names_is_person(const struct lexicon *lex, struct str s);

/* Whether s reads as posts joined by 、 whose last ends in a listed role
 * (perhaps after 原/前) or organisation suffix, with no sentence in it. */
bool names_is_posts(const struct lexicon *lex, struct str s);

/* Where the post that starts at from ends: at the next separator (、 ， ,),
 * its length in *sep_len (0 at the end). */
size_t names_post_end(struct str posts, size_t from, size_t *sep_len);

/* A name as a reader writes it: 王　强, padded to the width of three, is
 * 王强 — a malloc'd copy of *len bytes, the designation after them as in the
 * text (speech_designation reads it there); NULL where nothing is padded. */
char *names_unpadded(struct str name, struct str designation, size_t *len);

/* Whether s holds no sentence punctuation (、 allowed, and ， , too where
 * commas) and no bold marks. */
bool names_no_sentence(const struct lexicon *lex, struct str s);
bool names_no_sentence_but_commas(const struct lexicon *lex, struct str s);

/*
 * Splits "POSTS NAME", "POSTSNAME" or "NAME POSTS" (spaces of any kind, or
 * none: then the shortest name that leaves posts wins). posts_optional lets
 * a bare name through with empty posts.
 */
bool names_split(const struct lexicon *lex, struct str s, bool posts_optional, struct str *posts,
		 struct str *name);

/*
 * How much a name and posts must show (SPEC 1.5). LISTED: a listed surname,
 * a listed role or organisation suffix. FORM, for a line whose shape and
 * place the page's pattern vouches for: a name of two or three Han
 * characters that may stand in a name, whatever its surname (four with a
 * listed one), and posts that end in a listed word or a person-noun
 * character (长 员 师 监…); a split
 * prefers the cut the lists trust most. SHAPE: anything short without a
 * sentence in it, to tell a near miss (a speaker line's shape, no name).
 */
enum names_trust { NAMES_LISTED, NAMES_FORM, NAMES_SHAPE };
bool names_is_person_at(const struct lexicon *lex, struct str s, enum names_trust t);
bool names_is_posts_at(const struct lexicon *lex, struct str s, enum names_trust t);
bool names_split_at(const struct lexicon *lex, struct str s, bool posts_optional,
		    enum names_trust t, struct str *posts, struct str *name);

/* The last post of posts (what names_post_end separates), trimmed. */
struct str names_last_post(struct str posts);

/* Length of a space of any kind at s (ASCII, U+3000, U+00A0), else 0. */
size_t names_space_len(const char *s, size_t len);

#endif
