/* Unit tests for tagger.c: the embedded model loads and tags; malformed models are refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "nf.h"
#include "tagger.h"

/* from the internal part of tagger.h (whose nf_tok clashes with the one of nf.h) */
int nf__closed(const char *w, size_t n);

static const unsigned char *model;
static size_t model_len;
static nf_tagger *tg;

static int setup(void **st)
{
    (void)st;
    for (size_t i = 0; i < nf_nblobs; i++)
        if (strcmp(nf_blobs[i].name, "tagger.model") == 0) {
            model = nf_blobs[i].data;
            model_len = nf_blobs[i].len;
        }
    if (!model)
        return -1;
    tg = nf_tagger_load(model, model_len);
    return tg ? 0 : -1;
}

static int teardown(void **st)
{
    (void)st;
    nf_tagger_free(tg);
    return 0;
}

/* Splits s at spaces and tags it. */
static size_t tag(const char *s, uint8_t *tags, const char **w, size_t *l)
{
    static char buf[1024];
    strncpy(buf, s, sizeof buf - 1);
    size_t n = 0;
    for (char *p = strtok(buf, " "); p; p = strtok(NULL, " ")) {
        w[n] = p;
        l[n] = strlen(p);
        n++;
    }
    nf_tagger_tag(tg, w, l, n, tags);
    return n;
}

static void test_tags_a_sentence(void **st)
{
    (void)st;
    const char *w[64];
    size_t l[64];
    uint8_t t[64];
    size_t n = tag("German Chancellor Helmut Kohl met officials of the European Commission in Paris on Monday .",
                   t, w, l);
    assert_int_equal(n, 15);
    assert_int_equal(t[0], NF_TAG_B_MISC); /* German */
    assert_int_equal(t[1], NF_TAG_O);      /* Chancellor */
    assert_int_equal(t[2], NF_TAG_B_PER);
    assert_int_equal(t[3], NF_TAG_I_PER);
    assert_int_equal(t[4], NF_TAG_O);
    assert_int_equal(t[8], NF_TAG_B_ORG); /* European Commission */
    assert_int_equal(t[9], NF_TAG_I_ORG);
    assert_int_equal(t[11], NF_TAG_B_LOC); /* Paris */
    assert_int_equal(t[13], NF_TAG_O);     /* Monday */
}

static void test_lower_case_is_outside(void **st)
{
    (void)st;
    const char *w[64];
    size_t l[64];
    uint8_t t[64];
    size_t n = tag("the talks went on for hours , officials said .", t, w, l);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(t[i], NF_TAG_O);
}

static void test_valid_sequences(void **st)
{
    (void)st;
    /* the decoder never emits I-X after O or another type */
    const char *w[64];
    size_t l[64];
    uint8_t t[64];
    size_t n = tag("Reuters Bank Of New York Mellon Corp said Smith Barney Paris Texas WASHINGTON 1996-08-22", t, w, l);
    for (size_t i = 0; i < n; i++)
        if (t[i] != NF_TAG_O && !(t[i] & 1))
            assert_true(i > 0 && (t[i - 1] == t[i] || t[i - 1] == t[i] - 1));
}

static void test_empty_and_null(void **st)
{
    (void)st;
    uint8_t t[1] = {42};
    nf_tagger_tag(tg, NULL, NULL, 0, t);
    assert_int_equal(t[0], 42);
    const char *w[2] = {"Kohl", "\xff\xfe\xe2\x80"};
    size_t l[2] = {4, 4};
    uint8_t t2[2];
    nf_tagger_tag(NULL, w, l, 2, t2); /* no model: all O */
    assert_int_equal(t2[0], NF_TAG_O);
    nf_tagger_tag(tg, w, l, 2, t2);
    assert_true(t2[1] < NF_NTAGS);
}

static void test_malformed_models(void **st)
{
    (void)st;
    assert_null(nf_tagger_load(NULL, 0));
    assert_null(nf_tagger_load(model, 31));
    assert_null(nf_tagger_load(model, model_len - 1)); /* truncated */
    unsigned char *copy = malloc(model_len);
    memcpy(copy, model, model_len);
    copy[model_len / 2] ^= 0x40; /* checksum no longer matches */
    assert_null(nf_tagger_load(copy, model_len));
    memcpy(copy, model, model_len);
    copy[0] = 'X'; /* magic */
    assert_null(nf_tagger_load(copy, model_len));
    memcpy(copy, model, model_len);
    nf_tagger *t2 = nf_tagger_load(copy, model_len); /* the copy itself is fine */
    assert_non_null(t2);
    nf_tagger_free(t2);
    free(copy);
}

static size_t put_var(unsigned char *p, uint32_t v)
{
    size_t k = 0;
    while (v >= 0x80) {
        p[k++] = (unsigned char)(v | 0x80);
        v >>= 7;
    }
    p[k++] = (unsigned char)v;
    return k;
}

static void put_u32(unsigned char *p, uint32_t v)
{
    for (int k = 0; k < 4; k++)
        p[k] = (unsigned char)(v >> (8 * k));
}

/* A model image of the ascending keys, feature f weighing f+1 for tag f % 9 (-1 for O). */
static unsigned char *image(const uint32_t *keys, size_t n, size_t *len)
{
    unsigned char *img = calloc(1, 32 + n * 16);
    size_t pos = 28;
    for (size_t f = 0; f < n; f++) {
        pos += put_var(img + pos, f ? keys[f] - keys[f - 1] : keys[f]);
        unsigned tt = (unsigned)(f % NF_NTAGS);
        pos += put_var(img + pos, (1u << tt) | (tt ? 1u : 0u));
        if (tt)
            pos += put_var(img + pos, 1); /* O: -1 */
        pos += put_var(img + pos, (uint32_t)(2 * (f % 1000 + 1)));
    }
    memcpy(img, "NFTAGGR1", 8);
    put_u32(img + 8, 1);
    put_u32(img + 12, NF_NTAGS);
    put_u32(img + 16, (uint32_t)n);
    memcpy(img + 20, model + 20, 4); /* the feature-set id of the real model */
    put_u32(img + 24, (uint32_t)(pos - 28));
    uint32_t h = 2166136261u; /* FNV-1a-32 */
    for (size_t k = 0; k < pos; k++)
        h = (h ^ img[k]) * 16777619u;
    put_u32(img + pos, h);
    *len = pos + 4;
    return img;
}

/* The table laid out in one pass finds every key, including runs of keys with one home
 * slot and keys at the very end of the key space, and no key it does not hold. */
static void test_table_layout(void **st)
{
    (void)st;
    uint32_t keys[3000];
    size_t n = 0;
    for (uint32_t k = 1; k <= 1000; k++) /* one home slot for all */
        keys[n++] = k;
    for (uint32_t k = 0; k < 1000; k++)
        keys[n++] = 0x40000000u + k * 2654435u;
    for (uint32_t k = 1000; k > 0; k--) /* the end of the key space */
        keys[n++] = 0xffffffffu - k * 3 + 1;
    size_t len;
    unsigned char *img = image(keys, n, &len);
    nf_tagger *t = nf_tagger_load(img, len);
    assert_non_null(t);
    for (size_t f = 0; f < n; f++) {
        const int16_t *w = nf__lookup(t, keys[f]);
        assert_non_null(w);
        unsigned tt = (unsigned)(f % NF_NTAGS);
        assert_int_equal(w[tt], (int)(f % 1000 + 1));
        if (tt)
            assert_int_equal(w[0], -1);
    }
    assert_null(nf__lookup(t, 1001));
    assert_null(nf__lookup(t, 0x40000001u));
    assert_null(nf__lookup(t, 0xfffffffeu));
    assert_null(nf__lookup(t, 0x7fffffffu));
    nf_tagger_free(t);
    free(img);
}

static uint32_t get_var(const unsigned char *p, size_t *pos)
{
    uint32_t v = 0;
    for (int sh = 0;; sh += 7) {
        unsigned char c = p[(*pos)++];
        v |= (uint32_t)(c & 0x7f) << sh;
        if (!(c & 0x80))
            return v;
    }
}

/* The table gives every key of the model exactly the weights of a straightforward decoding
 * of the image, and no weights to keys next to them that the model lacks. */
static void test_table_holds_the_model(void **st)
{
    (void)st;
    size_t pos = 28, end = model_len - 4, nkeys = 0, nlong = 0;
    uint32_t key = 0;
    while (pos < end) {
        uint32_t d = get_var(model, &pos), mask = get_var(model, &pos);
        key += d;
        int16_t want[NF_NTAGS] = {0};
        int nw = 0;
        for (int t = 0; t < NF_NTAGS; t++)
            if (mask & (1u << t)) {
                uint32_t z = get_var(model, &pos);
                want[t] = (int16_t)((z & 1) ? -(int32_t)((z + 1) >> 1) : (int32_t)(z >> 1));
                nw++;
            }
        const int16_t *got = nf__lookup(tg, key);
        assert_non_null(got);
        assert_memory_equal(got, want, sizeof want);
        if (d > 1) /* key - 1 is not a feature */
            assert_null(nf__lookup(tg, key - 1));
        nkeys++;
        nlong += nw > 5;
    }
    assert_int_equal(pos, end);
    assert_true(nkeys > 50000); /* 54,030 in feature set 10 (mincount 2) */
    assert_true(nlong > 1000); /* features with many weights */
}

/* nf__closed is the closed-class test of the word lists below (the tagger's hashed table of
 * them must agree): every list word in any case but all capitals, and no other word. */
static const char *const closed_lists[] = {
    "a|an|at|and|as|after|also|about|although|all|", "but|before|by|because|both|", "during|", "each|",
    "for|from|", "he|his|her|however|", "in|if|it|i|its|", "last|", "many|most|meanwhile|more|",
    "no|not|next|", "on|or|our|of|one|over|other|", "she|some|so|since|",
    "the|they|their|this|that|these|those|there|to|though|", "until|under|",
    "when|while|we|what|who|which|with|", "you|"};

static int closed_ref(const char *w, size_t n)
{
    if (n == 0 || n > 9 || (n > 1 && w[1] >= 'A' && w[1] <= 'Z'))
        return 0;
    char low[16];
    for (size_t i = 0; i < n; i++) {
        char c = w[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        else if (c < 'a' || c > 'z')
            return 0;
        low[i] = c;
    }
    for (size_t l = 0; l < sizeof closed_lists / sizeof *closed_lists; l++)
        for (const char *p = closed_lists[l]; *p;) {
            size_t k = strcspn(p, "|");
            if (k == n && memcmp(p, low, n) == 0)
                return 1;
            p += k + 1;
        }
    return 0;
}

static void test_closed_class(void **st)
{
    (void)st;
    size_t nclosed = 0;
    char w[16];
    for (size_t l = 0; l < sizeof closed_lists / sizeof *closed_lists; l++)
        for (const char *p = closed_lists[l]; *p;) {
            size_t k = strcspn(p, "|");
            memcpy(w, p, k);
            assert_true(nf__closed(w, k));
            w[0] = (char)(w[0] - 32); /* `The` */
            assert_true(nf__closed(w, k));
            for (size_t i = 1; i < k; i++) /* `THE`, `THe` are scored */
                w[i] = (char)(w[i] - 32);
            assert_int_equal(nf__closed(w, k), k == 1);
            w[k] = 's'; /* longer: `Thes`, `Alls` */
            assert_int_equal(nf__closed(w, k + 1), closed_ref(w, k + 1));
            assert_int_equal(nf__closed(w, k - 1), closed_ref(w, k - 1)); /* shorter */
            nclosed++;
            p += k + 1;
        }
    assert_int_equal(nclosed, 67);
    /* random words of letters and a few other bytes, most of them near misses */
    const char alpha[] = "aehilmnorstuwyATHEW'-0\xc3";
    uint32_t r = 12345;
    for (int t = 0; t < 200000; t++) {
        size_t n = 0;
        r = r * 1103515245u + 12345u;
        size_t len = (r >> 16) % 11;
        for (; n < len; n++) {
            r = r * 1103515245u + 12345u;
            w[n] = alpha[(r >> 16) % (sizeof alpha - 1)];
        }
        assert_int_equal(nf__closed(w, n), closed_ref(w, n));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tags_a_sentence),
        cmocka_unit_test(test_lower_case_is_outside),
        cmocka_unit_test(test_valid_sequences),
        cmocka_unit_test(test_empty_and_null),
        cmocka_unit_test(test_malformed_models),
        cmocka_unit_test(test_table_layout),
        cmocka_unit_test(test_table_holds_the_model),
        cmocka_unit_test(test_closed_class),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
