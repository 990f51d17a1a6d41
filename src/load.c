#include "load.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "assets.h"
#include "dept.h"
#include "dirwalk.h"
#include "forkjoin.h"
#include "utf8scan.h"

/* The most one pread asks for: a piece the cache still holds when it is
 * checked. */
enum { READ_PIECE_BYTES = 1 << 20 };

/*
 * One half of a large file, read with pread at its own offset, a piece at
 * a time, and checked as UTF-8 piece by piece while the piece is still in
 * the cache: checked after the read, the text came from memory twice, a
 * fifth of a 100 MB load (SPEC 5). What is checked is whole lines, from
 * the half's first line start to just after its last LF; the seam and the
 * text's last line are checked after the join (utf8_tally).
 */
struct read_half {
	int fd;
	char *to;
	size_t len, got;
	off_t at;
	int err;
	size_t lines_from, lines_to; /* what is checked; from SIZE_MAX: no line start yet */
	struct utf8_tally tally;
	atomic_size_t *bytes_read; /* the load's count, or NULL */
};

/* Adds n bytes read to a load's count (load.h), if it keeps one. */
static void count_bytes(atomic_size_t *bytes_read, size_t n)
{
	if (bytes_read)
		atomic_fetch_add_explicit(bytes_read, n, memory_order_relaxed);
}

/* Checks the whole lines read since the last check. */
static void check_lines(struct read_half *h)
{
	const char *lf;

	if (h->lines_from == SIZE_MAX) { /* the second half's first line is cut */
		if (!(lf = memchr(h->to, '\n', h->got)))
			return;
		h->lines_from = h->lines_to = (size_t)(lf - h->to) + 1;
	}
	if ((lf = memrchr(h->to + h->lines_to, '\n', h->got - h->lines_to))) {
		size_t end = (size_t)(lf - h->to) + 1;
		utf8_tally_add(&h->tally, h->to + h->lines_to, end - h->lines_to);
		h->lines_to = end;
	}
}

static void read_half(void *arg, size_t k)
{
	struct read_half *h = ((struct read_half **)arg)[k];
	ssize_t got;

	while (h->got < h->len) {
		got = pread(h->fd, h->to + h->got, MIN(h->len - h->got, (size_t)READ_PIECE_BYTES),
			    h->at + (off_t)h->got);
		if (got == 0)
			break;
		if (got < 0 && errno != EINTR) {
			h->err = errno;
			break;
		}
		h->got += got > 0 ? (size_t)got : 0;
		count_bytes(h->bytes_read, got > 0 ? (size_t)got : 0);
		check_lines(h);
	}
}

/* The check of the whole text from the halves': the seam between them (from
 * the first's last line end to the second's first line start) and the
 * text's last line are what is left. */
static struct utf8_tally join_checks(const struct read_half *first, const struct read_half *second,
				     const char *data, size_t size)
{
	struct utf8_tally t = first->tally;
	size_t mid = first->len;

	if (second->lines_from == SIZE_MAX) {
		utf8_tally_add(&t, data + first->lines_to, size - first->lines_to);
	} else {
		utf8_tally_add(&t, data + first->lines_to, mid + second->lines_from - first->lines_to);
		utf8_tally_merge(&t, &second->tally);
		utf8_tally_add(&t, data + mid + second->lines_to, size - mid - second->lines_to);
	}
	t.complete = true;
	return t;
}

/* The size bytes of a large regular file from offset at, the two halves
 * read and checked at once (two cores copy faster); *n is how many came,
 * the fd's offset left after them; *check covers them all when the file
 * kept its size. */
static bool read_in_halves(int fd, off_t at, char *data, size_t size, size_t *n,
			   struct utf8_tally *check, atomic_size_t *bytes_read)
{
	size_t mid = size / 2 & ~(HUGE_PAGE_BYTES - 1); /* each thread its own pages */
	struct read_half first = {.fd = fd, .to = data, .len = mid, .at = at, .tally = UTF8_TALLY_EMPTY,
				  .bytes_read = bytes_read},
			 second = {.fd = fd, .to = data + mid, .len = size - mid, .at = at + (off_t)mid,
				   .lines_from = SIZE_MAX, .tally = UTF8_TALLY_EMPTY,
				   .bytes_read = bytes_read};

	struct read_half *halves[2] = {&first, &second};
	forkjoin(2, read_half, halves);
	if (first.err || second.err) {
		errno = first.err ? first.err : second.err;
		return false;
	}
	/* a file that shrank meanwhile ends where its first half did */
	*n = first.got < mid ? first.got : mid + second.got;
	if (*n == size)
		*check = join_checks(&first, &second, data, size);
	return lseek(fd, at + (off_t)*n, SEEK_SET) >= 0;
}

bool load_fd(int fd, char **bytes, size_t *len)
{
	return load_fd_checked(fd, bytes, len, &(struct utf8_tally){0}, NULL);
}

bool load_fd_checked(int fd, char **bytes, size_t *len, struct utf8_tally *check,
		     atomic_size_t *bytes_read)
{
	struct stat st;
	size_t cap = 64 * 1024, n = 0;
	char *data;
	ssize_t got;
	off_t at = -1;

	if (fstat(fd, &st) == 0) {
		if (S_ISDIR(st.st_mode)) {
			errno = EISDIR;
			return false;
		}
		/* One read of the size fstat says; the loop still copes with
		 * a file that grows or shrinks meanwhile. */
		if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > LOAD_MAX_BYTES) {
			errno = EFBIG;
			return false;
		}
		if (S_ISREG(st.st_mode) && st.st_size > 0)
			cap = (size_t)st.st_size + 1;
		if (S_ISREG(st.st_mode) && st.st_size >= FORKJOIN_MIN_BYTES)
			at = lseek(fd, 0, SEEK_CUR);
	}
	data = util_alloc_huge(cap);
	if (at >= 0 && at < st.st_size &&
	    !read_in_halves(fd, at, data, (size_t)(st.st_size - at), &n, check, bytes_read)) {
		int saved = errno;
		free(data);
		errno = saved;
		return false;
	}
	for (;;) {
		if (n > LOAD_MAX_BYTES) { /* endless input (/dev/zero) stops here */
			free(data);
			errno = EFBIG;
			return false;
		}
		if (n == cap)
			data = xgrow(data, &cap, cap + 1, 1);
		got = read(fd, data + n, cap - n);
		if (got == 0)
			break;
		if (got < 0) {
			if (errno == EINTR)
				continue;
			int saved = errno;
			free(data);
			errno = saved;
			return false;
		}
		n += (size_t)got;
		count_bytes(bytes_read, (size_t)got);
		check->complete = false; /* it grew: these bytes are not checked */
	}
	*bytes = data;
	*len = n;
	return true;
}

enum small { SMALL_READ, SMALL_NOT, SMALL_ERROR };

/* A small regular file, read into the corpus's text blocks. SMALL_NOT when
 * it is not small, or grew past its size (then it is read from its start as
 * any other); SMALL_ERROR with errno. */
static enum small read_small(struct corpus *c, pthread_mutex_t *lock, int fd,
			     const struct stat *st, struct loaded *out)
{
	size_t room = (size_t)st->st_size + 1, n = 0;
	ssize_t got;
	char *data;

	if (st->st_size <= 0 || room > CORPUS_BLOCK_FILE_MAX)
		return SMALL_NOT;
	pthread_mutex_lock(lock); /* the blocks are the corpus's, the rooms each file's */
	data = corpus_text_room(c, room);
	pthread_mutex_unlock(lock);
	if (!data)
		return SMALL_NOT;
	while (n < room && (got = read(fd, data + n, room - n)) != 0) {
		if (got < 0 && errno != EINTR)
			return SMALL_ERROR;
		n += got > 0 ? (size_t)got : 0;
	}
	if (n == room) /* it grew: its room in the block is left unused */
		return lseek(fd, 0, SEEK_SET) == 0 ? SMALL_NOT : SMALL_ERROR;
	*out = (struct loaded){.bytes = data, .len = n, .home = TEXT_BLOCK};
	return SMALL_READ;
}

static bool load_path(struct corpus *c, pthread_mutex_t *lock, struct load_count *count,
		      const char *path, struct loaded *out)
{
	struct stat st;
	int fd;
	bool ok;

	*out = (struct loaded){.home = TEXT_HEAP};
	if (strcmp(path, "-") == 0)
		return load_fd_checked(STDIN_FILENO, &out->bytes, &out->len, &out->check,
				       &count->bytes_read);
	/* A FIFO with no writer (one swapped in for a file after the walk)
	 * would hold open() for ever: opened without waiting, it reads as
	 * empty; a pipe with a writer (fayan <(cmd)) is read as it comes. */
	fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0)
		return false;
	bool regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
	if (!regular)
		fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	enum small small = regular ? read_small(c, lock, fd, &st, out) : SMALL_NOT;
	if (small == SMALL_READ)
		count_bytes(&count->bytes_read, out->len);
	ok = small == SMALL_READ ||
	     (small == SMALL_NOT &&
	      load_fd_checked(fd, &out->bytes, &out->len, &out->check, &count->bytes_read));
	int saved = errno;
	close(fd);
	errno = saved;
	return ok;
}

static void note_unreadable(struct corpus *c, const char *name, int err)
{
	char *shown = text_shown_name(name);

	corpus_add_unusable(c, shown,
			    err == 0       ? UNUSABLE_NO_TXT
			    : err == EFBIG ? UNUSABLE_TOO_LARGE
					   : UNUSABLE_ERRNO,
			    err);
	free(shown);
}

/* What errno says, in Chinese, for the commoner ones. */
static const char *errno_zh(int err)
{
	switch (err) {
	case ENOENT: return "没有这个文件或目录";
	case EACCES: case EPERM: return "没有读取的权限";
	case EISDIR: return "是一个目录";
	case ENOTDIR: return "路径中有一项不是目录";
	case ELOOP: return "符号链接层数太多";
	case ENAMETOOLONG: return "文件名太长";
	case EIO: return "输入输出错误";
	case EMFILE: case ENFILE: return "打开的文件太多";
	case ENOMEM: return "内存不足";
	default: return NULL;
	}
}

const char *load_unusable_text(const struct unusable *u, bool chinese, char *buf, size_t size)
{
	const unsigned max_mib = (unsigned)(LOAD_MAX_BYTES >> 20);

	switch (u->why) {
	case UNUSABLE_ERRNO:
		if (chinese && errno_zh(u->err))
			return errno_zh(u->err);
		snprintf(buf, size, chinese ? "无法读取（%s）" : "%s", strerror(u->err));
		return buf;
	case UNUSABLE_TOO_LARGE:
		snprintf(buf, size, chinese ? "文件太大（最多 %u MiB）" : "too large (%u MiB at most)",
			 max_mib);
		return buf;
	case UNUSABLE_NO_TXT: return chinese ? "其中没有 *.txt 文件" : "no *.txt files under it";
	case UNUSABLE_EMPTY: return chinese ? "空文件" : "empty file";
	case UNUSABLE_NO_SPEECHES: return chinese ? "没有找到发言" : "no speeches found";
	}
	return "";
}

static void report_walk(void *ctx, const char *path, int err)
{
	note_unreadable(ctx, path, err);
}

/* A file read but of no use: it is listed with the unreadable ones. */
static void note_if_empty(struct corpus *c)
{
	const struct collection *coll = &c->colls.v[c->colls.n - 1];

	if (coll->speech_count == 0)
		corpus_add_unusable(c, coll->shown,
				    coll->text_len == 0 ? UNUSABLE_EMPTY : UNUSABLE_NO_SPEECHES, 0);
}

/* A library's arrays are sized once this many files are loaded (enough to
 * project from, early enough that little is copied), and sized again at
 * each doubling, should the later files be larger. */
enum { RESERVE_AFTER_FILES = 64 };

static bool time_to_reserve(size_t done)
{
	return done >= RESERVE_AFTER_FILES && (done & (done - 1)) == 0;
}

/*
 * A library is loaded in batches of files, each a fork-join whose part 0
 * adds the batch made ready before to the corpus, in order (parse_build),
 * while the other parts make the next batch's files ready (read, decoded,
 * their lines read and marked: parse_prepare, most of a load):
 *
 *     forkjoin b:  part 0  build batch b-1 ─────────────┐
 *                  part k  make file k of batch b ready ─┴─▶ join
 *
 * The parts touch nothing in common but the corpus's text blocks, which
 * are taken under lock: part 0 reads only the batch the join before
 * finished, the others write only their own slot of the other half of
 * ready. Two threads take the parts, so one builds while the other reads.
 */
enum { LIBRARY_BATCH = 32 };

struct ready_file {
	struct parse_prep prep;
	int err; /* errno when it could not be read */
	bool read;
};

struct library {
	struct corpus *c; /* its text blocks, under lock */
	struct load_count *count;
	const struct pathlist *files;
	const struct parse_opts *opts;
	struct ready_file ready[2][LIBRARY_BATCH]; /* the batch built, the batch made ready */
	size_t batch;  /* the batch being made ready */
	size_t failed; /* files that could not be read */
	pthread_mutex_t lock;
};

static size_t batch_count(const struct library *lib, size_t batch)
{
	size_t first = batch * LIBRARY_BATCH;

	return first < lib->files->n ? MIN((size_t)LIBRARY_BATCH, lib->files->n - first) : 0;
}

/* Reads a file, decodes it and reads its lines (parse_prepare). */
static void make_ready(struct library *lib, size_t i, struct ready_file *f)
{
	struct loaded in;

	*f = (struct ready_file){0};
	if ((f->read = load_path(lib->c, &lib->lock, lib->count, lib->files->v[i], &in)))
		parse_prepare(&in, lib->opts, &f->prep);
	else
		f->err = errno;
	atomic_fetch_add_explicit(&lib->count->files_done, 1, memory_order_relaxed);
}

/* Adds the files of a batch made ready to the corpus, in order. */
static void build_batch(struct library *lib, size_t batch)
{
	struct corpus *c = lib->c;

	for (size_t k = 0; k < batch_count(lib, batch); k++) {
		struct ready_file *f = &lib->ready[batch % 2][k];
		size_t i = batch * LIBRARY_BATCH + k;
		if (!f->read) {
			note_unreadable(c, lib->files->v[i], f->err);
			lib->failed++;
			continue;
		}
		parse_build(c, lib->files->v[i], &f->prep, lib->opts);
		note_if_empty(c);
		if (time_to_reserve(i + 1))
			corpus_reserve_ahead(c, i + 1, lib->files->n);
	}
}

/* Part 0 builds the batch before, part k makes file k - 1 of this one ready. */
static void library_part(void *arg, size_t k)
{
	struct library *lib = arg;

	if (k == 0) {
		if (lib->batch > 0)
			build_batch(lib, lib->batch - 1);
	} else {
		make_ready(lib, lib->batch * LIBRARY_BATCH + k - 1, &lib->ready[lib->batch % 2][k - 1]);
	}
}

/* Loads the files in order; returns how many could not be read. */
static size_t load_files(struct corpus *c, const struct pathlist *files, const struct parse_opts *opts,
			 struct load_count *count)
{
	struct library *lib = xcalloc(1, sizeof(*lib));
	size_t failed;

	*lib = (struct library){.c = c, .count = count, .files = files, .opts = opts};
	pthread_mutex_init(&lib->lock, NULL);
	for (lib->batch = 0; lib->batch == 0 || batch_count(lib, lib->batch - 1) > 0; lib->batch++)
		forkjoin(1 + batch_count(lib, lib->batch), library_part, lib);
	pthread_mutex_destroy(&lib->lock);
	failed = lib->failed;
	free(lib);
	return failed;
}

/* One file: its walk may start while the rest of it is read. */
static size_t load_one(struct corpus *c, const char *path, const struct parse_opts *opts,
		       struct load_count *count)
{
	pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	struct loaded in;

	if (!load_path(c, &lock, count, path, &in)) {
		note_unreadable(c, path, errno);
		return 1;
	}
	parse_loaded(c, path, &in, opts);
	note_if_empty(c);
	atomic_fetch_add_explicit(&count->files_done, 1, memory_order_relaxed);
	return 0;
}

size_t load_all(struct corpus *c, char **names, size_t name_count, const struct parse_opts *opts,
		struct load_count *count)
{
	struct pathlist files = {0};
	size_t failed = 0, len;
	char *bytes;

	if (name_count == 0) {
		len = asset_collection_len;
		bytes = xmemdup((const char *)asset_collection, len);
		parse_collection(c, BUNDLED_NAME, bytes, len, opts);
		return 0;
	}
	dirwalk_expand(names, name_count, &files, report_walk, c);
	atomic_store_explicit(&count->files_total, files.n, memory_order_relaxed);
	failed = c->unusable.n;
	/* One memo of post splits for all the files: a library repeats its
	 * posts page after page, and the texts stay with the corpus. */
	struct parse_opts shared = *opts;
	if (!shared.memo)
		shared.memo = dept_memo_new();
	if (files.n == 1)
		failed += load_one(c, files.v[0], &shared, count);
	else if (files.n > 1)
		failed += load_files(c, &files, &shared, count);
	pathlist_fini(&files);
	if (shared.memo != opts->memo)
		dept_memo_free(shared.memo);
	return failed;
}
