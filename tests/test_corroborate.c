/* Unit tests of --corroborate (src/corroborate.c): grouping of figures and claims. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "nf.h"

static nf_engine *eng;

static int setup(void **state)
{
    (void)state;
    nf_options o;
    nf_options_default(&o);
    o.corroborate = 1;
    o.header = 0;
    o.nfields = 5;
    int f[] = {NF_COL_ARTICLE, NF_COL_KIND, NF_COL_VALUE, NF_COL_CLUSTER, NF_COL_SOURCES};
    memcpy(o.fields, f, sizeof f);
    char err[256];
    eng = nf_engine_new(&o, err, sizeof err);
    return eng ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    nf_engine_free(eng);
    return 0;
}

/* Serializes one article with the given rows (kind, actor, value, unit) into tmp. */
static void article(FILE *tmp, const char *name, int n, const char *const (*rows)[4])
{
    nf_article art = {0};
    art.file = "f";
    art.name = (char *)name;
    nf_ana a;
    nf_ana_init(&a, eng, NULL);
    a.art = &art;
    for (int i = 0; i < n; i++) {
        nf_row *r = NF_PUSH(a.row, a.nrow, a.caprow);
        memset(r, 0, sizeof *r);
        r->kind = (uint8_t)(strcmp(rows[i][0], "claim") == 0 ? NF_KIND_CLAIM
                            : strcmp(rows[i][0], "figure") == 0 ? NF_KIND_FIGURE
                                                                  : NF_KIND_ACTOR);
        r->line = i + 1;
        r->order = (uint32_t)i;
        r->f[NF_COL_ACTOR] = rows[i][1];
        r->f[NF_COL_VALUE] = rows[i][2];
        r->f[NF_COL_UNIT] = rows[i][3];
    }
    nf_buf out = {0};
    nf_corr_serialize(eng, &a, &out);
    fwrite(out.p, 1, out.len, tmp);
    nf_buf_free(&out);
    nf_ana_free(&a);
}

static void test_groups(void **state)
{
    (void)state;
    FILE *tmp = tmpfile();
    assert_non_null(tmp);
    static const char *const a1[][4] = {
        {"figure", "Russia", "70000", "troops"},
        {"claim", "Jens Stoltenberg", "Russia has massed troops near the Ukrainian border", "said"},
        {"actor", "NATO", "organization", NULL},
    };
    static const char *const a2[][4] = {
        {"claim", "Jens Stoltenberg", "Russia has massed many troops near the Ukrainian border", "said"},
        {"figure", NULL, "70000", "troops"},
        {"figure", NULL, "70000", "troops"},
        {"claim", "Jens Stoltenberg", "the alliance will not compromise on core principles", "said"},
        {"figure", NULL, "8500", "troops"},
    };
    article(tmp, "a1", 3, a1);
    article(tmp, "a2", 5, a2);
    fflush(tmp);
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_int_equal(nf_corr_finish(eng, tmp, out), 0);
    fclose(out);
    fclose(tmp);
    const char *want =
        "a1\tfigure\t70000\t1\t2\n"
        "a1\tclaim\tRussia has massed troops near the Ukrainian border\t2\t2\n"
        "a1\tactor\torganization\t\t\n"
        "a2\tclaim\tRussia has massed many troops near the Ukrainian border\t2\t2\n"
        "a2\tfigure\t70000\t1\t2\n"
        "a2\tfigure\t70000\t1\t2\n"
        "a2\tclaim\tthe alliance will not compromise on core principles\t3\t1\n"
        "a2\tfigure\t8500\t4\t1\n";
    assert_string_equal(buf, want);
    free(buf);
}

static void test_empty(void **state)
{
    (void)state;
    FILE *tmp = tmpfile();
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    assert_int_equal(nf_corr_finish(eng, tmp, out), 0);
    fclose(out);
    fclose(tmp);
    assert_int_equal(len, 0);
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_groups),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
