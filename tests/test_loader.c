/* Loader tests: marker forms and names, end markers, preamble, no marker, several files,
 * standard input, BOM, CRLF, invalid UTF-8, NUL bytes, lines longer than the read block,
 * articles cut into pieces, line numbers, and the article row (the ` date` prefix) through
 * the whole pipeline. Each test writes its dump to a temporary directory. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <unistd.h>

#include <cmocka.h>

#include "nf.h"

static char dir[64];
static int nfile;

/* Writes n bytes to a new file in the temporary directory; returns its path (static). */
static const char *wfile(const void *data, size_t n)
{
    static char path[16][128];
    char *p = path[nfile % 16];
    snprintf(p, 128, "%s/in%d.dump", dir, nfile++);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, n, f), n);
    fclose(f);
    return p;
}
#define WSTR(s) wfile((s), sizeof(s) - 1)

/* ---- stderr capture ----
 * The diagnostics (fprintf(stderr)) go to a file; the stream is swapped, not fd 2, so a
 * sanitizer's report still reaches the terminal. */
static FILE *saved_err;
static char errpath[128];
static char errtext[8192];

static void cap_begin(void)
{
    snprintf(errpath, sizeof errpath, "%s/stderr", dir);
    FILE *f = fopen(errpath, "w");
    assert_non_null(f);
    saved_err = stderr;
    stderr = f;
}

static void cap_end(void)
{
    fclose(stderr);
    stderr = saved_err;
    FILE *f = fopen(errpath, "rb");
    size_t n = f ? fread(errtext, 1, sizeof errtext - 1, f) : 0;
    errtext[n] = '\0';
    if (f)
        fclose(f);
}

/* ---- loading ---- */
typedef struct {
    nf_article *a;
    int n;
    long warnings, errors;
    int last_rc;
} loaded;

static void unload(loaded *L)
{
    for (int i = 0; i < L->n; i++)
        nf_article_free(&L->a[i]);
    free(L->a);
    memset(L, 0, sizeof *L);
}

static loaded load_opts(const char *path, const nf_options *o)
{
    loaded L = {0};
    long w0 = nf_diag_warnings(), e0 = nf_diag_errors();
    cap_begin();
    nf_loader *l = nf_loader_open(path, o);
    if (l) {
        int cap = 0, rc;
        nf_article art;
        while ((rc = nf_loader_next(l, &art)) == 1) {
            if (L.n == cap) {
                cap = cap ? cap * 2 : 8;
                L.a = realloc(L.a, (size_t)cap * sizeof *L.a);
            }
            L.a[L.n++] = art;
        }
        L.last_rc = rc;
        nf_loader_close(l);
    } else {
        L.last_rc = -2;
    }
    cap_end();
    L.warnings = nf_diag_warnings() - w0;
    L.errors = nf_diag_errors() - e0;
    return L;
}

static loaded load(const char *path, size_t max_piece)
{
    nf_options o;
    nf_options_default(&o);
    if (max_piece)
        o.max_piece = max_piece;
    return load_opts(path, &o);
}

static char *cat(const char *a, const char *b)
{
    char *s = malloc(strlen(a) + strlen(b) + 1);
    strcpy(s, a);
    strcat(s, b);
    return s;
}

static void assert_art(const nf_article *a, const char *name, long index, long marker_line,
                       long first_line, const char *text)
{
    assert_string_equal(a->name, name);
    assert_int_equal(a->index, index);
    assert_int_equal(a->marker_line, marker_line);
    assert_int_equal(a->first_line, first_line);
    assert_int_equal(a->piece, 0);
    assert_int_equal(a->first_col, 0);
    assert_string_equal(a->text, text);
    assert_int_equal(a->len, strlen(text));
}

/* ---- markers and names ---- */

static void test_marker_forms(void **st)
{
    (void)st;
    const char *p = WSTR("<<<FILE>>> one\na\n<<<FILE two>>>\nb\n<<<FILE: three>>>\nc\n"
                         "<<<FILE:four>>>\nd\n<<<FILE>>>   five  \ne\n<<<FILE>>>six\nf\n"
                         "<<<FILE six and a half >>>\ng\n");
    loaded L = load(p, 0);
    assert_int_equal(L.n, 7);
    assert_art(&L.a[0], "one", 1, 1, 2, "a\n");
    assert_art(&L.a[1], "two", 2, 3, 4, "b\n");
    assert_art(&L.a[2], "three", 3, 5, 6, "c\n");
    assert_art(&L.a[3], "four", 4, 7, 8, "d\n");
    assert_art(&L.a[4], "five", 5, 9, 10, "e\n");
    assert_art(&L.a[5], "six", 6, 11, 12, "f\n");
    assert_art(&L.a[6], "six and a half", 7, 13, 14, "g\n");
    for (int i = 0; i < L.n; i++)
        assert_string_equal(L.a[i].file, p);
    assert_int_equal(L.warnings, 0);
    assert_int_equal(L.errors, 0);
    assert_int_equal(L.last_rc, 0);
    unload(&L);
}

static void test_unnamed(void **st)
{
    (void)st;
    const char *p = WSTR("<<<FILE>>>\nx\n<<<FILE>>> named\ny\n<<<FILE>>>  \nz\n<<<FILE:>>>\n"
                         "<<<FILE >>>\n<<<FILE\n");
    loaded L = load(p, 0);
    assert_int_equal(L.n, 6);
    char *n1 = cat(p, "#1"), *n3 = cat(p, "#3"), *n4 = cat(p, "#4"), *n5 = cat(p, "#5"),
         *n6 = cat(p, "#6");
    assert_art(&L.a[0], n1, 1, 1, 2, "x\n");
    assert_art(&L.a[1], "named", 2, 3, 4, "y\n");
    assert_art(&L.a[2], n3, 3, 5, 6, "z\n");
    assert_art(&L.a[3], n4, 4, 7, 8, "");
    assert_art(&L.a[4], n5, 5, 8, 9, "");
    assert_art(&L.a[5], n6, 6, 9, 10, "");
    assert_int_equal(L.warnings, 0);
    free(n1), free(n3), free(n4), free(n5), free(n6);
    unload(&L);
}

/* Names are labels on one line: control characters become spaces, bad UTF-8 U+FFFD. */
static void test_name_cleaned(void **st)
{
    (void)st;
    const char *p = WSTR("<<<FILE>>> a\tb\x01" "c\xff\r\nx\n");
    loaded L = load(p, 0);
    assert_int_equal(L.n, 1);
    assert_string_equal(L.a[0].name, "a b c\xEF\xBF\xBD");
    unload(&L);
    /* runs of printable ASCII between other characters, DEL and a valid UTF-8 letter */
    p = WSTR("<<<FILE>>> news/x-1.txt\x7f\xc3\xa9t\xc3\xa9 \x1b[0m~end\nx\n");
    L = load(p, 0);
    assert_int_equal(L.n, 1);
    assert_string_equal(L.a[0].name, "news/x-1.txt \xc3\xa9t\xc3\xa9  [0m~end");
    unload(&L);
}

static void test_only_markers(void **st)
{
    (void)st;
    const char *p = WSTR("<<<FILE>>>\n<<<FILE>>>\n<<<FILE>>>");
    loaded L = load(p, 0);
    assert_int_equal(L.n, 3);
    for (int i = 0; i < 3; i++) {
        assert_int_equal(L.a[i].len, 0);
        assert_int_equal(L.a[i].marker_line, i + 1);
    }
    assert_int_equal(L.warnings, 0);
    unload(&L);
}

/* ---- end markers ---- */

static void test_end_markers(void **st)
{
    (void)st;
    const char *p = WSTR("<<<FILE>>> a\nx\n<<<END>>>\n\n  \n<<<FILE>>> b\ny\n<<<ENDFILE>>>  \r\n"
                         "<<<FILE>>> c\n<<<ENDX>>>\n<<<END>>>\n<<<END>>>\n");
    loaded L = load(p, 0);
    assert_int_equal(L.n, 3);
    assert_art(&L.a[0], "a", 1, 1, 2, "x\n");
    assert_art(&L.a[1], "b", 2, 6, 7, "y\n");
    assert_art(&L.a[2], "c", 3, 9, 10, "<<<ENDX>>>\n");
    assert_int_equal(L.warnings, 0);
    unload(&L);
}

static void test_text_after_end(void **st)
{
    (void)st;
    const char *p = WSTR("<<<FILE>>> a\nx\n<<<END>>>\njunk\nmore junk\n<<<FILE>>> b\ny\n"
                         "<<<ENDFILE>>>\n\ntrailing junk\n");
    loaded L = load(p, 0);
    assert_int_equal(L.n, 2);
    assert_art(&L.a[0], "a", 1, 1, 2, "x\n");
    assert_art(&L.a[1], "b", 2, 6, 7, "y\n");
    assert_int_equal(L.warnings, 2);
    char *w1 = cat(p, ":4: text after an end marker skipped");
    char *w2 = cat(p, ":10: text after an end marker skipped");
    assert_non_null(strstr(errtext, w1));
    assert_non_null(strstr(errtext, w2));
    free(w1), free(w2);
    unload(&L);
}

/* ---- preamble, no marker ---- */

static void test_preamble(void **st)
{
    (void)st;
    const char *p = WSTR("\n\nintro text\n\nmore\n<<<FILE>>> a\nx\n");
    loaded L = load(p, 0);
    assert_int_equal(L.n, 2);
    char *n0 = cat(p, "#0");
    assert_art(&L.a[0], n0, 0, 0, 3, "intro text\n\nmore\n");
    assert_art(&L.a[1], "a", 1, 6, 7, "x\n");
    assert_int_equal(L.warnings, 1);
    char *w = cat(p, ":3: text before the first marker");
    assert_non_null(strstr(errtext, w));
    assert_true(strncmp(errtext, "newsfacts: ", 11) == 0);
    free(w), free(n0);
    unload(&L);
}

static void test_blank_preamble(void **st)
{
    (void)st;
    const char *p = WSTR("\n \t \r\n\n<<<FILE>>>\nx\n");
    loaded L = load(p, 0);
    assert_int_equal(L.n, 1);
    char *n1 = cat(p, "#1");
    assert_art(&L.a[0], n1, 1, 4, 5, "x\n");
    assert_int_equal(L.warnings, 0);
    free(n1);
    unload(&L);
}

static void test_preamble_then_end(void **st)
{
    (void)st;
    const char *p = WSTR("pre\n<<<END>>>\n<<<FILE>>> a\nx\n");
    loaded L = load(p, 0);
    assert_int_equal(L.n, 2);
    char *n0 = cat(p, "#0");
    assert_art(&L.a[0], n0, 0, 0, 1, "pre\n");
    assert_art(&L.a[1], "a", 1, 3, 4, "x\n");
    free(n0);
    unload(&L);
}

static void test_no_marker(void **st)
{
    (void)st;
    const char *p = WSTR("\nhello\n\nworld");
    loaded L = load(p, 0);
    assert_int_equal(L.n, 1);
    assert_art(&L.a[0], p, 0, 0, 2, "hello\n\nworld\n");
    assert_int_equal(L.warnings, 0);
    unload(&L);
}

static void test_empty_inputs(void **st)
{
    (void)st;
    const char *inputs[] = {"", "\n", "  \n\n\t\n", "\r\n", "\xEF\xBB\xBF", "\xEF\xBB\xBF\r\n"};
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        loaded L = load(wfile(inputs[i], strlen(inputs[i])), 0);
        assert_int_equal(L.n, 0);
        assert_int_equal(L.warnings, 0);
        assert_int_equal(L.errors, 0);
        assert_int_equal(L.last_rc, 0);
        unload(&L);
    }
}

/* ---- several files, standard input, unreadable input ---- */

static void test_several_files(void **st)
{
    (void)st;
    const char *p1 = WSTR("<<<FILE>>>\na\n<<<FILE>>>\nb\n");
    const char *p2 = WSTR("<<<FILE>>>\nc\n");
    loaded L1 = load(p1, 0), L2 = load(p2, 0);
    assert_int_equal(L1.n, 2);
    assert_int_equal(L2.n, 1);
    char *a = cat(p1, "#2"), *b = cat(p2, "#1");
    assert_art(&L1.a[1], a, 2, 3, 4, "b\n");
    assert_art(&L2.a[0], b, 1, 1, 2, "c\n");
    assert_string_equal(L2.a[0].file, p2);
    free(a), free(b);
    unload(&L1);
    unload(&L2);
}

static void test_stdin(void **st)
{
    (void)st;
    const char *p = WSTR("pre\n<<<FILE>>>\nx\n<<<FILE>>> n\ny\n");
    int saved = dup(0);
    int fd = open(p, O_RDONLY);
    assert_true(fd >= 0);
    dup2(fd, 0);
    close(fd);
    loaded L = load("-", 0);
    dup2(saved, 0);
    close(saved);
    assert_int_equal(L.n, 3);
    assert_art(&L.a[0], "-#0", 0, 0, 1, "pre\n");
    assert_art(&L.a[1], "-#1", 1, 2, 3, "x\n");
    assert_art(&L.a[2], "n", 2, 4, 5, "y\n");
    assert_string_equal(L.a[2].file, "-");
    assert_non_null(strstr(errtext, "newsfacts: -:1: "));
    unload(&L);
}

static void test_unreadable(void **st)
{
    (void)st;
    char missing[128];
    snprintf(missing, sizeof missing, "%s/no-such-file", dir);
    loaded L = load(missing, 0);
    assert_int_equal(L.last_rc, -2);
    assert_int_equal(L.errors, 1);
    assert_non_null(strstr(errtext, "newsfacts: "));
    assert_non_null(strstr(errtext, missing));
    unload(&L);
    L = load(dir, 0); /* a directory */
    assert_int_equal(L.last_rc, -2);
    assert_int_equal(L.errors, 1);
    assert_non_null(strstr(errtext, "directory"));
    unload(&L);
}

/* ---- encodings ---- */

static void test_utf16_refused(void **st)
{
    (void)st;
    static const char le[] = "\xFF\xFE<\0<\0<\0F\0I\0L\0E\0>\0>\0>\0\n\0";
    static const char be[] = "\xFE\xFF\0<\0<\0<";
    const char *p = wfile(le, sizeof le - 1);
    loaded L = load(p, 0);
    assert_int_equal(L.last_rc, -2); /* not opened */
    assert_int_equal(L.errors, 1);
    char *w = cat(p, ":1: UTF-16 input");
    assert_non_null(strstr(errtext, w));
    free(w);
    unload(&L);
    L = load(wfile(be, sizeof be - 1), 0);
    assert_int_equal(L.last_rc, -2);
    unload(&L);
    /* a lone 0xFF 0xFE later in a file is just invalid UTF-8 */
    L = load(WSTR("<<<FILE>>> a\n\xFF\xFE\n"), 0);
    assert_int_equal(L.n, 1);
    assert_int_equal(L.errors, 0);
    unload(&L);
}

static void test_bom(void **st)
{
    (void)st;
    loaded L = load(WSTR("\xEF\xBB\xBF<<<FILE>>> a\nx\n"), 0);
    assert_int_equal(L.n, 1);
    assert_art(&L.a[0], "a", 1, 1, 2, "x\n");
    assert_int_equal(L.warnings, 0);
    unload(&L);
    const char *p = WSTR("\xEF\xBB\xBFhello\r\n");
    L = load(p, 0);
    assert_int_equal(L.n, 1);
    assert_art(&L.a[0], p, 0, 0, 1, "hello\n");
    unload(&L);
    /* a U+FEFF that is not at the start of the input is text */
    L = load(WSTR("<<<FILE>>> a\n\xEF\xBB\xBFx\n"), 0);
    assert_string_equal(L.a[0].text, "\xEF\xBB\xBFx\n");
    unload(&L);
}

static void test_crlf(void **st)
{
    (void)st;
    loaded L = load(WSTR("<<<FILE>>> a\r\nx\r\n\r\ny\r\n<<<END>>>\r\n<<<FILE b>>>\r\nz\r\n"), 0);
    assert_int_equal(L.n, 2);
    assert_art(&L.a[0], "a", 1, 1, 2, "x\n\ny\n");
    assert_art(&L.a[1], "b", 2, 6, 7, "z\n");
    assert_int_equal(L.warnings, 0);
    unload(&L);
}

static void test_invalid_utf8(void **st)
{
    (void)st;
    /* 0xFF: 1; C0 AF (overlong): 2; ED A0 80 (surrogate): 3; E2 82 cut by the line end: 2 */
    const char *p = WSTR("<<<FILE>>> a\nok \xff \xC0\xAF \xED\xA0\x80 \xE2\x82\n"
                         "\xEF\xBF\xBD fine \xC3\xA9 \xF0\x9F\x98\x80\n<<<FILE>>> b\ngood\n");
    loaded L = load(p, 0);
    assert_int_equal(L.n, 2);
    assert_string_equal(L.a[0].text,
                        "ok \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD"
                        "\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD\n"
                        "\xEF\xBF\xBD fine \xC3\xA9 \xF0\x9F\x98\x80\n");
    assert_string_equal(L.a[1].text, "good\n");
    assert_int_equal(L.warnings, 1); /* one warning per article, with the count */
    char *w = cat(p, ":2: 8 invalid UTF-8 sequences");
    assert_non_null(strstr(errtext, w));
    free(w);
    unload(&L);
}

static void test_nul_bytes(void **st)
{
    (void)st;
    static const char d[] = "<<<FILE>>> a\nx\0y\n\0\n";
    loaded L = load(wfile(d, sizeof d - 1), 0);
    assert_int_equal(L.n, 1);
    assert_int_equal(L.a[0].len, strlen(L.a[0].text)); /* no NUL inside */
    assert_string_equal(L.a[0].text, "x\xEF\xBF\xBDy\n\xEF\xBF\xBD\n");
    assert_int_equal(L.warnings, 1);
    unload(&L);
    /* a NUL in a marker line */
    static const char d2[] = "<<<FILE>>> n\0m\nx\n";
    L = load(wfile(d2, sizeof d2 - 1), 0);
    assert_int_equal(L.n, 1);
    assert_string_equal(L.a[0].name, "n m");
    unload(&L);
}

/* ---- long lines ---- */

#define BLOCK (256 * 1024)

static void test_long_line(void **st)
{
    (void)st;
    size_t n = 600000;
    nf_buf b = {0};
    nf_buf_puts(&b, "<<<FILE>>> a\n");
    for (size_t i = 0; i < n; i++)
        nf_buf_putc(&b, (char)('a' + i % 26));
    nf_buf_puts(&b, "\nnext\n<<<FILE>>> b\nz\n");
    loaded L = load(wfile(b.p, b.len), 0);
    assert_int_equal(L.n, 2);
    assert_int_equal(L.a[0].len, n + 6);
    assert_memory_equal(L.a[0].text, b.p + 13, n + 6);
    assert_art(&L.a[1], "b", 2, 4, 5, "z\n");
    assert_int_equal(L.warnings, 0);
    unload(&L);
    nf_buf_free(&b);
}

/* Multi-byte characters across the read block boundary stay whole. */
static void test_long_line_utf8(void **st)
{
    (void)st;
    for (int shift = 0; shift < 4; shift++) {
        nf_buf b = {0};
        nf_buf_puts(&b, "<<<FILE>>> a\n");
        for (int i = 0; i < shift; i++)
            nf_buf_putc(&b, 'x');
        size_t t0 = b.len;
        while (b.len < 3 * BLOCK)
            nf_buf_puts(&b, "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"); /* é € 😀 */
        nf_buf_putc(&b, '\n');
        loaded L = load(wfile(b.p, b.len), 0);
        assert_int_equal(L.n, 1);
        assert_int_equal(L.warnings, 0);
        assert_int_equal(L.a[0].len, b.len - t0 + shift);
        assert_memory_equal(L.a[0].text + shift, b.p + t0, b.len - t0);
        unload(&L);
        nf_buf_free(&b);
    }
}

/* "<<<FILE" inside a line (here exactly at the block boundary) is text, not a marker. */
static void test_marker_text_mid_line(void **st)
{
    (void)st;
    nf_buf b = {0};
    nf_buf_puts(&b, "<<<FILE>>> a\n");
    for (size_t i = 0; i < BLOCK; i++)
        nf_buf_putc(&b, 'q');
    nf_buf_puts(&b, "<<<FILE>>> not a marker\n<<<END>>> x\nz\n");
    loaded L = load(wfile(b.p, b.len), 0);
    assert_int_equal(L.n, 1);
    assert_int_equal(L.a[0].len, b.len - 13);
    unload(&L);
    nf_buf_free(&b);
}

/* A CRLF line end whose CR falls at the end of a read block still loses its CR. */
static void test_long_line_crlf(void **st)
{
    (void)st;
    for (int d = -2; d <= 2; d++) {
        nf_buf b = {0};
        nf_buf_puts(&b, "<<<FILE>>> a\r\n");
        size_t n = (size_t)(BLOCK + d) - 1;
        for (size_t i = 0; i < n; i++)
            nf_buf_putc(&b, 'w');
        nf_buf_puts(&b, "\r\nshort\r\n");
        loaded L = load(wfile(b.p, b.len), 0);
        assert_int_equal(L.n, 1);
        assert_null(memchr(L.a[0].text, '\r', L.a[0].len));
        assert_int_equal(L.a[0].len, n + 7);
        unload(&L);
        nf_buf_free(&b);
    }
}

/* A marker with a name of 1 MB: the name may be shortened, lines stay right. */
static void test_huge_marker(void **st)
{
    (void)st;
    nf_buf b = {0};
    nf_buf_puts(&b, "<<<FILE>>> ");
    for (size_t i = 0; i < (1u << 20); i++)
        nf_buf_putc(&b, 'n');
    nf_buf_puts(&b, "\nbody\n<<<FILE>>> b\nz\n");
    loaded L = load(wfile(b.p, b.len), 0);
    assert_int_equal(L.n, 2);
    assert_true(strlen(L.a[0].name) > 0 && strlen(L.a[0].name) <= (1u << 20));
    assert_true(L.a[0].name[0] == 'n');
    assert_string_equal(L.a[0].text, "body\n");
    assert_int_equal(L.a[0].first_line, 2);
    assert_art(&L.a[1], "b", 2, 3, 4, "z\n");
    unload(&L);
    nf_buf_free(&b);
}

/* ---- pieces ---- */

/* Checks the pieces of one article: each at most max bytes, together the whole text, line
 * and column of each piece's start right. Returns the number of pieces. */
static int check_pieces(const loaded *L, int from, const char *whole, size_t max, long line0)
{
    size_t off = 0;
    long line = line0, col = 0;
    int k = 0;
    for (int i = from; i < L->n && (i == from || L->a[i].piece > 0); i++, k++) {
        const nf_article *a = &L->a[i];
        assert_int_equal(a->piece, k);
        assert_string_equal(a->name, L->a[from].name);
        assert_int_equal(a->marker_line, L->a[from].marker_line);
        assert_true(a->len <= max);
        assert_true(a->len > 0);
        assert_int_equal(a->first_line, line);
        assert_int_equal(a->first_col, col);
        assert_true(off + a->len <= strlen(whole));
        assert_memory_equal(a->text, whole + off, a->len);
        for (size_t j = 0; j < a->len; j++)
            if (a->text[j] == '\n')
                line++, col = 0;
            else
                col++;
        off += a->len;
    }
    assert_int_equal(off, strlen(whole));
    return k;
}

static void test_pieces_blank_line(void **st)
{
    (void)st;
    char body[] = "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n\n"   /* 40 + blank */
                  "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\n";   /* 40 */
    char *in = cat("<<<FILE>>> a\n", body);
    loaded L = load(wfile(in, strlen(in)), 64);
    assert_int_equal(L.n, 2);
    assert_int_equal(check_pieces(&L, 0, body, 64, 2), 2);
    assert_int_equal(L.a[0].len, 41); /* cut after the blank line */
    assert_int_equal(L.a[1].first_line, 4);
    assert_int_equal(L.warnings, 1);
    assert_non_null(strstr(errtext, "in pieces"));
    free(in);
    unload(&L);
}

static void test_pieces_line_end(void **st)
{
    (void)st;
    char body[] = "ccccccccccccccccccccccccccccc\n" /* 30 each */
                  "ddddddddddddddddddddddddddddd\n"
                  "eeeeeeeeeeeeeeeeeeeeeeeeeeeee\n";
    char *in = cat("<<<FILE>>> a\n", body);
    loaded L = load(wfile(in, strlen(in)), 64);
    assert_int_equal(check_pieces(&L, 0, body, 64, 2), 2);
    assert_int_equal(L.a[0].len, 60);
    assert_int_equal(L.a[1].first_line, 4);
    free(in);
    unload(&L);
}

static void test_pieces_sentence(void **st)
{
    (void)st;
    char body[] = "One two three four five. Six seven eight nine ten! Eleven twelve thirteen. "
                  "Fourteen fifteen sixteen seventeen? Eighteen nineteen twenty twenty-one.\n";
    char *in = cat("<<<FILE>>> a\n", body);
    loaded L = load(wfile(in, strlen(in)), 64);
    int k = check_pieces(&L, 0, body, 64, 2);
    assert_true(k >= 3);
    assert_int_equal(L.n, k);
    assert_string_equal(L.a[0].text, "One two three four five. Six seven eight nine ten! ");
    assert_int_equal(L.a[1].first_line, 2);
    assert_int_equal(L.a[1].first_col, 51);
    assert_int_equal(L.warnings, 1);
    free(in);
    unload(&L);
}

static void test_pieces_no_break(void **st)
{
    (void)st;
    nf_buf body = {0};
    nf_buf_putc(&body, 'x');
    for (int i = 0; i < 200; i++)
        nf_buf_puts(&body, "\xC3\xA9");
    nf_buf_puts(&body, "\nend\n");
    char *in = cat("<<<FILE>>> a\n", body.p);
    loaded L = load(wfile(in, strlen(in)), 64);
    int k = check_pieces(&L, 0, body.p, 64, 2);
    assert_true(k >= 7);
    for (int i = 0; i < L.n; i++) /* never inside a character */
        assert_true(((unsigned char)L.a[i].text[0] & 0xC0) != 0x80);
    free(in);
    nf_buf_free(&body);
    unload(&L);
}

/* Many articles, some cut, some not, and a no-marker file cut into pieces. */
static void test_pieces_mixed(void **st)
{
    (void)st;
    nf_buf in = {0};
    const char *big = "Alpha beta gamma. Delta epsilon zeta.\nEta theta iota.\n\nKappa lambda mu nu.\n";
    nf_buf_puts(&in, "<<<FILE>>> a\nshort\n<<<FILE>>> b\n");
    for (int i = 0; i < 5; i++)
        nf_buf_puts(&in, big);
    nf_buf_puts(&in, "<<<FILE>>> c\nshort too\n");
    loaded L = load(wfile(in.p, in.len), 48);
    assert_true(L.n > 3);
    assert_art(&L.a[0], "a", 1, 1, 2, "short\n");
    nf_buf whole = {0};
    for (int i = 0; i < 5; i++)
        nf_buf_puts(&whole, big);
    int k = check_pieces(&L, 1, whole.p, 48, 4);
    assert_int_equal(L.n, 2 + k);
    assert_art(&L.a[L.n - 1], "c", 3, 24, 25, "short too\n");
    assert_int_equal(L.warnings, 1);
    nf_buf_free(&in);
    nf_buf_free(&whole);
    unload(&L);
    const char *p = WSTR("no marker here, but a long text. It goes on and on. And on.\n");
    L = load(p, 16);
    assert_true(L.n >= 4);
    for (int i = 0; i < L.n; i++)
        assert_string_equal(L.a[i].name, p);
    unload(&L);
}

/* A line longer than both the piece size and the read block. */
static void test_pieces_long_line(void **st)
{
    (void)st;
    nf_buf body = {0};
    while (body.len < BLOCK + 5000)
        nf_buf_puts(&body, "word word word. ");
    nf_buf_putc(&body, '\n');
    char *in = cat("<<<FILE>>> a\n", body.p);
    loaded L = load(wfile(in, strlen(in)), 4096);
    check_pieces(&L, 0, body.p, 4096, 2);
    free(in);
    nf_buf_free(&body);
    unload(&L);
}

/* ---- --lines article ---- */

static void test_line_base(void **st)
{
    (void)st;
    nf_options o;
    nf_options_default(&o);
    o.lines_article = 1;
    loaded L = load_opts(WSTR("pre\n<<<FILE>>> a\nx\n\n<<<FILE>>> b\ny\n"), &o);
    assert_int_equal(L.n, 3);
    assert_int_equal(L.a[0].line_base, 0);
    assert_int_equal(L.a[1].line_base, 2);
    assert_int_equal(L.a[2].line_base, 5);
    unload(&L);
    nf_options_default(&o);
    L = load_opts(WSTR("<<<FILE>>> a\nx\n"), &o);
    assert_int_equal(L.a[0].line_base, 0);
    unload(&L);
    /* every piece of a cut article keeps its marker's base */
    nf_options_default(&o);
    o.lines_article = 1;
    o.max_piece = 32;
    L = load_opts(WSTR("\n<<<FILE>>> a\nOne line here.\nTwo lines here.\nThree lines here.\n"
                       "Four lines here.\n<<<FILE>>> b\nx\n"), &o);
    assert_true(L.n >= 4);
    for (int i = 0; i < L.n - 1; i++) {
        assert_string_equal(L.a[i].name, "a");
        assert_int_equal(L.a[i].line_base, 2);
        assert_int_equal(L.a[i].piece, i);
    }
    assert_int_equal(L.a[L.n - 1].line_base, 7);
    unload(&L);
}

/* ---- through the pipeline: the article rows ---- */

static char *run_pipeline(const char *path, nf_options *o)
{
    char err[256];
    nf_engine *e = nf_engine_new(o, err, sizeof err);
    assert_non_null(e);
    nf_worker *w = nf_worker_new();
    nf_ana a;
    nf_ana_init(&a, e, w);
    nf_buf out = {0};
    cap_begin();
    nf_loader *l = nf_loader_open(path, o);
    assert_non_null(l);
    nf_article art;
    while (nf_loader_next(l, &art) == 1) {
        nf_process(&a, &art, &out);
        nf_article_free(&art);
    }
    nf_loader_close(l);
    cap_end();
    nf_ana_free(&a);
    nf_worker_free(w);
    nf_engine_free(e);
    nf_buf_putc(&out, '\0');
    return out.p;
}

/* The article rows of a TSV table, as "article<TAB>line<TAB>date" lines. */
static char *article_rows(const char *tsv)
{
    nf_buf b = {0};
    for (const char *s = tsv; *s;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        char *line = strndup(s, n);
        char *f[16] = {0};
        int k = 0;
        for (char *p = line; k < 16;) {
            f[k++] = p;
            char *t = strchr(p, '\t');
            if (!t)
                break;
            *t = '\0';
            p = t + 1;
        }
        assert_int_equal(k, NF_NCOLS);
        if (strcmp(f[3], "article") == 0)
            nf_buf_printf(&b, "%s\t%s\t%s\n", f[1], f[2], f[4]);
        free(line);
        s += n + (nl != NULL);
    }
    nf_buf_putc(&b, '\0');
    return b.p;
}

static void test_article_rows(void **st)
{
    (void)st;
    const char *p = WSTR("<<<FILE>>> a\n date 2021-12-17 Body text here.\n"
                         "<<<FILE>>> b\n date 2022-01-03\nMore.\n"
                         "<<<FILE>>> c\nNo date 2021-12-17.\n"
                         "<<<FILE>>> d\n date 2021-02-30 bad date.\n");
    nf_options o;
    nf_options_default(&o);
    char *t = run_pipeline(p, &o);
    char *r = article_rows(t);
    assert_string_equal(r, "a\t1\t2021-12-17\nb\t3\t2022-01-03\nc\t6\t\nd\t8\t\n");
    free(t), free(r);
    /* --lines article: the marker is line 0 */
    o.lines_article = 1;
    t = run_pipeline(p, &o);
    r = article_rows(t);
    assert_string_equal(r, "a\t0\t2021-12-17\nb\t0\t2022-01-03\nc\t0\t\nd\t0\t\n");
    free(t), free(r);
}

/* One article row per article, whatever its pieces; line 1 where there is no marker. */
static void test_article_rows_pieces(void **st)
{
    (void)st;
    nf_buf in = {0};
    nf_buf_puts(&in, "Preamble.\n<<<FILE>>> a\n date 2020-05-06 First line.\n");
    for (int i = 0; i < 40; i++)
        nf_buf_puts(&in, "Some sentence goes here. Another one follows.\n\n");
    nf_buf_puts(&in, "<<<FILE>>> b\nb\n");
    const char *p = wfile(in.p, in.len);
    nf_options o;
    nf_options_default(&o);
    o.max_piece = 200;
    char *t = run_pipeline(p, &o);
    char *r = article_rows(t);
    char *want = cat(p, "#0\t1\t\na\t2\t2020-05-06\nb\t84\t\n");
    assert_string_equal(r, want);
    free(t), free(r), free(want);
    t = run_pipeline(WSTR("just text\n"), &o);
    r = article_rows(t);
    assert_non_null(strstr(r, "\t1\t\n"));
    free(t), free(r);
    nf_buf_free(&in);
}

/* The public API: nf_analyze_text (no header, the article row) and nf_run. */
static void test_public_api(void **st)
{
    (void)st;
    nf_options o;
    nf_options_default(&o);
    char err[256];
    nf_engine *e = nf_engine_new(&o, err, sizeof err);
    assert_non_null(e);
    const char *txt = " date 2021-12-17 Hello world.\n";
    char *buf = NULL;
    size_t len = 0;
    assert_int_equal(nf_analyze_text(e, "f.txt", "name", txt, strlen(txt), &buf, &len), 0);
    assert_int_equal(len, strlen(buf));
    const char *want = "f.txt\tname\t1\tarticle\t2021-12-17\t";
    assert_true(strncmp(buf, want, strlen(want)) == 0);
    char *r = article_rows(buf);
    assert_string_equal(r, "name\t1\t2021-12-17\n");
    free(r), free(buf);

    const char *p = WSTR("<<<FILE>>> a\nx\n");
    char missing[128];
    snprintf(missing, sizeof missing, "%s/missing", dir);
    const char *paths[] = {p, missing, p};
    FILE *out = tmpfile();
    assert_non_null(out);
    cap_begin();
    int rc = nf_run(e, paths, 3, out);
    cap_end();
    assert_int_equal(rc, 1); /* the missing file */
    assert_non_null(strstr(errtext, missing));
    rewind(out);
    char tmp[4096];
    size_t n = fread(tmp, 1, sizeof tmp - 1, out);
    tmp[n] = '\0';
    fclose(out);
    r = article_rows(tmp);
    assert_string_equal(r, "a\t1\t\na\t1\t\n");
    free(r);
    nf_engine_free(e);
}

static int setup(void **st)
{
    (void)st;
    strcpy(dir, "/tmp/nf-test-loader.XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_marker_forms),
        cmocka_unit_test(test_unnamed),
        cmocka_unit_test(test_name_cleaned),
        cmocka_unit_test(test_only_markers),
        cmocka_unit_test(test_end_markers),
        cmocka_unit_test(test_text_after_end),
        cmocka_unit_test(test_preamble),
        cmocka_unit_test(test_blank_preamble),
        cmocka_unit_test(test_preamble_then_end),
        cmocka_unit_test(test_no_marker),
        cmocka_unit_test(test_empty_inputs),
        cmocka_unit_test(test_several_files),
        cmocka_unit_test(test_stdin),
        cmocka_unit_test(test_unreadable),
        cmocka_unit_test(test_bom),
        cmocka_unit_test(test_utf16_refused),
        cmocka_unit_test(test_crlf),
        cmocka_unit_test(test_invalid_utf8),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_long_line),
        cmocka_unit_test(test_long_line_utf8),
        cmocka_unit_test(test_marker_text_mid_line),
        cmocka_unit_test(test_long_line_crlf),
        cmocka_unit_test(test_huge_marker),
        cmocka_unit_test(test_pieces_blank_line),
        cmocka_unit_test(test_pieces_line_end),
        cmocka_unit_test(test_pieces_sentence),
        cmocka_unit_test(test_pieces_no_break),
        cmocka_unit_test(test_pieces_mixed),
        cmocka_unit_test(test_pieces_long_line),
        cmocka_unit_test(test_line_base),
        cmocka_unit_test(test_article_rows),
        cmocka_unit_test(test_article_rows_pieces),
        cmocka_unit_test(test_public_api),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
