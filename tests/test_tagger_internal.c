/* Unit tests for tagger.c's internal interface (NF_TAGGER_INTERNAL): the runtime scores
 * with the features regrouped (per-word role sums, a word cache) and must give exactly the
 * tags of the feature lists training uses. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#define NF_TAGGER_INTERNAL
#include "tagger.h"

/* The embedded data files, as declared in nf.h (not included: its nf_tok is not the
 * tagger's). */
typedef struct nf_blob { const char *name; const unsigned char *data; size_t len; } nf_blob;
extern const nf_blob nf_blobs[];
extern const size_t nf_nblobs;

static nf_tagger *tg;

static int setup(void **st)
{
    (void)st;
    for (size_t i = 0; i < nf_nblobs; i++)
        if (strcmp(nf_blobs[i].name, "tagger.model") == 0)
            tg = nf_tagger_load(nf_blobs[i].data, nf_blobs[i].len);
    return tg ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    nf_tagger_free(tg);
    return 0;
}

static uint64_t rnd(uint64_t *r)
{
    *r = *r * 6364136223846793005ull + 1442695040888963407ull;
    return *r >> 33;
}

/* A pseudo-random word: capitals, lower case, digits, punctuation, Latin-1 letters, quotes,
 * invalid bytes; from a small vocabulary half the time, so that words repeat. */
static size_t rnd_word(uint64_t *r, char *out)
{
    static const char *const pieces[] = {"A", "b", "c", "Z", "q", "e", "7", "0", "-", ".", "'", ",",
                                         "\xC3\x89", "\xC3\xA9", "\xE2\x80\x99", "\xE2\x80\x94", "\xFF",
                                         "\xE4\xB8\xAD", "The", "of", "Kohl", "Paris", "said", "US"};
    static const char *const vocab[] = {"The", "the", "of", "Kohl", "Helmut", "Paris", "said", ",", ".",
                                        "US", "NATO", "Mr.", "and", "in", "European", "Commission", "1996",
                                        "BBC", "He", "Chancellor", "O'Neill", "x", "Ministry", "Foreign"};
    uint64_t v = rnd(r);
    if (v & 1) {
        const char *w = vocab[(v >> 1) % (sizeof vocab / sizeof *vocab)];
        strcpy(out, w);
        return strlen(w);
    }
    size_t n = 0, np = 1 + (v >> 1) % 9;
    for (size_t k = 0; k < np; k++) {
        const char *p = pieces[rnd(r) % (sizeof pieces / sizeof *pieces)];
        memcpy(out + n, p, strlen(p));
        n += strlen(p);
    }
    return n;
}

static int cmp_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? -1 : x > y;
}

/* The union over the five roles, nf__ctx_feats and nf__hist_feats is the multiset
 * nf__static_feats + nf__dyn_feats, for every window shape. */
static void test_feature_partition(void **st)
{
    (void)st;
    static const int role_at[5] = {NF_R_M2, NF_R_M1, NF_R_C, NF_R_P1, NF_R_P2};
    uint64_t r = 42;
    char buf[5][64];
    nf_tok tok[5];
    for (int trial = 0; trial < 3000; trial++) {
        for (int k = 0; k < 5; k++)
            nf__tok_info(buf[k], rnd_word(&r, buf[k]), &tok[k]);
        const nf_tok *win[5];
        for (int k = 0; k < 5; k++)
            win[k] = (k != 2 && rnd(&r) % 3 == 0) ? NULL : &tok[k]; /* outside the sentence */
        size_t i = (size_t)(trial % 3);
        uint32_t sflags = (trial & 8) ? NF_SF_ALLCAPS : 0;
        int p1 = (int)(rnd(&r) % 10) - 1, p2 = (int)(rnd(&r) % 10) - 1;
        uint32_t a[NF_MAX_STATIC + NF_MAX_DYN], b[5 * NF_MAX_ROLE + NF_MAX_CTX + 2];
        size_t na = nf__static_feats(win, i, sflags, a);
        na += nf__dyn_feats(win, p1, p2, a + na);
        size_t nb = 0;
        for (int k = 0; k < 5; k++)
            nb += nf__role_feats(role_at[k], win[k], b + nb);
        nb += nf__ctx_feats(win, i, sflags, p1, b + nb);
        nb += nf__hist_feats(p1, p2, b + nb);
        assert_int_equal(na, nb);
        qsort(a, na, sizeof *a, cmp_u32);
        qsort(b, nb, sizeof *b, cmp_u32);
        assert_memory_equal(a, b, na * sizeof *a);
    }
}

/* The greedy decoder as training sees it: every feature of nf__static_feats and
 * nf__dyn_feats looked up one by one, tokens skipped by nf__skip. */
static void ref_tag(const char *const *w, const size_t *l, size_t n, uint8_t *tags)
{
    nf_tok tk[64];
    for (size_t i = 0; i < n; i++)
        nf__tok_info(w[i], l[i], &tk[i]);
    uint32_t sflags = nf__sent_flags(w, l, n);
    int p1 = -1, p2 = -1;
    for (size_t i = 0; i < n; i++) {
        int best = NF_TAG_O;
        if (!nf__skip(&tk[i], p1)) {
            const nf_tok *win[5];
            for (size_t k = 0; k < 5; k++) {
                size_t j = i + k; /* position + 2 */
                win[k] = (j < 2 || j - 2 >= n) ? NULL : &tk[j - 2];
            }
            uint32_t f[NF_MAX_STATIC + NF_MAX_DYN];
            size_t nf = nf__static_feats(win, i, sflags, f);
            nf += nf__dyn_feats(win, p1, p2, f + nf);
            int32_t sc[NF_NTAGS] = {0};
            for (size_t k = 0; k < nf; k++) {
                const int16_t *wt = nf__lookup(tg, f[k]);
                for (int t = 0; wt && t < NF_NTAGS; t++)
                    sc[t] += wt[t];
            }
            for (int t = 1; t < NF_NTAGS; t++)
                if (nf__allowed(p1, t) && sc[t] > sc[best])
                    best = t;
        }
        tags[i] = (uint8_t)best;
        p2 = p1;
        p1 = best;
    }
}

/* With a word cache (kept across sentences, so words meet their cached selves) and
 * without, the tags are the reference decoder's. */
static void test_cached_equals_reference(void **st)
{
    (void)st;
    nf_tagger_cache *wc = nf_tagger_cache_new();
    assert_non_null(wc);
    uint64_t r = 7;
    static char buf[64][128];
    const char *w[64];
    size_t l[64];
    uint8_t t0[64], t1[64], t2[64];
    size_t named = 0;
    for (int trial = 0; trial < 4000; trial++) {
        size_t n = 1 + rnd(&r) % 40;
        for (size_t i = 0; i < n; i++) {
            l[i] = rnd_word(&r, buf[i]);
            w[i] = buf[i];
        }
        ref_tag(w, l, n, t0);
        nf_tagger_tag(tg, w, l, n, t1);
        nf_tagger_tag_cached(tg, wc, w, l, n, t2);
        assert_memory_equal(t0, t1, n);
        assert_memory_equal(t0, t2, n);
        for (size_t i = 0; i < n; i++)
            named += t0[i] != NF_TAG_O;
    }
    assert_true(named > 1000); /* names are tagged, not only O */
    nf_tagger_cache_free(wc);
}

/* nf__tok_info is what the model was trained on: its hashes and flags must never change.
 * The digest of its output over pseudo-random words (UTF-8 pieces, invalid bytes) was taken
 * with the original implementation (commit 35513c8). */
static void test_tok_info_unchanged(void **st)
{
    (void)st;
    uint64_t r = 2024;
    uint32_t h = 2166136261u;
    char buf[32];
    static const char alpha[] = "aZqE7-.'\xC3\x89\xC3\xA9\xE2\x80\x99\xE2\x80\x94\xFF\xE4\xB8\xAD"
                                "0Mx";
    for (int i = 0; i < 50000; i++) {
        size_t n = rnd(&r) % 24;
        for (size_t k = 0; k < n; k++)
            buf[k] = (i & 1) ? alpha[rnd(&r) % (sizeof alpha - 1)] : (char)(rnd(&r) & 0xff);
        nf_tok t;
        nf__tok_info(buf, n, &t);
        uint32_t v[13] = {t.norm,   t.exact,  t.lshape, t.sshape, t.pre[0], t.pre[1], t.pre[2],
                          t.pre[3], t.suf[0], t.suf[1], t.suf[2], t.suf[3], t.flags};
        for (int k = 0; k < 13; k++)
            h = (h ^ v[k]) * 16777619u;
    }
    assert_int_equal(h, 0x11cda084u);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tok_info_unchanged),
        cmocka_unit_test(test_feature_partition),
        cmocka_unit_test(test_cached_equals_reference),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
