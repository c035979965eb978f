/* Data file tests: the nf_lines iterator (comments, blank lines, CRLF, fields, long lines,
 * text without a final newline or NUL) and nf_data_get with the embedded files and
 * --data DIR (extend, #!replace, extra files, a missing directory). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "nf.h"

static char dir[64];

static void wfile(const char *name, const char *text)
{
    char p[256];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void test_lines_basic(void **st)
{
    (void)st;
    const char *t = "# comment\n\n  \t\nA\tB\tC\r\n  # indented comment\nx\n\n"
                    "a\t\tb\nt\t\nlast\twithout\tnewline";
    nf_lines it;
    nf_lines_init(&it, t, strlen(t));
    char *f[4];
    assert_int_equal(nf_lines_next(&it, f, 4), 3);
    assert_string_equal(f[0], "A");
    assert_string_equal(f[1], "B");
    assert_string_equal(f[2], "C"); /* no CR */
    assert_null(f[3]);
    assert_int_equal(it.lineno, 4);
    assert_int_equal(nf_lines_next(&it, f, 4), 1);
    assert_string_equal(f[0], "x");
    assert_null(f[1]);
    assert_int_equal(it.lineno, 6);
    assert_int_equal(nf_lines_next(&it, f, 4), 3);
    assert_string_equal(f[1], "");
    assert_string_equal(f[2], "b");
    assert_int_equal(nf_lines_next(&it, f, 4), 2);
    assert_string_equal(f[0], "t");
    assert_string_equal(f[1], "");
    assert_int_equal(nf_lines_next(&it, f, 2), 2); /* fields beyond maxf are dropped */
    assert_string_equal(f[0], "last");
    assert_string_equal(f[1], "without");
    assert_int_equal(it.lineno, 10);
    assert_int_equal(nf_lines_next(&it, f, 4), -1);
    assert_int_equal(nf_lines_next(&it, f, 4), -1);
    nf_lines_free(&it);
}

static void test_lines_edges(void **st)
{
    (void)st;
    nf_lines it;
    char *f[2];
    nf_lines_init(&it, NULL, 0);
    assert_int_equal(nf_lines_next(&it, f, 2), -1);
    nf_lines_free(&it);
    nf_lines_init(&it, "", 0);
    assert_int_equal(nf_lines_next(&it, f, 2), -1);
    nf_lines_free(&it);
    /* the length counts, not a NUL */
    const char buf[] = {'a', 'b', '\n', 'c', 'd'};
    nf_lines_init(&it, buf, 4);
    assert_int_equal(nf_lines_next(&it, f, 2), 1);
    assert_string_equal(f[0], "ab");
    assert_int_equal(nf_lines_next(&it, f, 2), 1);
    assert_string_equal(f[0], "c");
    assert_int_equal(nf_lines_next(&it, f, 2), -1);
    nf_lines_free(&it);
    /* a long line, then a short one (the line buffer is reused) */
    nf_buf b = {0};
    for (int i = 0; i < 10000; i++)
        nf_buf_putc(&b, (char)('a' + i % 26));
    nf_buf_puts(&b, "\tz\nshort\n");
    nf_lines_init(&it, b.p, b.len);
    assert_int_equal(nf_lines_next(&it, f, 2), 2);
    assert_int_equal(strlen(f[0]), 10000);
    assert_string_equal(f[1], "z");
    assert_int_equal(nf_lines_next(&it, f, 2), 1);
    assert_string_equal(f[0], "short");
    nf_lines_free(&it);
    nf_buf_free(&b);
}

/* Every embedded data file is there, NUL-terminated, and parses. */
static void test_lines_count(void **st)
{
    (void)st;
    const char *t = "# comment\n\na\tb\n  \t \nc\r\n  # indented comment\nd";
    assert_int_equal(nf_lines_count(t, strlen(t)), 3);
    assert_int_equal(nf_lines_count("", 0), 0);
    assert_int_equal(nf_lines_count(NULL, 0), 0);
}

static void test_embedded(void **st)
{
    (void)st;
    nf_engine e;
    memset(&e, 0, sizeof e);
    nf_options_default(&e.opt);
    char err[256];
    assert_int_equal(nf_data_load(&e, err, sizeof err), 0);
    assert_true(nf_nblobs >= 1);
    for (size_t i = 0; i < nf_nblobs; i++) {
        size_t len = 1;
        const char *t = nf_data_get(&e, nf_blobs[i].name, &len);
        assert_non_null(t);
        assert_int_equal(len, nf_blobs[i].len);
        assert_memory_equal(t, nf_blobs[i].data, len);
        assert_int_equal(t[len], '\0');
        nf_lines it;
        nf_lines_init(&it, t, len);
        char *f[8];
        while (nf_lines_next(&it, f, 8) >= 0)
            assert_non_null(f[0]);
        nf_lines_free(&it);
    }
    size_t len = 99;
    assert_null(nf_data_get(&e, "no-such-file.tsv", &len));
    assert_int_equal(len, 0);
    nf_data_free(&e);
}

static nf_engine data_engine(const char *d, int *rc, char *err, size_t errlen)
{
    nf_engine e;
    memset(&e, 0, sizeof e);
    nf_options_default(&e.opt);
    e.opt.data_dir = d;
    *rc = nf_data_load(&e, err, errlen);
    return e;
}

static void test_data_dir(void **st)
{
    (void)st;
    assert_true(nf_nblobs >= 2);
    const char *n0 = nf_blobs[0].name, *n1 = nf_blobs[1].name;
    wfile(n0, "extra\tline\n");
    wfile(n1, "#!replace\nonly\tthis\n");
    wfile("zz-new.tsv", "new\tfile\n");
    wfile("aa-new.rules", "rule\n");
    wfile("README", "not a data file\n");
    int rc;
    char err[256];
    nf_engine e = data_engine(dir, &rc, err, sizeof err);
    assert_int_equal(rc, 0);
    size_t len;
    /* extended: the embedded text, then DIR's lines */
    const char *t = nf_data_get(&e, n0, &len);
    assert_non_null(t);
    assert_memory_equal(t, nf_blobs[0].data, nf_blobs[0].len);
    assert_int_equal(len, strlen(t));
    assert_true(len >= 12);
    assert_string_equal(t + len - 11, "extra\tline\n");
    assert_true(t[len - 12] == '\n');
    /* replaced */
    t = nf_data_get(&e, n1, &len);
    assert_string_equal(t, "#!replace\nonly\tthis\n");
    nf_lines it;
    char *f[4];
    nf_lines_init(&it, t, len);
    assert_int_equal(nf_lines_next(&it, f, 4), 2);
    assert_string_equal(f[0], "only");
    assert_int_equal(nf_lines_next(&it, f, 4), -1);
    nf_lines_free(&it);
    /* DIR's own data files are added; other files are not */
    t = nf_data_get(&e, "zz-new.tsv", &len);
    assert_non_null(t);
    assert_string_equal(t, "new\tfile\n");
    assert_non_null(nf_data_get(&e, "aa-new.rules", NULL));
    assert_null(nf_data_get(&e, "README", NULL));
    nf_data_free(&e);
}

static void test_data_dir_missing(void **st)
{
    (void)st;
    char missing[128];
    snprintf(missing, sizeof missing, "%s/no-such-dir", dir);
    int rc;
    char err[256] = "";
    nf_engine e = data_engine(missing, &rc, err, sizeof err);
    assert_int_equal(rc, -1);
    assert_non_null(strstr(err, "no-such-dir"));
    nf_data_free(&e);
    /* through the engine: no engine, a message */
    nf_options o;
    nf_options_default(&o);
    o.data_dir = missing;
    err[0] = '\0';
    assert_null(nf_engine_new(&o, err, sizeof err));
    assert_non_null(strstr(err, "no-such-dir"));
}

/* A data "file" in DIR that cannot be read is an error, not silently skipped. */
static void test_data_dir_unreadable(void **st)
{
    (void)st;
    char d2[128], p[256];
    snprintf(d2, sizeof d2, "%s/sub", dir);
    mkdir(d2, 0700);
    snprintf(p, sizeof p, "%s/%s", d2, nf_blobs[0].name);
    mkdir(p, 0700); /* a directory where a file should be */
    int rc;
    char err[256] = "";
    nf_engine e = data_engine(d2, &rc, err, sizeof err);
    assert_int_equal(rc, -1);
    assert_non_null(strstr(err, nf_blobs[0].name));
    nf_data_free(&e);
}

static int setup(void **st)
{
    (void)st;
    strcpy(dir, "/tmp/nf-test-data.XXXXXX");
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
        cmocka_unit_test(test_lines_basic),
        cmocka_unit_test(test_lines_edges),
        cmocka_unit_test(test_lines_count),
        cmocka_unit_test(test_embedded),
        cmocka_unit_test(test_data_dir),
        cmocka_unit_test(test_data_dir_missing),
        cmocka_unit_test(test_data_dir_unreadable),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
