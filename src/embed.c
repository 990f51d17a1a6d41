/*
 * embed — build-time helper: turns a file into a C array, so the bundled
 * collection and the word lists travel inside the binary.
 * usage: embed SYMBOL INPUT OUTPUT
 */
#include <stdio.h>

int main(int argc, char **argv)
{
	FILE *in, *out;
	unsigned long n = 0;
	int c;

	if (argc != 4) {
		fprintf(stderr, "usage: embed SYMBOL INPUT OUTPUT\n");
		return 2;
	}
	in = fopen(argv[2], "rb");
	out = fopen(argv[3], "w");
	if (!in || !out) {
		perror("embed");
		return 1;
	}
	fprintf(out, "#include <stddef.h>\nconst unsigned char %s[] = {\n", argv[1]);
	while ((c = getc(in)) != EOF)
		fprintf(out, "%d,%s", c, ++n % 24 ? "" : "\n");
	fprintf(out, "0};\nconst size_t %s_len = %lu;\n", argv[1], n);
	if (ferror(in) || fclose(out) != 0) {
		perror("embed");
		return 1;
	}
	fclose(in);
	return 0;
}
