/* Shared by the cmocka tests: one engine with the default options (the compiled-in data),
 * built before a group of tests and freed after it. Include after <cmocka.h> and "nf.h". */
#ifndef NF_TEST_HELPERS_H
#define NF_TEST_HELPERS_H

#include <stdio.h>

static nf_engine *eng;

static int setup(void **st)
{
    (void)st;
    nf_options o;
    nf_options_default(&o);
    char err[256];
    eng = nf_engine_new(&o, err, sizeof err);
    if (!eng)
        fprintf(stderr, "engine: %s\n", err);
    return eng ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    nf_engine_free(eng);
    return 0;
}

#endif
