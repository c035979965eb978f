/* Unit tests for sentences.c: tokens and sentence boundaries. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "nf.h"

#include "helpers.h"

static nf_ana A;

/* Runs the splitter over text (paragraphs split at '\n') into A. */
static void run(const char *text)
{
    nf_ana_free(&A);
    A.eng = eng;
    A.doc.text = (char *)text;
    A.doc.len = (uint32_t)strlen(text);
    nf_sentences_run(&A);
}

static char buf[4096];
static const char *sent_str(size_t i)
{
    size_t n = A.sent[i].end - A.sent[i].start;
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, A.doc.text + A.sent[i].start, n);
    buf[n] = 0;
    return buf;
}

static const char *tok_str(size_t i)
{
    size_t n = A.tok[i].end - A.tok[i].start;
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    memcpy(buf, A.doc.text + A.tok[i].start, n);
    buf[n] = 0;
    return buf;
}

static void test_abbrev(void **st)
{
    (void)st;
    run("Mr. Putin met Gen. Milley in the U.S. capital on Feb. 3. He left.\n");
    assert_int_equal(A.nsent, 2);
    assert_string_equal(sent_str(0), "Mr. Putin met Gen. Milley in the U.S. capital on Feb. 3.");
    run("Troops were sent to the U.S. The move angered Moscow.\n");
    assert_int_equal(A.nsent, 2);
    run("Vladimir V. Putin spoke at 10 p.m. Police said nothing. No. 10 Downing St. agreed.\n");
    assert_int_equal(A.nsent, 3);
    assert_string_equal(sent_str(0), "Vladimir V. Putin spoke at 10 p.m.");
    run("It starts at 5 p.m. EST on Friday. It ends.\n");
    assert_int_equal(A.nsent, 2);
    run("The deadline is 9 a.m. Tuesday for the family. It ends.\n");
    assert_int_equal(A.nsent, 2);
    run("Acme Inc. said so. It rose.\n");
    assert_int_equal(A.nsent, 2);
    /* the longest abbreviations (6 letters) keep their period; a longer word doesn't */
    run("Messrs. Smith and Jones. Messrsx. Smith\n");
    assert_string_equal(tok_str(0), "Messrs.");
    assert_string_equal(tok_str(3), "Jones");
    assert_string_equal(tok_str(5), "Messrsx");
    assert_string_equal(tok_str(6), ".");
}

static void test_numbers(void **st)
{
    (void)st;
    run("About 70,000 troops, 1.5 percent of 26.01.2022 forces, moved.\n");
    assert_int_equal(A.nsent, 1);
    assert_string_equal(tok_str(1), "70,000");
    assert_true(A.tok[1].flags & NF_T_NUM);
    assert_string_equal(tok_str(4), "1.5");
    assert_string_equal(tok_str(7), "26.01.2022");
    run("Russia's 2014 annexation and 2014's events.\n");
    assert_string_equal(tok_str(5), "2014");
    assert_true(A.tok[6].flags & NF_T_POSS);
    run("It was 2014. Then 2015 came.\n");
    assert_int_equal(A.nsent, 2);
}

static void test_words(void **st)
{
    (void)st;
    run("Russia's Russia-backed separatists and the countries' leaders don't agree.\n");
    assert_string_equal(tok_str(0), "Russia");
    assert_string_equal(tok_str(1), "'s");
    assert_true(A.tok[1].flags & NF_T_POSS);
    assert_string_equal(tok_str(2), "Russia-backed");
    assert_true(A.tok[2].flags & NF_T_CAP);
    assert_string_equal(tok_str(6), "countries");
    assert_true(A.tok[7].flags & NF_T_POSS);
    assert_string_equal(tok_str(9), "don't");
    run("NATO\xE2\x80\x99s chief\n");
    assert_string_equal(tok_str(0), "NATO");
    assert_true(A.tok[0].flags & NF_T_UPPER);
    assert_true(A.tok[1].flags & NF_T_POSS);
}

static void test_quotes(void **st)
{
    (void)st;
    run("\"We will not go. We will stay,\" Psaki said. \"Why?\" he asked.\n");
    assert_int_equal(A.nsent, 3);
    assert_string_equal(sent_str(0), "\"We will not go.");
    assert_int_equal(A.sent[0].in_quote, 0);
    assert_int_equal(A.sent[1].in_quote, 1);
    assert_string_equal(sent_str(1), "We will stay,\" Psaki said.");
    assert_int_equal(A.sent[2].in_quote, 0);
    assert_string_equal(sent_str(2), "\"Why?\" he asked.");
    assert_true(A.tok[0].flags & NF_T_OPEN);
    run("He said: \xE2\x80\x9CIt is over.\xE2\x80\x9D Then he left.\n");
    assert_int_equal(A.nsent, 2);
    assert_string_equal(sent_str(0), "He said: \xE2\x80\x9CIt is over.\xE2\x80\x9D");
    run("``It ends,'' he said. ``Now.''\n");
    assert_int_equal(A.nsent, 2);
    assert_true(A.tok[0].flags & NF_T_QUOTE);
    assert_true(A.tok[0].flags & NF_T_OPEN);
    /* a quote running over paragraphs */
    run("\"First part. Still quoted.\n\"Second part.\"\nNot quoted. Really.\n");
    assert_int_equal(A.nsent, 5);
    assert_int_equal(A.sent[1].in_quote, 1);
    assert_int_equal(A.sent[3].in_quote, 0);
    assert_int_equal(A.sent[4].in_quote, 0);
}

static void test_robust(void **st)
{
    (void)st;
    run("");
    assert_int_equal(A.nsent, 0);
    run("no newline at all");
    assert_int_equal(A.nsent, 1);
    assert_true(A.tok[0].flags & NF_T_SENT0);
    run("\n\n\n");
    assert_int_equal(A.nsent, 0);
    run("'\"``''..\xE2\x80\x99s'. \xFF\xFE. U.S.. U. S. A.\n");
    size_t n = 200000;
    char *big = malloc(n + 1);
    for (size_t i = 0; i < n; i++)
        big[i] = "ab. c,D 1.2 \"'"[i % 14];
    big[n] = 0;
    run(big);
    assert_true(A.nsent > 0);
    for (size_t i = 0; i < A.nsent; i++)
        assert_true(A.sent[i].ntok <= 600);
    free(big);
    nf_ana_free(&A);
}

/* Words of ASCII letters and digits end at the first byte that is neither, wherever it
 * lies in the 8-byte words the tokenizer reads at once: every ASCII byte at every position
 * of a long word, and the flags of capitalized and upper-case words. */
static void test_word_runs(void **st)
{
    (void)st;
    static char text[64];
    for (int c = 1; c < 0x80; c++) {
        int alnum = (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
        if (c == '\n' || c == '.' || c == '-' || c == '&' || c == '\'' || c == '"' || c == '`')
            continue; /* ends a paragraph, or may go on a word: other tests */
        for (int k = 1; k < 20; k++) {
            /* a word of k letters, the byte, then letters again, then a space */
            int n = 0;
            for (int i = 0; i < k; i++)
                text[n++] = (char)('a' + i % 26);
            text[n++] = (char)c;
            for (int i = 0; i < 11; i++)
                text[n++] = (char)('m' + i % 13);
            text[n++] = ' ';
            text[n++] = 'x';
            text[n] = '\0';
            run(text);
            assert_true(A.ntok >= 2);
            assert_int_equal(A.tok[0].end, alnum ? (uint32_t)k + 12 : (uint32_t)k);
        }
    }
    run("Reuters NATO UN Ab AB aB a9 X\n");
    static const uint16_t want[] = {NF_T_CAP, NF_T_CAP | NF_T_UPPER, NF_T_CAP | NF_T_UPPER, NF_T_CAP,
                                    NF_T_CAP | NF_T_UPPER, 0, 0, NF_T_CAP};
    assert_int_equal(A.ntok, 8);
    for (size_t i = 0; i < 8; i++)
        assert_int_equal(A.tok[i].flags & (NF_T_CAP | NF_T_UPPER), want[i]);
}

/* The tokenizer's fast paths and the splitter's skipping of plain tokens give what the
 * general rules give (nf__sentences_run_general): random text of words, numbers, marks,
 * quote marks, apostrophes, periods, abbreviations, non-ASCII letters and spaces, control
 * bytes and invalid UTF-8; long runs without an end (MAX_SENT_TOKENS) inside and outside
 * quotes; with and without paragraphs from the normalizer. */
static void test_fast_same(void **st)
{
    (void)st;
    static const char *const pieces[] = {
        "word", "Word", "WORD", "Mr", "Mr.", "U.S.", "U.S", "p.m.", "a.", "A.", "Inc.", "etc.",
        "iPhone", "x", "I", "7", "70,000", "1.5", "2014's", "1990s", "5pm", "'90s", "don't",
        "O'Brien", "countries'", "Russia's", "NATO\xE2\x80\x99s", "AT&T", "S&P", "&", "Russia-backed",
        "co\xE2\x80\x91op", "caf\xC3\xA9", "\xC3\x89lys\xC3\xA9""e", "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0",
        "\xE2\x80\xA6", ".", "..", "...", "!", "?!", "?", "-", "--", "*", "==", "_", ",", ";", ":", "(", ")",
        "[", "]", "%", "$", "\"", "``", "''", "'", "`", "\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",
        "\xE2\x80\x99", "\xC2\xAB", "\xC2\xBB", " ", " ", " ", " ", "  ", "\t", "\xC2\xA0", "\x01",
        "\x7F", "\xFF", "\xC3", "EST", "The", "He", "But", "abcdefghijklmnopqrstuvwxyz0123456789",
        "Abcdefghijklmnop.", "ABCDEFGHIJKLMNOPQRSTUV", "No.", "St.", "Gen.", "Jan.", "vs.",
        "Messrs.", "approx.", "Approx.", "Lieut.", "Messrsx.", "Thurs.",
        "...........................................................................",
        "----------------------------------------------------------------------",
    };
    const size_t npieces = sizeof pieces / sizeof *pieces;
    nf_ana G;
    memset(&G, 0, sizeof G);
    unsigned seed = 12345;
    char *text = malloc(20000);
    for (int round = 0; round < 3000; round++) {
        size_t n = 0, want = (size_t)(round % 50 == 0 ? 15000 : 50 + round % 400);
        while (n < want) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = seed >> 8;
            const char *pc;
            if (round % 50 == 0 && r % 3) /* long runs: plain words */
                pc = r % 7 ? "word " : r % 11 ? "\" " : "Mr ";
            else if (r % 97 == 0)
                pc = "\n";
            else
                pc = pieces[r % npieces];
            size_t k = strlen(pc);
            if (n + k >= 19999)
                break;
            memcpy(text + n, pc, k);
            n += k;
            if (r % 3 == 0)
                text[n++] = ' ';
        }
        text[n] = '\0';
        run(text);
        nf_ana_free(&G);
        G.eng = eng;
        G.doc.text = text;
        G.doc.len = (uint32_t)n;
        nf__sentences_run_general(&G);
        assert_int_equal(A.ntok, G.ntok);
        for (size_t i = 0; i < A.ntok; i++) {
            assert_int_equal(A.tok[i].start, G.tok[i].start);
            assert_int_equal(A.tok[i].end, G.tok[i].end);
            assert_int_equal(A.tok[i].flags, G.tok[i].flags);
        }
        assert_int_equal(A.nsent, G.nsent);
        for (size_t i = 0; i < A.nsent; i++) {
            assert_int_equal(A.sent[i].tok0, G.sent[i].tok0);
            assert_int_equal(A.sent[i].ntok, G.sent[i].ntok);
            assert_int_equal(A.sent[i].para, G.sent[i].para);
            assert_int_equal(A.sent[i].in_quote, G.sent[i].in_quote);
        }
    }
    nf_ana_free(&G);
    nf_ana_free(&A);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_abbrev),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_words),
        cmocka_unit_test(test_quotes),
        cmocka_unit_test(test_robust),
        cmocka_unit_test(test_word_runs),
        cmocka_unit_test(test_fast_same),
    };
    return cmocka_run_group_tests_name("sentences", tests, setup, teardown);
}
