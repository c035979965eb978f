/* Unit tests for numbers.c: the number grammar. Each case is one cmocka test: a text that
 * must read as exactly one number expression with the given value ("LOW..HIGH" for ranges,
 * "OLD->NEW" for changes), or NULL when it must not read as a number at all. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "nf.h"
#include "numbers.h"

static nf_numtab *tab;

static int setup(void **st)
{
    (void)st;
    for (size_t i = 0; i < nf_nblobs; i++)
        if (!strcmp(nf_blobs[i].name, "numbers.tsv")) {
            char err[256];
            tab = nf_numtab_new((const char *)nf_blobs[i].data, nf_blobs[i].len, err, sizeof err);
            return tab ? 0 : -1;
        }
    return -1;
}

static int teardown(void **st)
{
    (void)st;
    nf_numtab_free(tab);
    return 0;
}

typedef struct { const char *text, *want; } vcase;

static const vcase CASES[] = {
    /* digits */
    {"70,000", "70000"},
    {"1.9", "1.9"},
    {"8,500", "8500"},
    {"1,234,567", "1234567"},
    {"0", "0"},
    {"007", "7"},
    {"3.50", "3.5"},
    {"0.25", "0.25"},
    {"99999999999999999999999", "99999999999999999999999"},
    {"100,000", "100000"},
    {"14,000", "14000"},
    {"12", "12"},
    /* scales */
    {"1.9 million", "1900000"},
    {"1.5 million", "1500000"},
    {"17 million", "17000000"},
    {"2 billion", "2000000000"},
    {"3.25 billion", "3250000000"},
    {"1.2 trillion", "1200000000000"},
    {"70 thousand", "70000"},
    {"$1m", "1000000"},
    {"2bn", "2000000000"},
    {"£3.2bn", "3200000000"},
    {"€500m", "500000000"},
    {"$1.5bn", "1500000000"},
    {"10k", "10000"},
    {"US$ 40m", "40000000"},
    {"$4.3 billion", "4300000000"},
    {"5 crore", "50000000"},
    {"2 lakh", "200000"},
    {"0.5 million", "500000"},
    /* spelled-out */
    {"eight", "8"},
    {"Thirty-two", "32"},
    {"thirty two", "32"},
    {"a hundred thirty million", "130000000"},
    {"one hundred and twenty", "120"},
    {"one and a half", "1.5"},
    {"two and a half million", "2500000"},
    {"one and a half million", "1500000"},
    {"a million", "1000000"},
    {"a thousand", "1000"},
    {"a dozen", "12"},
    {"two dozen", "24"},
    {"three hundred", "300"},
    {"nineteen", "19"},
    {"ninety-nine", "99"},
    {"twenty-one thousand", "21000"},
    {"five million", "5000000"},
    {"two thousand five hundred", "2500"},
    {"one million two hundred thousand", "1200000"},
    {"seventy thousand", "70000"},
    {"zero", "0"},
    {"eleven", "11"},
    {"Twelve", "12"},
    {"forty", "40"},
    {"a hundred", "100"},
    {"six hundred and fifty-three", "653"},
    {"three billion", "3000000000"},
    {"ten", "10"},
    /* fractions */
    {"three-quarters", "0.75"},
    {"three quarters", "0.75"},
    {"half", "0.5"},
    {"a quarter", "0.25"},
    {"two-thirds", "0.67"},
    {"a third", "0.33"},
    {"one-fifth", "0.2"},
    {"half a million", "500000"},
    {"half a dozen", "6"},
    {"a quarter of a million", "250000"},
    {"one half", "0.5"},
    /* percentages */
    {"20%", "20"},
    {"20 percent", "20"},
    {"20 per cent", "20"},
    {"4.5%", "4.5"},
    {"twenty percent", "20"},
    {"0.5 percentage points", "0.5"},
    {"12 %", "12"},
    {"40pc", "40"},
    /* ranges */
    {"15-20 percent", "15..20"},
    {"15-20%", "15..20"},
    {"15 to 20 percent", "15..20"},
    {"between 15 and 20 percent", "15..20"},
    {"1-2 million", "1000000..2000000"},
    {"10,000-15,000", "10000..15000"},
    {"$1m-$2m", "1000000..2000000"},
    {"5\xE2\x80\x93" "10", "5..10"},
    {"between five and ten", "5..10"},
    {"two to three thousand", "2000..3000"},
    /* changes */
    {"from 20 to 10", "20->10"},
    {"from 1.5 million to 2 million", "1500000->2000000"},
    {"from 5% to 7%", "5->7"},
    {"from eight to twelve", "8->12"},
    {"from $1bn to $3bn", "1000000000->3000000000"},
    /* vague */
    {"dozens", "12"},
    {"hundreds", "100"},
    {"thousands", "1000"},
    {"tens of thousands", "10000"},
    {"hundreds of thousands", "100000"},
    {"millions", "1000000"},
    {"tens of millions", "10000000"},
    {"several hundred", "100"},
    {"several thousand", "1000"},
    {"a few hundred", "100"},
    {"scores", "20"},
    {"billions", "1000000000"},
    /* wire style */
    {"3.2 mln", "3200000"},
    {"dlrs 3.2 million", "3200000"},
    {"1.5 bln dlrs", "1500000000"},
    /* money words */
    {"5 million dollars", "5000000"},
    {"300 euros", "300"},
    /* not numbers */
    {"tens", NULL},
    {"million", NULL},
    {"26.01.2022", NULL},
    {"2:05", NULL},
    {"78th", NULL},
    {"1980s", NULL},
    {"a76022", NULL},
    {"5G", NULL},
    {"10am", NULL},
    {"24/7", NULL},
    {"from 20", NULL},
    {"the", NULL},
    {"a", NULL},
    {"third", NULL},
    {"1,2,3", NULL},
};

static void one_case(void **st)
{
    const vcase *c = *st;
    char got[160];
    int ok = nf_num_value(tab, c->text, got, sizeof got);
    if (!c->want) {
        if (ok)
            fail_msg("'%s' should not read as a number, got %s", c->text, got);
        return;
    }
    if (!ok)
        fail_msg("'%s' did not read as one number (want %s)", c->text, c->want);
    if (strcmp(got, c->want))
        fail_msg("'%s': got %s, want %s", c->text, got, c->want);
}

/* Spans and flags inside a longer text. */
static void spans(void **st)
{
    (void)st;
    nf_num n;
    const char *s = "Russia has moved 70,000 troops to the border.";
    assert_int_equal(nf_num_parse(tab, s, strlen(s), 17, &n), 1);
    assert_string_equal(n.value, "70000");
    assert_int_equal(n.end, 23);
    const char *h = "a 5,000-strong response force";
    assert_int_equal(nf_num_parse(tab, h, strlen(h), 2, &n), 1);
    assert_string_equal(n.value, "5000");
    assert_true(n.flags & NF_NUM_HYPHEN);
    assert_int_equal(n.hyph_end - n.hyph_start, 6);
    const char *p = "rose 20% last year";
    assert_int_equal(nf_num_parse(tab, p, strlen(p), 5, &n), 1);
    assert_string_equal(n.unit, "percent");
    assert_true(n.flags & NF_NUM_PERCENT);
    const char *m = "a $1m deal";
    assert_int_equal(nf_num_parse(tab, m, strlen(m), 2, &n), 1);
    assert_string_equal(n.unit, "dollars");
    assert_true(n.flags & NF_NUM_MONEY);
    const char *v = "tens of thousands of combat-ready troops";
    assert_int_equal(nf_num_parse(tab, v, strlen(v), 0, &n), 1);
    assert_true(n.flags & NF_NUM_VAGUE);
    assert_int_equal(n.vend, 17);
    const char *y = "in 2014 Russia";
    assert_int_equal(nf_num_parse(tab, y, strlen(y), 3, &n), 1);
    assert_true(n.flags & NF_NUM_PLAIN4);
    const char *w = "one-time ally";
    assert_int_equal(nf_num_parse(tab, w, strlen(w), 0, &n), 1);
    assert_true(n.flags & NF_NUM_HYPHEN);
    const char *u = "sisa76022";
    assert_int_equal(nf_num_parse(tab, u, strlen(u), 0, &n), 0);
}

/* nf_num_may_start is a filter in front of nf_num_parse: it may let through what does not
 * parse, never the other way round; and it turns away the common words. */
static void may_start(void **st)
{
    (void)st;
    static const char *const texts[] = {
        "US$5", "USD 5", "US troops", "UK firms", "dlrs 5", "deal", "DM 5", "December", "Hundred",
        "hundred", "Hundreds", "a million", "an eighth", "a deal", "from 5 to 6", "between 3 and 4",
        "\xc2\xa3" "5", "\xc2\xa3 sign", "$ sign", "$5", "Rs. 100", "Rs 100", "Rsx", "HK$ 3", "have",
        "half a million", "Three", "tens of thousands", "dozens", "zero", "NZ$1", "S$2", "Sales",
        "\xe2\x82\xac" "5", "\xe2\x80\x9c", "EUR 3", "Europe", "GBP5", "Germany", "A$3", "C$", "Canada",
        "three", "Thirty-two", "fifty", "five", "first", "firm", "their", "thousands", "Twelve", "eleven",
        "quarter", "third", "twice", "several hundred", "Half", "nine", "ninety", "Hundredth"};
    const uint8_t(*pairs)[32] = nf_num_pairs(tab);
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        const char *s = texts[i];
        nf_num n;
        if (nf_num_parse(tab, s, strlen(s), 0, &n) && !nf_num_may_start(tab, s, strlen(s), 0))
            fail_msg("'%s' parses but may_start says no", s);
        /* where may_start holds, nf_num_parse_started reads what nf_num_parse reads */
        nf_num n2;
        if (nf_num_may_start(tab, s, strlen(s), 0)) {
            int r1 = nf_num_parse(tab, s, strlen(s), 0, &n), r2 = nf_num_parse_started(tab, s, strlen(s), 0, &n2);
            if (r1 != r2 || (r1 && (n.end != n2.end || strcmp(n.value, n2.value))))
                fail_msg("'%s': nf_num_parse_started reads otherwise", s);
        }
        /* the pair table is a first look: it never says no where may_start says yes */
        if (nf_num_may_start(tab, s, strlen(s), 0) && !nf_num_pair_may(pairs, (unsigned char)s[0], (unsigned char)s[1]))
            fail_msg("may_start lets '%s' through but nf_num_pairs says no", s);
    }
    assert_false(nf_num_pair_may(pairs, 'd', 'e'));
    assert_false(nf_num_pair_may(pairs, 'w', 'a'));
    assert_false(nf_num_pair_may(pairs, '.', ' '));
    assert_true(nf_num_pair_may(pairs, '7', 0));
    assert_true(nf_num_pair_may(pairs, '$', '5'));
    assert_true(nf_num_pair_may(pairs, 'U', 'S'));
    static const char *const no[] = {"US troops", "UK firms", "deal", "December", "Sales", "Europe",
                                     "Germany", "Canada", "$ sign", "have", "their", "firm", "There",
                                     /* a leading word before no number (leads_on) */
                                     "a deal", "An ally", "A", "a\xc2\xa0new", "a fewer", "from them",
                                     "From  the", "between us", "from", "from5", "a  caf\xc3\xa9"};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (nf_num_may_start(tab, no[i], strlen(no[i]), 0))
            fail_msg("may_start lets '%s' through", no[i]);
    /* every word of numbers.tsv, as is and capitalised, alone and before "million" */
    for (size_t i = 0; i < nf_nblobs; i++) {
        if (strcmp(nf_blobs[i].name, "numbers.tsv"))
            continue;
        const char *p = (const char *)nf_blobs[i].data, *end = p + nf_blobs[i].len;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p)), *le = nl ? nl : end;
            const char *tab1 = memchr(p, '\t', (size_t)(le - p));
            size_t wl = tab1 ? (size_t)(tab1 - p) : 0;
            for (int form = 0; form < 4 && wl > 0 && wl < 40 && *p != '#'; form++) {
                char buf[64];
                memcpy(buf, p, wl);
                buf[wl] = '\0';
                if (form & 1)
                    buf[0] = (char)(buf[0] >= 'a' && buf[0] <= 'z' ? buf[0] - 32 : buf[0]);
                if (form & 2)
                    strcat(buf, " million");
                nf_num n;
                if (nf_num_parse(tab, buf, strlen(buf), 0, &n) && !nf_num_may_start(tab, buf, strlen(buf), 0))
                    fail_msg("'%s' parses but may_start says no", buf);
                if (nf_num_may_start(tab, buf, strlen(buf), 0) &&
                    !nf_num_pair_may(pairs, (unsigned char)buf[0], (unsigned char)buf[1]))
                    fail_msg("may_start lets '%s' through but nf_num_pairs says no", buf);
            }
            p = nl ? nl + 1 : end;
        }
    }
    /* a leading word before what may be a number: blanks of every kind skipped */
    static const char *const yes[] = {"a million", "A dozen", "an eighth", "a few hundred", "a  hundred",
                                      "a\xc2\xa0million", "a\tthird", "from 5 to 6", "from\n5 to 6",
                                      "From \xc2\xa3" "5 to \xc2\xa3" "6", "between 3 and 4",
                                      "from  five to six", "A$5", "a half", "from $5"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        if (!nf_num_may_start(tab, yes[i], strlen(yes[i]), 0))
            fail_msg("may_start turns away '%s'", yes[i]);
    assert_true(nf_num_may_start(tab, "US$5", 4, 0));
    assert_true(nf_num_may_start(tab, "Hundred", 7, 0));
}

/* nf_num_may_occur is a filter in front of every parse of a sentence: when it says no, no
 * parse succeeds anywhere in the text, except inside a word (an ASCII letter after another). */
static int parses_somewhere(const char *s, size_t len)
{
    for (size_t p = 0; p < len; p++) {
        if (p > 0 && nf_isalpha((unsigned char)s[p - 1]) && !(s[p - 1] & 0x80) &&
            nf_isalpha((unsigned char)s[p]) && !(s[p] & 0x80))
            continue;
        nf_num n;
        if (nf_num_parse(tab, s, len, p, &n))
            return 1;
    }
    return 0;
}

static void may_occur(void **st)
{
    (void)st;
    /* every number of CASES, and inside a sentence */
    for (size_t i = 0; i < sizeof CASES / sizeof *CASES; i++) {
        char buf[256];
        snprintf(buf, sizeof buf, "They said %s of them, he said.", CASES[i].text);
        if (CASES[i].want && !nf_num_may_occur(tab, CASES[i].text, 0, strlen(CASES[i].text)))
            fail_msg("'%s' is a number but may_occur says no", CASES[i].text);
        if (CASES[i].want && !nf_num_may_occur(tab, buf, 0, strlen(buf)))
            fail_msg("'%s' holds a number but may_occur says no", buf);
    }
    /* the common sentence without a number is turned away */
    static const char *const no[] = {
        "He said there was no deal.", "Many of their firms have few staff, and several left.",
        "Someone from the US$ desk said it was between them and an ally, per cent.",
        "Alone, none of these is tenfold.", "Those who gave were thirsty."};
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        if (nf_num_may_occur(tab, no[i], 0, strlen(no[i])))
            fail_msg("may_occur lets '%s' through", no[i]);
    /* at every offset (the filter reads sixteen or eight bytes at a time): a core word is
     * found, a word that only ends in one is not (also across two blocks), and a digit is found */
    for (size_t pad = 0; pad < 40; pad++) {
        char buf[96];
        for (size_t st0 = 0; st0 <= pad; st0++) {
            snprintf(buf, sizeof buf, "%.*s thousands.", (int)pad, "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w");
            assert_true(nf_num_may_occur(tab, buf, st0, strlen(buf)));
            snprintf(buf, sizeof buf, "%.*s tenthousands.", (int)pad, "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w");
            assert_false(nf_num_may_occur(tab, buf, st0, strlen(buf)));
            snprintf(buf, sizeof buf, "%.*seleven", (int)pad, "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz");
            assert_int_equal(nf_num_may_occur(tab, buf, st0, strlen(buf)), st0 == pad || pad == 0);
            snprintf(buf, sizeof buf, "%.*s x7", (int)pad, "a.b.c.d.e.f.g.h.i.j.k.l.m.n.o.p.q.r.s.t.u.v.w");
            assert_true(nf_num_may_occur(tab, buf, st0, strlen(buf)));
            assert_false(nf_num_may_occur(tab, buf, st0, strlen(buf) - 1));
        }
    }
    /* only [start, end) counts */
    const char *s = "7 troops. He left.";
    assert_true(nf_num_may_occur(tab, s, 0, 9));
    assert_false(nf_num_may_occur(tab, s, 10, strlen(s)));
    /* random texts from number words, the words around numbers and others, glued by blanks,
     * hyphens, marks or nothing: whenever may_occur says no, nothing parses */
    static const char *const vocab[] = {
        "a", "an", "A", "few", "several", "Many", "of", "and", "from", "between", "to", "per",
        "cent", "percent", "percentage", "points", "dollars", "euros", "pounds", "m", "bn", "k",
        "$", "US$", "USD", "\xc2\xa3", "\xe2\x82\xac", "Rs", "HK$", "%", "the", "someone",
        "often", "tenth", "tens", "dozen", "dozens", "score", "half", "halves", "third", "quarter",
        "one", "Two", "eleven", "twenty", "Ninety", "hundred", "thousand", "Million", "billion",
        "zero", "nil", "thousands", "millions", "hundreds", "\xc3\xa9", "caf\xc3\xa9",
        "\xe2\x80\x93", "one\xc3\xa9", "x", "7", "1.5", "20,000", "2014", "3rd", "40pc"};
    static const char *const glue[] = {" ", " ", " ", " ", "-", "", ", ", ". ", "\xc2\xa0", "\n"};
    const size_t nv = sizeof vocab / sizeof *vocab, ng = sizeof glue / sizeof *glue;
    uint32_t r = 12345;
    size_t said_no = 0;
    for (int iter = 0; iter < 20000; iter++) {
        char buf[256];
        size_t len = 0;
        int nw = 1 + (int)((r = r * 1103515245u + 12345u) >> 16) % 6;
        for (int k = 0; k < nw; k++) {
            r = r * 1103515245u + 12345u;
            const char *w = vocab[(r >> 16) % nv];
            r = r * 1103515245u + 12345u;
            const char *g = k ? glue[(r >> 16) % ng] : "";
            len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", g, w);
        }
        for (size_t p = 0; p < len; p++) /* nf_num_pairs, at every position, to the end */
            if (nf_num_may_start(tab, buf, len, p) &&
                !nf_num_pair_may(nf_num_pairs(tab), (unsigned char)buf[p], p + 1 < len ? (unsigned char)buf[p + 1] : 0))
                fail_msg("may_start lets '%s' through at %zu but nf_num_pairs says no", buf, p);
        int no_digit = strpbrk(buf, "0123456789") == NULL;
        if (no_digit && !nf_num_may_occur(tab, buf, 0, len)) {
            said_no++;
            if (parses_somewhere(buf, len))
                fail_msg("'%s' parses but may_occur says no", buf);
        }
        if (!no_digit)
            assert_true(nf_num_may_occur(tab, buf, 0, len));
    }
    assert_true(said_no > 1000); /* the test tried texts without a number */
}

int main(void)
{
    size_t n = sizeof CASES / sizeof *CASES;
    struct CMUnitTest *t = calloc(n + 3, sizeof *t);
    char (*names)[96] = calloc(n, sizeof *names);
    for (size_t i = 0; i < n; i++) {
        snprintf(names[i], sizeof names[i], "%s -> %s", CASES[i].text, CASES[i].want ? CASES[i].want : "none");
        t[i].name = names[i];
        t[i].test_func = one_case;
        t[i].initial_state = (void *)&CASES[i];
    }
    t[n].name = "spans";
    t[n].test_func = spans;
    t[n + 1].name = "may_start";
    t[n + 1].test_func = may_start;
    t[n + 2].name = "may_occur";
    t[n + 2].test_func = may_occur;
    int rc = _cmocka_run_group_tests("numbers", t, n + 3, setup, teardown);
    free(t);
    free(names);
    return rc;
}
