/* regex.c — PCRE2 patterns: compiled once (UTF, JIT where available) with match and depth
 * limits, matched with per-thread match data so threads never share mutable state. */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "nf.h"

#define NF_RE_OVEC 64
#define NF_RE_MATCH_LIMIT 1000000u
#define NF_RE_DEPTH_LIMIT 10000u

struct nf_re {
    pcre2_code *code;
};

struct nf_worker {
    pcre2_match_data *md;
    pcre2_match_context *mc;
};

static atomic_long re_limit_hits;

nf_re *nf_re_compile(const char *pattern, uint32_t flags, char *err, size_t errlen)
{
    int ec;
    PCRE2_SIZE eo;
    pcre2_code *code = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                     flags | PCRE2_UTF | PCRE2_NO_UTF_CHECK, &ec, &eo, NULL);
    if (!code) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(ec, msg, sizeof msg);
        snprintf(err, errlen, "regex at offset %zu: %s: %s", (size_t)eo, (const char *)msg,
                 pattern);
        return NULL;
    }
    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE); /* falls back to the interpreter */
    nf_re *re = malloc(sizeof *re);
    if (!re) {
        pcre2_code_free(code);
        snprintf(err, errlen, "out of memory");
        return NULL;
    }
    re->code = code;
    return re;
}

void nf_re_free(nf_re *re)
{
    if (!re)
        return;
    pcre2_code_free(re->code);
    free(re);
}

nf_worker *nf_worker_new(void)
{
    nf_worker *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->md = pcre2_match_data_create(NF_RE_OVEC, NULL);
    w->mc = pcre2_match_context_create(NULL);
    if (!w->md || !w->mc) {
        nf_worker_free(w);
        return NULL;
    }
    pcre2_set_match_limit(w->mc, NF_RE_MATCH_LIMIT);
    pcre2_set_depth_limit(w->mc, NF_RE_DEPTH_LIMIT);
    return w;
}

void nf_worker_free(nf_worker *w)
{
    if (!w)
        return;
    pcre2_match_data_free(w->md);
    pcre2_match_context_free(w->mc);
    free(w);
}

int nf_re_match(const nf_re *re, nf_worker *w, const char *s, size_t len, size_t start,
                size_t *ov, int nov)
{
    if (start > len)
        return 0;
    int rc = pcre2_match(re->code, (PCRE2_SPTR)s, len, start, PCRE2_NO_UTF_CHECK, w->md, w->mc);
    if (rc == PCRE2_ERROR_NOMATCH)
        return 0;
    if (rc < 0) {
        if (rc == PCRE2_ERROR_MATCHLIMIT || rc == PCRE2_ERROR_DEPTHLIMIT ||
            rc == PCRE2_ERROR_JIT_STACKLIMIT)
            atomic_fetch_add(&re_limit_hits, 1);
        return -1;
    }
    PCRE2_SIZE *v = pcre2_get_ovector_pointer(w->md);
    int have = (int)pcre2_get_ovector_count(w->md);
    for (int i = 0; i < nov; i++) {
        if (i < have && i < rc && v[2 * i] != PCRE2_UNSET) {
            ov[2 * i] = v[2 * i];
            ov[2 * i + 1] = v[2 * i + 1];
        } else {
            ov[2 * i] = ov[2 * i + 1] = (size_t)-1;
        }
    }
    return 1;
}

long nf_re_limit_hits(void) { return atomic_load(&re_limit_hits); }
