/* Unit tests for the shared helpers whose fast paths work on whole words: nf_lower (every
 * length, in place or not), the string map (hits, misses, NULL values, growth), nf_span_text
 * and nf_sent_text (collapsing, trimming, the per-sentence copy), and the TSV writer's
 * field cleaning at every position of an 8-byte word. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "nf.h"

/* The byte-by-byte definitions the fast paths must agree with. */
static void lower_ref(const char *s, size_t n, char *out)
{
    for (size_t i = 0; i < n; i++)
        out[i] = (char)nf_tolower((unsigned char)s[i]);
}

static void test_lower(void **st)
{
    (void)st;
    char src[80], want[80], got[80], inplace[80];
    srand(3);
    for (int round = 0; round < 4000; round++) {
        size_t n = (size_t)(round % 72);
        for (size_t i = 0; i < n; i++) /* letters of both cases, their neighbours, high bytes */
            src[i] = "AZaz@[`{09 \x80\xC3\xA9\xFF"[rand() % 15];
        memset(got, '#', sizeof got);
        lower_ref(src, n, want);
        nf_lower(src, n, got);
        assert_memory_equal(got, want, n);
        assert_int_equal(got[n], '#'); /* nothing written past n */
        memcpy(inplace, src, n);
        nf_lower(inplace, n, inplace);
        if (n)
            assert_memory_equal(inplace, want, n);
    }
}

static void test_map(void **st)
{
    (void)st;
    nf_map *m = nf_map_new();
    char key[32];
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof key, "k%d%s", i, i % 3 ? "-long-enough-key" : "");
        nf_map_put(m, key, (size_t)n, i % 7 ? (void *)(intptr_t)(i + 1) : NULL);
    }
    assert_int_equal(nf_map_count(m), 5000);
    for (int i = 0; i < 5000; i++) {
        int n = snprintf(key, sizeof key, "k%d%s", i, i % 3 ? "-long-enough-key" : "");
        assert_true(nf_map_has(m, key, (size_t)n)); /* present, even with a NULL value */
        assert_ptr_equal(nf_map_get(m, key, (size_t)n), i % 7 ? (void *)(intptr_t)(i + 1) : NULL);
        if (i % 3) /* a prefix is another key (k1 is one of k10's) */
            assert_false(nf_map_has(m, key, (size_t)n - 1));
        n = snprintf(key, sizeof key, "x%d", i);
        assert_false(nf_map_has(m, key, (size_t)n));
        assert_null(nf_map_get(m, key, (size_t)n));
    }
    assert_false(nf_map_has(m, "", 0));
    nf_map_put(m, "", 0, (void *)1);
    assert_true(nf_map_has(m, "", 0));
    nf_map_put(m, "k1-long-enough-key", 18, (void *)99); /* replaces */
    assert_ptr_equal(nf_map_get(m, "k1-long-enough-key", 18), (void *)99);
    assert_null(nf_map_get(NULL, "a", 1));
    nf_map_free(m);
    /* every key of 1 to 12 bytes over "a\0" (NUL bytes too): each is found with its own
     * value, and none of "b.." */
    m = nf_map_new();
    for (int pass = 0; pass < 2; pass++)
        for (size_t n = 1; n <= 12; n++)
            for (unsigned bits = 0; bits < (1u << n); bits++) {
                char k[12];
                for (size_t j = 0; j < n; j++)
                    k[j] = (bits >> j) & 1 ? 'a' : '\0';
                intptr_t v = (intptr_t)(n << 16 | bits) + 1;
                if (pass == 0)
                    nf_map_put(m, k, n, (void *)v);
                else
                    assert_ptr_equal(nf_map_get(m, k, n), (void *)v);
                k[0] = 'b';
                if (pass == 1)
                    assert_null(nf_map_get(m, k, n));
            }
    nf_map_free(m);
}

static const char *span_ref(char *out, const char *s, size_t n, int lower)
{
    size_t k = 0;
    int sp = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (nf_isspace(ch)) {
            sp = k > 0;
            continue;
        }
        if (sp)
            out[k++] = ' ';
        sp = 0;
        out[k++] = (char)(lower ? nf_tolower(ch) : ch);
    }
    out[k] = 0;
    return out;
}

static void test_span_text(void **st)
{
    (void)st;
    nf_ana a;
    memset(&a, 0, sizeof a);
    static const char *const spans[] = {
        "", " ", "a", "Two words", " lead", "trail ", "two  spaces", "tab\there", "line\nend",
        "\n\nBoth ends \t", "one\x01control", "MiXeD Case words", " a b c ", "x \n y",
    };
    char want[64];
    for (size_t i = 0; i < sizeof spans / sizeof *spans; i++)
        for (int lower = 0; lower < 2; lower++) {
            const char *s = spans[i];
            assert_string_equal(nf_span_text(&a, s, strlen(s), lower), span_ref(want, s, strlen(s), lower));
        }
    srand(5); /* random spans across the 8-byte words of the fast check */
    for (int round = 0; round < 20000; round++) {
        char s[48], big[64];
        size_t n = (size_t)(rand() % 40);
        for (size_t i = 0; i < n; i++)
            s[i] = "ab  \t\n\r\x01\xC3\xA9Z."[rand() % 12];
        int lower = round & 1;
        assert_string_equal(nf_span_text(&a, s, n, lower), span_ref(big, s, n, lower));
    }
    /* mostly letters, now and then a space, two spaces or another blank, anywhere in the
     * sixteen- and eight-byte blocks of the fast check */
    for (int round = 0; round < 20000; round++) {
        char s[100], big[120];
        size_t n = (size_t)(rand() % 96);
        for (size_t i = 0; i < n; i++) {
            int r = rand() % 40;
            s[i] = r == 0 ? ' ' : r == 1 ? "\t\n\r\v\f"[rand() % 5] : "abcdefghijklmnopqrstuvwxyzABC.,\xC3\xA9"[r % 33];
            if (r == 0 && i + 1 < n && rand() % 2)
                s[++i] = ' ';
        }
        int lower = round & 1;
        assert_string_equal(nf_span_text(&a, s, n, lower), span_ref(big, s, n, lower));
    }
    /* a sentence's text is made once and shared */
    char text[] = "First  sentence here.\nSecond one.";
    a.doc.text = text;
    a.doc.len = (uint32_t)strlen(text);
    nf_sent s[2] = {{.start = 0, .end = 21}, {.start = 22, .end = 33}};
    a.sent = s;
    a.nsent = a.capsent = 2;
    const char *t0 = nf_sent_text(&a, &a.sent[0]);
    assert_string_equal(t0, "First sentence here.");
    assert_ptr_equal(nf_sent_text(&a, &a.sent[0]), t0);
    assert_string_equal(nf_sent_text(&a, &a.sent[1]), "Second one.");
    nf_sent other = {.start = 0, .end = 5}; /* not one of a->sent: made each time */
    assert_string_equal(nf_sent_text(&a, &other), "First");
    assert_null(other.text);
    nf_arena_free(&a.arena);
}

/* Every nasty byte at every position of a field: TSV never holds a TAB, CR, LF or control
 * character, and the rest is as the byte-by-byte rules say. */
static void test_tsv_positions(void **st)
{
    (void)st;
    nf_options o;
    nf_options_default(&o);
    static const struct { const char *in, *out; } nasty[] = {
        {"\t", " "}, {"\n", " "}, {"\r", " "}, {"\x01", ""}, {"\x7f", ""}, {"\xC2\x85", ""},
        {"\xFF", "\xEF\xBF\xBD"}, {"\xC3\xA9", "\xC3\xA9"}, {"\xEF\xBF\xBD", "\xEF\xBF\xBD"},
        {"\xE2\x82", "\xEF\xBF\xBD\xEF\xBF\xBD"}, {"\x1f", ""}, {"~", "~"}, {" ", " "},
        {"\xC2\xA0", "\xC2\xA0"}, {"\x80", "\xEF\xBF\xBD"},
    };
    for (size_t k = 0; k < sizeof nasty / sizeof *nasty; k++)
        for (size_t pos = 0; pos < 20; pos++)
            for (size_t len = pos; len < pos + 12; len++) {
                char in[64], want[128];
                memset(in, 'x', len);
                memcpy(in + pos, nasty[k].in, strlen(nasty[k].in));
                size_t inlen = len + strlen(nasty[k].in);
                in[inlen] = 0;
                snprintf(want, sizeof want, "%.*s%s%.*s\n", (int)pos, in, nasty[k].out,
                         (int)(len - pos), in + pos + strlen(nasty[k].in));
                const char *cols[NF_NCOLS] = {0};
                o.nfields = 1;
                o.fields[0] = NF_COL_TEXT;
                cols[NF_COL_TEXT] = in;
                nf_buf out = {0};
                nf_write_tsv(&o, cols, &out);
                assert_string_equal(out.p, want);
                nf_buf_free(&out);
            }
}

static void test_plain_prefix(void **st)
{
    (void)st;
    srand(11);
    for (int round = 0; round < 20000; round++) {
        char s[40];
        size_t n = (size_t)(rand() % 40);
        for (size_t i = 0; i < n; i++) /* mostly plain, now and then a byte that stops it */
            s[i] = rand() % 12 ? "abc XYZ09~ !"[rand() % 12] : "\"\\\t\x7f\x80\xff\x1f,"[rand() % 8];
        unsigned char x1 = round % 3 == 0 ? '"' : 0x7F, x2 = round % 3 == 1 ? '\\' : 0x7F;
        size_t want = 0;
        while (want < n && (unsigned char)s[want] >= 0x20 && (unsigned char)s[want] < 0x7F &&
               (unsigned char)s[want] != x1 && (unsigned char)s[want] != x2)
            want++;
        assert_int_equal(nf_plain_prefix(s, n, x1, x2), want);
    }
}

/* nf_row_add's line and column (the last row's segment as a hint) are nf_doc_pos's, for
 * offsets ascending, random and repeated, with segments that share an offset, a first
 * segment after offset 0, and none at all. */
static void test_row_add_pos(void **st)
{
    (void)st;
    srand(9);
    for (int round = 0; round < 300; round++) {
        nf_ana a;
        memset(&a, 0, sizeof a);
        size_t nseg = round % 10 == 0 ? 0 : (size_t)(rand() % 30 + 1);
        uint32_t off = round % 3 == 0 ? (uint32_t)(rand() % 5) : 0;
        for (size_t i = 0; i < nseg; i++) {
            nf_seg *sg = NF_PUSH(a.doc.seg, a.doc.nseg, a.doc.capseg);
            sg->off = off;
            sg->line = (long)(i * 3 + 1);
            sg->col = rand() % 4;
            off += (uint32_t)(rand() % 3 == 0 ? 0 : rand() % 50);
        }
        uint32_t o = 0;
        for (int i = 0; i < 200; i++) {
            o = rand() % 4 ? o + (uint32_t)(rand() % 20) : (uint32_t)(rand() % (off + 60));
            nf_row *r = nf_row_add(&a, NF_KIND_ACTOR, o);
            long line, col;
            nf_doc_pos(&a.doc, o, &line, &col);
            assert_int_equal(r->line, line);
            assert_int_equal(r->col, col);
        }
        free(a.doc.seg);
        free(a.row);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lower),
        cmocka_unit_test(test_map),
        cmocka_unit_test(test_span_text),
        cmocka_unit_test(test_row_add_pos),
        cmocka_unit_test(test_tsv_positions),
        cmocka_unit_test(test_plain_prefix),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
