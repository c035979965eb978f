/* fuzz_loader.c — libFuzzer harness for the dump loader (src/loader.c).
 *
 * The input is a dump. Its first two bytes choose the piece size limit and a small read
 * block; the rest is read twice, once with a reference block and once with the small
 * block, and the two runs must hand out the same articles (block boundaries must never
 * show). Every article must be valid UTF-8 without NUL, within the piece limit, with
 * sane line numbers. */
#include "fuzz_common.h"

extern size_t nf_loader_block; /* loader.c */

static void check_article(const nf_article *a, size_t max)
{
    if (!a->text || a->text[a->len] != '\0' || strlen(a->text) != a->len)
        abort(); /* NUL inside, or not terminated */
    if (a->len > max)
        abort();
    if (!a->name || !a->file)
        abort();
    for (const char *p = a->name; *p; p++)
        if ((unsigned char)*p < 0x20)
            abort(); /* names are one-line labels */
    const unsigned char *t = (const unsigned char *)a->text;
    for (size_t i = 0; i < a->len;) {
        uint32_t cp;
        int k = nf_utf8_decode(t + i, a->len - i, &cp);
        if (cp == 0xFFFD && !(k == 3 && t[i] == 0xEF))
            abort(); /* invalid UTF-8 left in */
        i += (size_t)k;
    }
    if (a->first_line < 1 || a->first_col < 0 || a->marker_line < 0 || a->index < 0)
        abort();
    if (a->marker_line && a->first_line <= a->marker_line)
        abort();
}

/* Reads the whole dump with the given block; a description of every article into out. */
static void load(const char *path, size_t block, size_t max, int lines_article, nf_buf *out)
{
    nf_options o;
    nf_options_default(&o);
    o.max_piece = max;
    o.lines_article = lines_article;
    nf_loader_block = block;
    nf_loader *l = nf_loader_open(path, &o);
    if (!l)
        return; /* refused by design (UTF-16/32 with a byte order mark): nothing to compare */
    nf_article a;
    long prev_seq_line = 0;
    while (nf_loader_next(l, &a) == 1) {
        check_article(&a, max);
        if (a.first_line < prev_seq_line)
            abort(); /* pieces come in input order */
        prev_seq_line = a.first_line;
        const char *t = a.text;
        long col = a.first_col;
        if (a.index == 0 && a.piece == 0) { /* a preamble's leading blanks may be cut off */
            while (*t == ' ' || *t == '\t' || *t == '\r' || *t == '\f' || *t == '\v') {
                t++;
                col++;
            }
        }
        nf_buf_printf(out, "%s|%ld|%ld|%d|%ld|%ld|%ld\n", a.name, a.index, a.marker_line,
                      a.piece, a.first_line, col, a.line_base);
        nf_buf_puts(out, t);
        nf_buf_putc(out, '\0');
        nf_article_free(&a);
    }
    nf_loader_close(l);
}

/* Where a block boundary may show by design: a line opening with "<<<" longer than n bytes
 * (markers are recognized in their first block), or a first text line whose leading blanks
 * fill more than a block (blank chunks before any text are skipped, so the text and the
 * cut points of its pieces move). */
static int block_sensitive(const uint8_t *d, size_t len, size_t n)
{
    size_t start = len >= 3 && memcmp(d, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0; /* BOM */
    int seen_text = 0, first_line = 1;
    for (size_t i = start; i <= len; i++) {
        if (i == len || d[i] == '\n') {
            size_t from = first_line ? 0 : start; /* the first line's block holds the BOM too */
            first_line = 0;
            if (i - start >= 3 && memcmp(d + start, "<<<", 3) == 0 && i - from + 1 > n)
                return 1;
            if (!seen_text) {
                size_t k = start;
                while (k < i && nf_isspace(d[k]))
                    k++;
                if (k < i) {
                    seen_text = 1;
                    if (k - start + 8 > n)
                        return 1;
                }
            }
            start = i + 1;
        }
    }
    return 0;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    nf_diag_setup(1);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    uint8_t b0 = data[0], b1 = data[1];
    data += 2;
    size -= 2;
    size_t max, ref;
    if (b0 & 0x80) {
        max = (size_t)16 << 20;
        ref = (size_t)256 << 10;
    } else {
        max = (size_t)1024 << (b0 % 8); /* 1 KB .. 128 KB */
        ref = max / 4;
    }
    size_t small = 16 + (size_t)(b1 % 240);
    int lines_article = (b0 >> 3) & 1;

    char path[64];
    int fd = fuzz_memfile(data, size, path, sizeof path);
    if (fd < 0)
        return 0;

    nf_buf x = {0}, y = {0};
    load(path, ref, max, lines_article, &x);
    load(path, small, max, lines_article, &y);
    if (!block_sensitive(data, size, small) &&
        (x.len != y.len || (x.len && memcmp(x.p, y.p, x.len) != 0))) {
        fprintf(stderr, "block %zu and block %zu give different articles (FUZZ_DEBUG=DIR to see)\n",
                ref, small);
        const char *dir = getenv("FUZZ_DEBUG");
        if (dir) {
            char p[512];
            snprintf(p, sizeof p, "%s/ref.txt", dir);
            FILE *f = fopen(p, "wb");
            if (f) fwrite(x.p, 1, x.len, f), fclose(f);
            snprintf(p, sizeof p, "%s/small.txt", dir);
            f = fopen(p, "wb");
            if (f) fwrite(y.p, 1, y.len, f), fclose(f);
        }
        abort();
    }
    nf_buf_free(&x);
    nf_buf_free(&y);
    close(fd);
    return 0;
}
