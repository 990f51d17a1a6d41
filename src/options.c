#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"
#include "speaker.h"
#include "util.h"

#ifndef FAYAN_VERSION
#define FAYAN_VERSION "0"
#endif

enum {
	OPT_CHECK = 256,
	OPT_ENCODING,
	OPT_AMBIGUOUS,
	OPT_NO_FULLWIDTH,
	OPT_NO_REPAIR,
	OPT_NO_COLOR,
	OPT_LAYOUT,
	OPT_LEXICON,
	OPT_NO_RESTORE,
	OPT_CONFIG,
	OPT_NO_CONFIG,
	OPT_DUMP_CONFIG,
	OPT_BY,
};

static const struct option long_options[] = {
	{"list", no_argument, NULL, 'l'},
	{"print", no_argument, NULL, 'p'},
	{"width", required_argument, NULL, 'w'},
	{"grep", required_argument, NULL, 'g'},
	{"json", no_argument, NULL, 'j'},
	{"check", no_argument, NULL, OPT_CHECK},
	{"department", required_argument, NULL, 'd'},
	{"speaker", required_argument, NULL, 's'},
	{"encoding", required_argument, NULL, OPT_ENCODING},
	{"ambiguous", required_argument, NULL, OPT_AMBIGUOUS},
	{"no-fullwidth", no_argument, NULL, OPT_NO_FULLWIDTH},
	{"no-repair", no_argument, NULL, OPT_NO_REPAIR},
	{"no-color", no_argument, NULL, OPT_NO_COLOR},
	{"layout", required_argument, NULL, OPT_LAYOUT},
	{"lexicon", required_argument, NULL, OPT_LEXICON},
	{"no-restore", no_argument, NULL, OPT_NO_RESTORE},
	{"config", required_argument, NULL, OPT_CONFIG},
	{"no-config", no_argument, NULL, OPT_NO_CONFIG},
	{"dump-config", no_argument, NULL, OPT_DUMP_CONFIG},
	{"by", required_argument, NULL, OPT_BY},
	{"help", no_argument, NULL, 'h'},
	{"version", no_argument, NULL, 'V'},
	{0},
};

static const char usage_text[] =
	"Usage: fayan [OPTION]... [CORPUS]...\n"
	"Browse collections of Chinese speeches in the terminal.\n"
	"With no CORPUS, read standard input when it is not a terminal, else open\n"
	"the bundled collection. '-' is standard input (named once at most); a\n"
	"directory stands for every *.txt file under it.\n"
	"\n"
	"  -l, --list             print departments and their speakers, and exit\n"
	"  -p, --print            print the speeches, wrapped as on screen, and exit\n"
	"  -w, --width=N          wrap width for --print and --grep (default: COLUMNS,\n"
	"                         else the terminal's width, else the controlling\n"
	"                         terminal's, else 80)\n"
	"  -g, --grep=TEXT        print every occurrence of TEXT in context, and exit\n"
	"  -j, --json             print the parsed collections as JSON, and exit\n"
	"      --check            validate; print every repair and problem, and every\n"
	"                         line that nearly was a speaker line\n"
	"  -d, --department=NAME  start filtered to that department (a part of its\n"
	"                         name will do, in Traditional or Simplified);\n"
	"                         restricts the printing modes, --json included\n"
	"  -s, --speaker=NAME     start with that speaker's first speech open;\n"
	"                         restricts the printing modes\n"
	"      --encoding=NAME    input encoding (default: UTF-8, else GB18030)\n"
	"      --layout=NAME      parse with that layout instead of choosing one;\n"
	"                         --layout=list lists them\n"
	"      --lexicon=FILE     add the word lists in FILE to the built-in ones\n"
	"      --by=department|page|speaker  how --list and --print group and order\n"
	"                         the speeches (default: --list by department,\n"
	"                         --print in page order)\n"
	"      --ambiguous=1|2|auto  columns of East Asian Ambiguous characters\n"
	"      --no-fullwidth     keep half-width , : ; ? ! in Chinese text\n"
	"      --no-repair        show the text exactly as the file has it\n"
	"      --no-color         no colour (also when NO_COLOR is set)\n"
	"      --no-restore       start at the beginning, not at the remembered place\n"
	"      --config=FILE      read FILE instead of ~/.config/fayan/config\n"
	"      --no-config        read no configuration file\n"
	"      --dump-config      print the configuration in force, and exit\n"
	"  -h, --help             show this help and exit\n"
	"  -V, --version          show the version and exit\n"
	"\n"
	"Exit status: 0 success, 1 nothing usable, 2 usage error.\n"
	"Keys in the browser: press ? there, or see fayan(1).\n";

_Noreturn void options_usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", util_progname);
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry '%s --help' for more information.\n", util_progname);
	exit(EXIT_USAGE);
}

static void set_mode(struct options *o, enum mode mode)
{
	if (o->mode != MODE_AUTO && o->mode != mode)
		options_usage_error("%s", "only one of --list, --print, --grep, --json and --check may be given");
	o->mode = mode;
}

static int parse_width(const char *arg)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(arg, &end, 10);
	if (errno || end == arg || *end || n < 2 || n > 100000)
		options_usage_error("invalid width '%s' (a number of columns, at least 2)", arg);
	return (int)n;
}

static int parse_ambiguous(const char *arg)
{
	if (strcmp(arg, "1") == 0)
		return 1;
	if (strcmp(arg, "2") == 0)
		return 2;
	if (strcmp(arg, "auto") == 0)
		return 0;
	options_usage_error("invalid --ambiguous '%s' (1, 2 or auto)", arg);
}

/* After --help, --version or --layout=list: exit 0, or 1 with a word when
 * standard output could not take it (a full disk, /dev/full). */
_Noreturn static void exit_printed(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: write error: %s\n", util_progname, strerror(errno ? errno : EIO));
		exit(EXIT_NOTHING);
	}
	exit(0);
}

/* A layout's name; "list" prints them all and exits. */
static const char *parse_layout(const char *arg)
{
	enum speech_layout k;

	if (strcmp(arg, "list") == 0) {
		for (k = 0; k < LAYOUT_COUNT; k++)
			puts(speaker_layout_name(k));
		exit_printed();
	}
	if (speaker_layout_from_name(arg) == LAYOUT_NONE)
		options_usage_error("unknown layout '%s' (--layout=list lists them)", arg);
	return arg;
}

/* How often standard input is named among the files. */
size_t options_stdin_count(const struct options *o)
{
	size_t i, n = 0;

	for (i = 0; i < o->file_count; i++)
		n += strcmp(o->files[i], "-") == 0;
	return n;
}

void options_parse(int argc, char **argv, struct options *o)
{
	int ch;

	*o = (struct options){
		.fullwidth = true, .repair = true, .color = !getenv("NO_COLOR"), .restore = true};
	while ((ch = getopt_long(argc, argv, "lpw:g:jd:s:hV", long_options, NULL)) != -1) {
		switch (ch) {
		case 'l': set_mode(o, MODE_LIST); break;
		case 'p': set_mode(o, MODE_PRINT); break;
		case 'j': set_mode(o, MODE_JSON); break;
		case OPT_CHECK: set_mode(o, MODE_CHECK); break;
		case 'g':
			set_mode(o, MODE_GREP);
			if (!*optarg)
				options_usage_error("%s", "--grep needs a non-empty TEXT");
			o->grep = optarg;
			break;
		case 'w': o->width = parse_width(optarg); break;
		case 'd': o->dept = optarg; break;
		case 's': o->speaker = optarg; break;
		case OPT_ENCODING:
			if (strcmp(optarg, "auto") != 0 && !decode_encoding_known(optarg))
				options_usage_error("unknown encoding '%s'", optarg);
			o->encoding = strcmp(optarg, "auto") == 0 ? NULL : optarg;
			break;
		case OPT_AMBIGUOUS:
			o->ambiguous_width = parse_ambiguous(optarg);
			o->ambiguous_given = true;
			break;
		case OPT_NO_FULLWIDTH: o->fullwidth = false; break;
		case OPT_NO_REPAIR: o->repair = false; break;
		case OPT_NO_COLOR: o->color = false; break;
		case OPT_LAYOUT: o->layout = parse_layout(optarg); break;
		case OPT_LEXICON: o->lexicon = optarg; break;
		case OPT_NO_RESTORE: o->restore = false; break;
		case OPT_CONFIG: o->config = optarg; break;
		case OPT_NO_CONFIG: o->no_config = true; break;
		case OPT_DUMP_CONFIG: o->dump_config = true; break;
		case OPT_BY:
			if (!view_parse(optarg, &o->by))
				options_usage_error("invalid --by '%s' (department, page or speaker)", optarg);
			o->by_given = true;
			break;
		case 'h': fputs(usage_text, stdout); exit_printed();
		case 'V': printf("fayan %s\n", FAYAN_VERSION); exit_printed();
		default:
			fprintf(stderr, "Try '%s --help' for more information.\n", util_progname);
			exit(EXIT_USAGE);
		}
	}
	o->files = argv + optind;
	o->file_count = (size_t)(argc - optind);
	if (options_stdin_count(o) > 1)
		options_usage_error("%s", "standard input ('-') may be named once");
}

