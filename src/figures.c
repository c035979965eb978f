/* figures.c — the figures stage: every count that matters, with what it counts and whose
 * it is.
 *
 * Per sentence, numbers are read with the number grammar (numbers.c) at each word start.
 * A number is a figure when a noun says what it counts (or it is a percentage or an amount
 * of money) and it is not a year, a date, a clock time, a duration, an ordinal, an id or a
 * number inside a url. The counted noun is found after the number across modifiers
 * (5,000-strong response force, combat-ready troops, eight of its staff); the owner is the
 * actor inside the noun phrase (30 NATO countries, Russian troops), just before it (NATO's
 * force, a US force of 8,500 troops), else the nearest actor before it in the sentence that is
 * not the object of a preposition (Russia has moved 70,000 troops), else in the sentence
 * before. Word lists: data/units.tsv, data/qualifiers.tsv, data/numbers.tsv. */
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "nf.h"
#include "numbers.h"

enum { C_NONE, C_MILITARY, C_CASUALTIES, C_PEOPLE, C_MONEY, C_SHARE, C_COUNT, /* nouns */
       C_STOP, C_SKIP, C_NONFIG, C_MONTH };

static const char *CAT_NAME[] = {"", "military", "casualties", "people", "money", "share", "count"};

typedef struct { unsigned char cls, member; } wclass;

typedef struct {
    nf_numtab *num;
    nf_map *nouns;  /* lower-case noun (singular or listed plural, one or two words) -> wclass* */
    nf_map *words;  /* stop, skip, nonfig, month -> wclass* */
    nf_map *cues;   /* casualty words */
    nf_map *quals;  /* qualifier phrases */
    nf_map *qual_last; /* the last word of each qualifier phrase (find_qual's quick no) */
    uint32_t qual_bits[27][27]; /* bit (length - 1) of those by their first two bytes (qidx) */
    nf_map *dist;   /* words after 60m / 10k that make it a distance (member = a measure) */
    nf_map *weight; /* words near a number of pounds that make it a weight */
    nf_map *report; /* reporting verbs (reporting.tsv classes v, tell): said, told */
    nf_map *plurals; /* irregular plural nouns (units.tsv flag plural): people, men */
    nf_map *preps;   /* PREPS, for governed */
    wclass cls[16][2];
    unsigned char month_first[256]; /* first bytes of the month words (is_month's quick no) */
    nf_map *demonyms;       /* lower-case plural demonym (americans) -> country canon */
    nf_map *person_country; /* person canon -> country canon (people.tsv sections) */
    nf_map *org_country;    /* national organization canon -> country canon (orgs.tsv) */
    nf_map *country_word;   /* country name or demonym as written (U.S., Russian) -> canon */
    char **strs; size_t nstrs, capstrs;
} figeng;

static const char *keep(figeng *f, const char *s)
{
    char *d = strdup(s);
    if (!d)
        return "";
    char **slot = NF_PUSH(f->strs, f->nstrs, f->capstrs);
    *slot = d;
    return d;
}

/* Countries and their demonyms (countries.tsv); people by the country section they are listed
 * under and national organizations by their country (people.tsv, orgs.tsv, when present). */
static void load_affiliations(nf_engine *e, figeng *f)
{
    f->demonyms = nf_map_new();
    f->person_country = nf_map_new();
    f->org_country = nf_map_new();
    f->country_word = nf_map_new();
    nf_map *countries = nf_map_new();
    size_t len;
    const char *txt = nf_data_get(e, "countries.tsv", &len);
    nf_lines it;
    char *fl[6];
    int n;
    if (txt) {
        nf_lines_init(&it, txt, len);
        while ((n = nf_lines_next(&it, fl, 6)) >= 0) {
            if (n < 1 || !fl[0][0])
                continue;
            const char *canon = keep(f, fl[0]);
            nf_map_put(countries, canon, strlen(canon), (void *)canon);
            if (n < 3)
                continue;
            for (char *p = fl[2]; p && *p;) {
                char *bar = strchr(p, '|');
                size_t l = bar ? (size_t)(bar - p) : strlen(p);
                char low[64];
                if (l > 3 && l < sizeof low && nf_islower((unsigned char)p[l - 1])) {
                    /* Americans, Japanese (not U.S.) */
                    nf_lower(p, l, low);
                    nf_map_put(f->demonyms, low, l, (void *)canon);
                }
                nf_map_put(f->country_word, p, l, (void *)canon);
                p = bar ? bar + 1 : NULL;
            }
            for (char *p = fl[1]; p && *p;) {
                char *bar = strchr(p, '|');
                size_t l = bar ? (size_t)(bar - p) : strlen(p);
                nf_map_put(f->country_word, p, l, (void *)canon);
                p = bar ? bar + 1 : NULL;
            }
        }
        nf_lines_free(&it);
    }
    txt = nf_data_get(e, "people.tsv", &len);
    if (txt) {
        /* sections "# --- Country" (or "# --- Country and ...") */
        const char *p = txt, *end = txt + len, *country = NULL;
        while (p < end) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            const char *le = nl ? nl : end;
            if (le - p > 6 && !memcmp(p, "# --- ", 6)) {
                const char *h = p + 6, *he = le;
                const char *cut = NULL;
                for (const char *q = h; q + 5 <= he; q++)
                    if (!memcmp(q, " and ", 5) || *q == ',') {
                        cut = q;
                        break;
                    }
                if (cut)
                    he = cut;
                while (he > h && nf_isspace((unsigned char)he[-1]))
                    he--;
                country = nf_map_get(countries, h, (size_t)(he - h));
            } else if (le > p && *p != '#' && country) {
                const char *tab = memchr(p, '\t', (size_t)(le - p));
                if (tab)
                    nf_map_put(f->person_country, p, (size_t)(tab - p), (void *)country);
            }
            p = nl ? nl + 1 : end;
        }
    }
    txt = nf_data_get(e, "orgs.tsv", &len);
    if (txt) {
        nf_lines_init(&it, txt, len);
        while ((n = nf_lines_next(&it, fl, 6)) >= 0) {
            if (n < 4 || !fl[3][0])
                continue;
            const char *country = nf_map_get(countries, fl[3], strlen(fl[3]));
            if (country)
                nf_map_put(f->org_country, fl[0], strlen(fl[0]), (void *)country);
        }
        nf_lines_free(&it);
    }
    nf_map_free(countries);
}

static const char *PREPS[] = {"to", "in", "on", "at", "from", "with", "against", "by", "for", "of",
                              "into", "near", "towards", "toward", "between", "about", "over",
                              "across", "through", "within", "without", "under", "than", "like",
                              "including", "among", "amid", "on", "onto", "via", "after", "before",
                              "behind", "beyond", "during", "since", "until", "upon", "around",
                              "outside", "inside", "along", "versus", "and", "or", NULL};

/* 1..26 for an ASCII letter (any case), 0 for any other byte. */
static inline int qidx(char ch)
{
    unsigned l = (unsigned)(((unsigned char)ch | 0x20) - 'a');
    return l < 26 ? (int)l + 1 : 0;
}

static const char *CLASS_NAME[] = {"", "military", "casualties", "people", "money", "share", "count",
                                   "stop", "skip", "nonfig", "month"};

int nf_figures_init(nf_engine *e, char *err, size_t errlen)
{
    figeng *f = calloc(1, sizeof *f);
    if (!f) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    e->figures = f;
    for (int i = 0; i < 16; i++)
        for (int m = 0; m < 2; m++) {
            f->cls[i][m].cls = (unsigned char)i;
            f->cls[i][m].member = (unsigned char)m;
        }
    size_t len;
    const char *txt = nf_data_get(e, "numbers.tsv", &len);
    if (!txt) {
        snprintf(err, errlen, "figures: no numbers.tsv");
        return -1;
    }
    f->num = nf_numtab_new(txt, len, err, errlen);
    if (!f->num)
        return -1;
    f->nouns = nf_map_new();
    f->words = nf_map_new();
    f->cues = nf_map_new();
    f->quals = nf_map_new();
    f->qual_last = nf_map_new();
    f->dist = nf_map_new();
    f->weight = nf_map_new();
    f->report = nf_map_new();
    f->plurals = nf_map_new();
    f->preps = nf_map_new();
    for (int i = 0; PREPS[i]; i++)
        nf_map_put(f->preps, PREPS[i], strlen(PREPS[i]), f->cls);
    txt = nf_data_get(e, "units.tsv", &len);
    if (!txt) {
        snprintf(err, errlen, "figures: no units.tsv");
        return -1;
    }
    nf_lines it;
    nf_lines_init(&it, txt, len);
    char *fl[4];
    int n;
    while ((n = nf_lines_next(&it, fl, 4)) >= 0) {
        if (n < 2)
            continue;
        size_t wl = strlen(fl[0]);
        char low[128];
        if (wl >= sizeof low)
            continue;
        nf_lower(fl[0], wl, low);
        if (!strcmp(fl[1], "cue")) {
            nf_map_put(f->cues, low, wl, f->cls);
            continue;
        }
        if (!strcmp(fl[1], "distance")) {
            nf_map_put(f->dist, low, wl, &f->cls[0][n >= 3 && !strcmp(fl[2], "measure")]);
            continue;
        }
        if (!strcmp(fl[1], "weight")) {
            nf_map_put(f->weight, low, wl, f->cls);
            continue;
        }
        int c = C_NONE;
        for (int k = 1; k < (int)(sizeof CLASS_NAME / sizeof *CLASS_NAME); k++)
            if (!strcmp(fl[1], CLASS_NAME[k]))
                c = k;
        if (c == C_NONE) {
            snprintf(err, errlen, "units.tsv:%ld: unknown class '%s'", it.lineno, fl[1]);
            nf_lines_free(&it);
            return -1;
        }
        int member = n >= 3 && !strcmp(fl[2], "member");
        if (n >= 3 && !strcmp(fl[2], "plural"))
            nf_map_put(f->plurals, low, wl, f->cls);
        if (c == C_MONTH) { /* months are matched as written (May, not may) */
            nf_map_put(f->words, fl[0], wl, &f->cls[c][0]);
            f->month_first[(unsigned char)fl[0][0]] = 1;
        }
        else if (c >= C_STOP)
            nf_map_put(f->words, low, wl, &f->cls[c][0]);
        else
            nf_map_put(f->nouns, low, wl, &f->cls[c][member]);
    }
    nf_lines_free(&it);
    load_affiliations(e, f);
    txt = nf_data_get(e, "qualifiers.tsv", &len);
    if (txt) {
        nf_lines_init(&it, txt, len);
        while ((n = nf_lines_next(&it, fl, 2)) >= 0) {
            size_t wl = strlen(fl[0]);
            char low[128];
            if (n < 1 || wl >= sizeof low)
                continue;
            nf_lower(fl[0], wl, low);
            nf_map_put(f->quals, low, wl, f->cls);
            size_t ls = wl;
            while (ls > 0 && low[ls - 1] != ' ')
                ls--;
            nf_map_put(f->qual_last, low + ls, wl - ls, f->cls);
            size_t ll = wl - ls;
            if (ll >= 1 && ll <= 32)
                f->qual_bits[qidx(low[ls])][ll > 1 ? qidx(low[ls + 1]) : 0] |= 1u << (ll - 1);
        }
        nf_lines_free(&it);
    }
    /* reporting verbs, for the attribution of a figure (`..., Israel's army said`) */
    txt = nf_data_get(e, "reporting.tsv", &len);
    if (txt) {
        nf_lines_init(&it, txt, len);
        while ((n = nf_lines_next(&it, fl, 3)) >= 0) {
            if (n >= 3 && (!strcmp(fl[2], "v") || !strcmp(fl[2], "tell")) && strlen(fl[0]) < 64)
                nf_map_put(f->report, fl[0], strlen(fl[0]), f->cls);
        }
        nf_lines_free(&it);
    }
    return 0;
}

void nf_figures_fini(nf_engine *e)
{
    figeng *f = e->figures;
    if (!f)
        return;
    nf_numtab_free(f->num);
    nf_map_free(f->nouns);
    nf_map_free(f->words);
    nf_map_free(f->cues);
    nf_map_free(f->quals);
    nf_map_free(f->qual_last);
    nf_map_free(f->dist);
    nf_map_free(f->weight);
    nf_map_free(f->report);
    nf_map_free(f->plurals);
    nf_map_free(f->preps);
    nf_map_free(f->demonyms);
    nf_map_free(f->person_country);
    nf_map_free(f->org_country);
    nf_map_free(f->country_word);
    for (size_t i = 0; i < f->nstrs; i++)
        free(f->strs[i]);
    free(f->strs);
    free(f);
    e->figures = NULL;
}

/* ---- tokens of a sentence (our own light view: words, numbers, marks) ---- */

typedef struct { uint32_t s, e; uint8_t kind; } wtok; /* kind: 'w' word, 'p' mark */

/* Byte classes of tokenize: an ASCII letter or digit, a blank, a byte that joins two words
 * (5,000 1.5 U.S. Russia-backed 2:05 24/7), a non-ASCII byte (a letter unless a mark). */
enum { B_OTHER, B_ALNUM, B_SPACE, B_JOIN, B_HIGH };
#define BC(c) ((unsigned)((c) | 0x20) - 'a' < 26u || (unsigned)(c) - '0' < 10u ? B_ALNUM    \
               : (c) == ' ' || ((c) >= '\t' && (c) <= '\r')                  ? B_SPACE    \
               : (c) == '-' || (c) == '.' || (c) == ',' || (c) == ':' || (c) == '/' ? B_JOIN \
               : (c) >= 0x80                                                ? B_HIGH     \
                                                                            : B_OTHER)
/* BYTE_TABLE(F): the 256 values F(0) .. F(255), a table's initializer */
#define BT4(F, c) F(c), F((c) + 1), F((c) + 2), F((c) + 3)
#define BT16(F, c) BT4(F, c), BT4(F, (c) + 4), BT4(F, (c) + 8), BT4(F, (c) + 12)
#define BYTE_TABLE(F)                                                                                    \
    {BT16(F, 0x00), BT16(F, 0x10), BT16(F, 0x20), BT16(F, 0x30), BT16(F, 0x40), BT16(F, 0x50),         \
     BT16(F, 0x60), BT16(F, 0x70), BT16(F, 0x80), BT16(F, 0x90), BT16(F, 0xA0), BT16(F, 0xB0),         \
     BT16(F, 0xC0), BT16(F, 0xD0), BT16(F, 0xE0), BT16(F, 0xF0)}
static const unsigned char BYTE_CLASS[256] = BYTE_TABLE(BC);
#undef BC

static inline int is_wordbyte(const unsigned char *t, uint32_t i, uint32_t end)
{
    unsigned char c = t[i];
    if (c < 0x80)
        return BYTE_CLASS[c] == B_ALNUM;
    /* U+2000..U+206F (quotes, dashes) and U+00A0 are marks, other non-ASCII letters */
    if (c == 0xE2 && i + 1 < end && t[i + 1] == 0x80)
        return 0;
    if (c == 0xC2 && i + 1 < end && (t[i + 1] == 0xA0 || t[i + 1] == 0xAB || t[i + 1] == 0xBB))
        return 0;
    return 1;
}

static int is_apos(const unsigned char *t, uint32_t i, uint32_t end, uint32_t *len)
{
    if (t[i] == '\'') {
        *len = 1;
        return 1;
    }
    if (i + 2 < end && t[i] == 0xE2 && t[i + 1] == 0x80 && t[i + 2] == 0x99) {
        *len = 3;
        return 1;
    }
    return 0;
}

/* The end of the run of ASCII letters and digits from j (by end): eight bytes at a time, in
 * each the high bit of a byte that is no ASCII letter or digit (as numbers.c's filters do:
 * each byte is looked at in its low 7 bits, where adding a constant below 0x80 carries into
 * its own high bit but never into the next byte). */
#define BYTES8(b) (0x0101010101010101ull * (b))
static inline uint32_t alnum_end(const unsigned char *t, uint32_t j, uint32_t end)
{
    while (j + 8 <= end) {
        uint64_t x;
        memcpy(&x, t + j, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        x = __builtin_bswap64(x);
#endif
        uint64_t y = (x | BYTES8(0x20)) & BYTES8(0x7F), d = x & BYTES8(0x7F);
        uint64_t letter = (y + BYTES8(0x80 - 'a')) & ~(y + BYTES8(0x80 - 'z' - 1));
        uint64_t digit = (d + BYTES8(0x80 - '0')) & ~(d + BYTES8(0x80 - '9' - 1));
        uint64_t stop = ~((letter | digit) & ~x) & BYTES8(0x80);
        if (stop)
            return j + ((uint32_t)__builtin_ctzll(stop) >> 3);
        j += 8;
    }
    while (j < end && BYTE_CLASS[t[j]] == B_ALNUM)
        j++;
    return j;
}
#undef BYTES8

/* Splits [start,end) into words (letters/digits, inner hyphens, dots and apostrophes kept)
 * and single marks, into *out (grown as needed; *cap its capacity). */
static size_t tokenize(nf_ana *a, uint32_t start, uint32_t end, wtok **out, size_t *capp, size_t n)
{
    const unsigned char *t = (const unsigned char *)a->doc.text;
    size_t cap = *capp;
    wtok *w = *out;
    uint32_t i = start;
    /* each token holds one byte at least: room for all of them once, not a test per token */
    if (start < end && n + (end - start) + 1 >= cap)
        nf_grow((void **)&w, &cap, n + (end - start) + 1024, sizeof *w);
    while (i < end) {
        unsigned char c = t[i];
        unsigned bc = BYTE_CLASS[c];
        if (bc == B_SPACE) {
            i++;
            continue;
        }
        if (c == 0xC2 && i + 1 < end && t[i + 1] == 0xA0) { /* no-break space */
            i += 2;
            continue;
        }
        if (bc == B_ALNUM || (bc == B_HIGH && is_wordbyte(t, i, end))) {
            uint32_t j = i + 1;
            for (;;) {
                /* ASCII letters and digits first */
                j = alnum_end(t, j, end);
                if (j >= end)
                    break;
                unsigned bj = BYTE_CLASS[t[j]];
                if (bj == B_SPACE)
                    break; /* the common end (a blank joins nothing, is no apostrophe) */
                if (bj == B_HIGH && is_wordbyte(t, j, end)) {
                    j++; /* the rest by is_wordbyte */
                    continue;
                }
                if (j + 1 >= end)
                    break;
                uint32_t al;
                if (bj == B_JOIN && is_wordbyte(t, j + 1, end)) {
                    /* 5,000 1.5 U.S. Russia-backed 2:05 24/7 stay one word */
                    j++;
                    continue;
                }
                if (is_apos(t, j, end, &al) && j + al < end && is_wordbyte(t, j + al, end)) {
                    j += al;
                    continue;
                }
                break;
            }
            w[n].s = i;
            w[n].e = j;
            w[n].kind = 'w';
            n++;
            i = j < end && t[j] == ' ' ? j + 1 : j; /* (the blank after it, as below) */
            continue;
        }
        uint32_t l = 1;
        if (c >= 0xC0) {
            l = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            if (i + l > end)
                l = end - i;
        }
        w[n].s = i;
        w[n].e = i + l;
        w[n].kind = 'p';
        n++;
        i += l;
        if (i < end && t[i] == ' ')
            i++; /* (the blank after it, as the loop would) */
    }
    *out = w;
    *capp = cap;
    return n;
}

/* The first bytes of the tokens where nf_figures_run tries a figure: a digit, '$', 0xC2 and
 * 0xE2 (£, €) and the ASCII letters. */
#define CF(c) ((unsigned)((c) | 0x20) - 'a' < 26u || (unsigned)(c) - '0' < 10u || (c) == '$' || (c) == 0xC2 || (c) == 0xE2)
static const unsigned char CAND_FIRST[256] = BYTE_TABLE(CF);
#undef CF

/* ---- helpers ---- */

typedef struct {
    nf_ana *a;
    const figeng *f;
    const char *t;
    wtok *w;
    size_t nw;
    size_t si;               /* sentence index */
    const nf_sent *sent;
    /* mentions sorted by start */
    const nf_mention **men;
    size_t nmen;
    const char *member_owner; /* the article's organization (most mentioned) */
    int member_done;
    const char *dem_owner;    /* the country of a demonym unit (Americans) */
    const nf_sent *text_of;   /* the sentence whose text (nf_sent_text) is in text */
    const char *text;
    /* w holds the tokens from the sentence before this one, or only its last ones: then
     * w_late is where they begin (else 0), and all_tokens gives all of them in all_w */
    uint32_t w_late;
    wtok *all_w;
    size_t all_cap;
} fctx;

/* Where tokenizing for sentence [s, ...) may begin, when the tokens of the sentence before it
 * (from ps) are needed but not made yet. Most uses look back three tokens at most (find_qual;
 * currency_adj, governed and men_attrib on mentions of this sentence look back one); the
 * two that may look further (men_subject on the sentence before, gives_to) ask all_tokens.
 * Tokenizing gives the same tokens from right after any ASCII blank as from earlier on: no
 * token holds one, and tokenize keeps no state but its position. So go back over three
 * blank-separated chunks that each hold an ASCII byte that is no blank (a byte tokenize
 * never skips: each such chunk gives one token at least); ps when there are fewer. */
static uint32_t late_start(const char *text, uint32_t ps, uint32_t s)
{
    const unsigned char *t = (const unsigned char *)text;
    uint32_t i = s;
    for (int chunks = 0; i > ps;) {
        while (i > ps && BYTE_CLASS[t[i - 1]] == B_SPACE)
            i--;
        int ascii = 0;
        while (i > ps && BYTE_CLASS[t[i - 1]] != B_SPACE)
            ascii |= t[--i] < 0x80;
        if (ascii && ++chunks == 3)
            return i; /* right after a blank */
    }
    return ps;
}

/* Lower-cases a word into buf (possessive 's / ’s stripped), returns its length (0 if too long). */
static size_t lowword(const fctx *c, const wtok *w, char *buf, size_t cap)
{
    size_t n = w->e - w->s;
    const char *s = c->t + w->s;
    if (n >= 2 && s[n - 2] == '\'' && (s[n - 1] == 's' || s[n - 1] == 'S'))
        n -= 2;
    else if (n >= 4 && (unsigned char)s[n - 4] == 0xE2 && (unsigned char)s[n - 3] == 0x80 &&
             (unsigned char)s[n - 2] == 0x99 && (s[n - 1] == 's' || s[n - 1] == 'S'))
        n -= 4;
    if (n == 0 || n >= cap)
        return 0;
    nf_lower(s, n, buf);
    buf[n] = '\0';
    return n;
}

static const wclass *word_class(const fctx *c, const wtok *w)
{
    char b[64];
    size_t n = lowword(c, w, b, sizeof b);
    return n ? nf_map_get(c->f->words, b, n) : NULL;
}

/* The token is the word s (s in lower case), in any case. */
static inline int word_eq(const fctx *c, const wtok *w, const char *s)
{
    return w->kind == 'w' && nf_tolower((unsigned char)c->t[w->s]) == s[0] &&
           nf_strncaseeq(c->t + w->s, w->e - w->s, s);
}

static int is_month(const fctx *c, const wtok *w)
{
    if (w->kind != 'w' || !c->f->month_first[(unsigned char)c->t[w->s]])
        return 0; /* (the words map holds the months as written) */
    const wclass *k = nf_map_get(c->f->words, c->t + w->s, w->e - w->s);
    if (k && k->cls == C_MONTH)
        return 1;
    /* Jan. Feb. : the dot is part of the word */
    if (w->e - w->s >= 2 && c->t[w->e - 1] == '.') {
        k = nf_map_get(c->f->words, c->t + w->s, w->e - w->s - 1);
        return k && k->cls == C_MONTH;
    }
    return 0;
}

/* A noun's class: the word as is, then singular forms (troops, casualties, bodies). */
static const wclass *noun_lookup(const fctx *c, const char *b, size_t n)
{
    const wclass *k = nf_map_get(c->f->nouns, b, n);
    if (k || n < 3)
        return k;
    char s[128];
    if (n >= sizeof s)
        return NULL;
    memcpy(s, b, n);
    if (n > 4 && !memcmp(b + n - 3, "ies", 3)) {
        memcpy(s + n - 3, "y", 1);
        if ((k = nf_map_get(c->f->nouns, s, n - 2)))
            return k;
    }
    if (b[n - 1] == 's') {
        if ((k = nf_map_get(c->f->nouns, b, n - 1)))
            return k;
        if (n > 3 && b[n - 2] == 'e' && (k = nf_map_get(c->f->nouns, b, n - 2)))
            return k;
    }
    return NULL;
}

/* Looks like a plural noun: ends in -s, not -ss/-us/-is/-ous, letters only. */
static int plural_like(const char *b, size_t n)
{
    if (n < 4 || b[n - 1] != 's')
        return 0;
    if (b[n - 2] == 's' || b[n - 2] == 'u' || b[n - 2] == 'i' || b[n - 2] == '\'')
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!nf_islower((unsigned char)b[i]) && b[i] != '-')
            return 0;
    return 1;
}

/* A plural head noun: in -s, or a listed irregular plural (people, men). */
static int head_plural(const fctx *c, const wtok *w)
{
    if (plural_like(c->t + w->s, w->e - w->s))
        return 1;
    char b[64];
    size_t n = lowword(c, w, b, sizeof b);
    return n && nf_map_has(c->f->plurals, b, n);
}

static int has_digit(const fctx *c, const wtok *w)
{
    for (uint32_t i = w->s; i < w->e; i++)
        if (nf_isdigit((unsigned char)c->t[i]))
            return 1;
    return 0;
}

/* Index of the first token starting at or after off (nw if none). */
static size_t tok_at(const fctx *c, uint32_t off)
{
    size_t lo = 0, hi = c->nw;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->w[mid].s < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* tok_at(c, off) for an off after the start of token k: a few steps from k as a rule (the
 * end of a number is near its start), else tok_at. */
static size_t tok_after(const fctx *c, size_t k, uint32_t off)
{
    for (size_t j = k + 1, lim = k + 8; j < c->nw && j < lim; j++)
        if (c->w[j].s >= off)
            return j;
    return tok_at(c, off);
}

/* Index of the token holding off, or the last one before it. */
static long tok_before(const fctx *c, uint32_t off)
{
    size_t k = tok_at(c, off);
    return (long)k - 1;
}

/* c when w holds every token of the sentence before, else *full: c with all of them (see
 * late_start). */
static const fctx *all_tokens(fctx *c, fctx *full)
{
    if (!c->w_late)
        return c;
    *full = *c;
    full->nw = tokenize(c->a, c->a->sent[c->si - 1].start, c->sent->end, &c->all_w, &c->all_cap, 0);
    full->w = c->all_w;
    full->w_late = 0;
    return full;
}

/* ---- mentions ---- */

static int men_cmp(const void *x, const void *y)
{
    const nf_mention *a = *(const nf_mention *const *)x, *b = *(const nf_mention *const *)y;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->end > b->end ? -1 : a->end < b->end;
}

static int owner_type(const nf_mention *m)
{
    return m->canon && m->canon[0] &&
           (m->type == NF_ACT_COUNTRY || m->type == NF_ACT_ORG || m->type == NF_ACT_GROUP);
}


/* The token is one of PREPS, in any case (word_eq with each): one look-up of it in lower case. */
static int is_prep(const fctx *c, const wtok *w)
{
    char b[16];
    size_t n = w->e - w->s;
    if (w->kind != 'w' || n >= sizeof b)
        return 0; /* (no preposition is that long) */
    nf_lower(c->t + w->s, n, b);
    return nf_map_has(c->f->preps, b, n);
}

/* The mention is the object of a preposition (against Ukraine, in the US). */
static int governed(const fctx *c, const nf_mention *m, uint32_t lo)
{
    long k = tok_before(c, m->start);
    int skipped = 0;
    while (k >= 0 && c->w[k].s >= lo && skipped < 2 &&
           (word_eq(c, &c->w[k], "the") || word_eq(c, &c->w[k], "a") || word_eq(c, &c->w[k], "an"))) {
        k--;
        skipped++;
    }
    if (k < 0 || c->w[k].s < lo)
        return 0;
    return is_prep(c, &c->w[k]);
}

/* First mention index with start >= off. */
static size_t men_at(const fctx *c, uint32_t off)
{
    size_t lo = 0, hi = c->nmen;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c->men[mid]->start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* The owner among mentions in [lo, hi): the first owner-type one (NP-internal). */
static const char *men_inside(const fctx *c, uint32_t lo, uint32_t hi)
{
    for (size_t i = men_at(c, lo); i < c->nmen && c->men[i]->start < hi; i++)
        if (c->men[i]->end <= hi && owner_type(c->men[i]))
            return c->men[i]->canon;
    return NULL;
}

/* Mention m names the currency of an amount: an adjective between a number and a word of
 * money (3.1bn Australian dollars, 65 Canadian cents). */
static int currency_adj(const fctx *c, const nf_mention *m)
{
    long k = tok_before(c, m->start);
    size_t j = tok_at(c, m->end);
    if (k < 0 || !has_digit(c, &c->w[k]) || j >= c->nw || c->w[j].kind != 'w')
        return 0;
    char b[64];
    size_t bl = lowword(c, &c->w[j], b, sizeof b);
    const wclass *nc = bl ? noun_lookup(c, b, bl) : NULL;
    return nc && nc->cls == C_MONEY;
}

/* The nearest owner-type mention ending at or before off and starting at or after lo that
 * is not the object of a preposition. */
static const char *men_subject(const fctx *c, uint32_t lo, uint32_t off)
{
    size_t i = men_at(c, off);
    while (i > 0) {
        const nf_mention *m = c->men[--i];
        if (m->start < lo)
            break;
        if (m->end > off)
            continue;
        if ((m->flags & NF_M_DEMONYM) && currency_adj(c, m))
            continue; /* an amount's currency (lost 65 Canadian cents or 25%): no subject */
        const char *canon = m->canon;
        if (m->type == NF_ACT_PERSON && canon)
            canon = nf_map_get(c->f->person_country, canon, strlen(canon));
        else if (!owner_type(m))
            continue;
        if (!canon || governed(c, m, lo))
            continue;
        return canon;
    }
    return NULL;
}

/* The article's organization, the one it names most (for member states, allies). */
static const char *member_owner(fctx *c)
{
    if (c->member_done)
        return c->member_owner;
    c->member_done = 1;
    size_t best = 0, seen = 0;
    for (size_t i = 0; i < c->nmen && seen < 64; i++) {
        const nf_mention *m = c->men[i];
        if (m->type != NF_ACT_ORG || !m->canon)
            continue;
        seen++;
        size_t cnt = 0;
        for (size_t j = 0; j < c->nmen && j < 4096; j++)
            if (c->men[j]->type == NF_ACT_ORG && c->men[j]->canon && !strcmp(c->men[j]->canon, m->canon))
                cnt++;
        if (cnt > best) {
            best = cnt;
            c->member_owner = m->canon;
        }
    }
    return c->member_owner;
}

/* ---- one figure ---- */

static const char *span_lower(nf_ana *a, const char *s, size_t n)
{
    return nf_span_text(a, s, n, 1);
}

typedef struct {
    uint32_t us, ue;     /* unit span (text) */
    const char *unit;    /* lower case */
    int cat;
    int member;
    int after;           /* the unit follows the number */
} unitres;

/* Finds the counted noun starting at token k. Returns 1 (unit found), 0 (none), -1 (the
 * number is not a figure: a duration, a multiplier...). */
static int find_unit(fctx *c, size_t k, int allow_of, int value_one, unitres *u)
{
    size_t i = k;
    int mods = 0;
    /* 30 more troops, 50-odd people */
    while (i < c->nw && c->w[i].kind == 'w') {
        const wclass *wc = word_class(c, &c->w[i]);
        if (wc && wc->cls == C_SKIP) {
            i++;
            continue;
        }
        break;
    }
    if (i < c->nw && allow_of && word_eq(c, &c->w[i], "of")) {
        if (value_one)
            return -1; /* one of the... */
        i++;
        while (i < c->nw && c->w[i].kind == 'w' &&
               (word_eq(c, &c->w[i], "the") || word_eq(c, &c->w[i], "its") || word_eq(c, &c->w[i], "their") ||
                word_eq(c, &c->w[i], "his") || word_eq(c, &c->w[i], "her") || word_eq(c, &c->w[i], "our") ||
                word_eq(c, &c->w[i], "these") || word_eq(c, &c->w[i], "those") || word_eq(c, &c->w[i], "this") ||
                word_eq(c, &c->w[i], "all")))
            i++;
    }
    long hs = -1, he = -1;
    for (; i < c->nw && mods <= 3; i++) {
        const wtok *w = &c->w[i];
        if (w->kind != 'w' || has_digit(c, w))
            break;
        char b[64];
        size_t n = lowword(c, w, b, sizeof b);
        if (!n)
            break;
        const wclass *wc = nf_map_get(c->f->words, b, n);
        const wclass *nc = noun_lookup(c, b, n);
        int cap = nf_isupper((unsigned char)c->t[w->s]);
        if (!nc && wc && wc->cls == C_NONFIG) {
            if (hs < 0)
                return -1;
            break;
        }
        if (!nc && wc && (wc->cls == C_STOP || wc->cls == C_MONTH))
            break;
        if (wc && wc->cls == C_MONTH && cap)
            break;
        int noun = nc != NULL || plural_like(b, n);
        const char *dem = cap ? nf_map_get(c->f->demonyms, b, n) : NULL;
        if (dem && b[n - 1] != 's') {
            /* 500 Japanese were trapped; but 500 Japanese troops, two Indian cement firms,
             * the Australian Open */
            for (size_t j = i + 1; j < c->nw && j <= i + 3 && dem; j++) {
                const wtok *nw = &c->w[j];
                if (nw->kind != 'w')
                    break;
                if (nf_isupper((unsigned char)c->t[nw->s])) {
                    dem = NULL;
                    break;
                }
                char nb[64];
                size_t nl = lowword(c, nw, nb, sizeof nb);
                const wclass *sc = nl ? nf_map_get(c->f->words, nb, nl) : NULL;
                if (sc && sc->cls == C_STOP)
                    break;
                if (nl && (noun_lookup(c, nb, nl) || plural_like(nb, nl)))
                    dem = NULL;
            }
        }
        if (dem) {
            /* 1,500 Americans: people, and whose */
            noun = 1;
            nc = &c->f->cls[C_PEOPLE][0];
            c->dem_owner = dem;
        } else if (cap && noun && c->w[i].s != c->sent->start) {
            /* a capitalised word is a name (50 Cent, 7 Series) unless an acronym (MPs) or a
             * kind of people or forces (Marines) */
            int ups = 0;
            for (uint32_t x = w->s; x < w->e; x++)
                ups += nf_isupper((unsigned char)c->t[x]);
            if (!(nc && (ups >= 2 || nc->cls == C_MILITARY || nc->cls == C_PEOPLE)))
                noun = 0;
        }
        int possessive = n != w->e - w->s;
        if (possessive) {
            /* a third of the company's profits: the possessive is a modifier */
            hs = -1;
            mods++;
            continue;
        }
        if (noun) {
            if (hs < 0)
                hs = (long)i;
            else if (head_plural(c, &c->w[he]) && (!nf_map_get(c->f->nouns, b, n) || !plural_like(b, n)))
                break; /* three democracies helps, 1m websites run: a plural head ends the phrase */
            he = (long)i;
            if (possessive)
                break;
            continue;
        }
        if (hs >= 0)
            break;
        if (possessive)
            break; /* 30 Russia's... */
        mods++;
    }
    if (hs < 0)
        return 0;
    /* the unit: from the first noun to the head; a compound (member states) when listed */
    uint32_t s = c->w[hs].s, e = c->w[he].e;
    char b[128];
    size_t n = 0;
    const wclass *cls = NULL;
    /* try the whole compound, then from each later word */
    for (long j = hs; j <= he; j++) {
        n = 0;
        for (long q = j; q <= he && n < sizeof b - 1; q++) {
            char wb[64];
            size_t wl = lowword(c, &c->w[q], wb, sizeof wb);
            if (!wl || n + wl + 1 >= sizeof b)
                break;
            if (n)
                b[n++] = ' ';
            memcpy(b + n, wb, wl);
            n += wl;
        }
        cls = noun_lookup(c, b, n);
        if (cls) {
            s = c->w[j].s;
            break;
        }
        if (j == he) {
            s = c->w[he].s;
            break;
        }
    }
    /* keep the possessive out of the unit */
    char hb[64];
    size_t hl = lowword(c, &c->w[he], hb, sizeof hb);
    if (hl && hl != c->w[he].e - c->w[he].s)
        e = c->w[he].s + (uint32_t)hl;
    u->us = s;
    u->ue = e;
    u->unit = span_lower(c->a, c->t + s, e - s);
    if (!cls && c->dem_owner)
        cls = &c->f->cls[C_PEOPLE][0];
    u->cat = cls ? cls->cls : C_COUNT;
    u->member = cls ? cls->member : 0;
    u->after = 1;
    return 1;
}

/* The unit's head noun is a listed one (army, team), not a guess (needs, includes). */
static int unit_known(const fctx *c, const unitres *u)
{
    const char *h = strrchr(u->unit, ' ');
    h = h ? h + 1 : u->unit;
    return noun_lookup(c, h, strlen(h)) != NULL;
}

/* The qualifier right before token k: the longest listed phrase of up to 3 words. Returns the
 * phrase's first token, or k when none. */
static size_t find_qual(const fctx *c, size_t k, const char **q)
{
    *q = NULL;
    size_t best = k;
    /* every phrase ends with the word before k: most words end none (and a mark or a word of
     * 40 bytes or more stops the loop below at once) */
    if (k == 0 || c->w[k - 1].kind != 'w' || c->w[k - 1].e - c->w[k - 1].s >= 40)
        return k;
    const char *lw0 = c->t + c->w[k - 1].s;
    size_t lwl = c->w[k - 1].e - c->w[k - 1].s;
    if (lwl <= 32 && !((c->f->qual_bits[qidx(lw0[0])][lwl > 1 ? qidx(lw0[1]) : 0] >> (lwl - 1)) & 1))
        return k; /* no last word has its first two bytes and length */
    char lw[40];
    nf_lower(c->t + c->w[k - 1].s, lwl, lw);
    if (!nf_map_has(c->f->qual_last, lw, lwl))
        return k;
    for (size_t len = 1; len <= 3 && len <= k; len++) {
        size_t f = k - len;
        char b[96];
        size_t n = 0;
        int ok = 1;
        for (size_t j = f; j < k; j++) {
            char wb[40];
            const wtok *w = &c->w[j];
            if (w->kind != 'w' || w->e - w->s >= sizeof wb) {
                ok = 0;
                break;
            }
            size_t wl = w->e - w->s;
            nf_lower(c->t + w->s, wl, wb);
            if (n + wl + 1 >= sizeof b) {
                ok = 0;
                break;
            }
            if (n)
                b[n++] = ' ';
            memcpy(b + n, wb, wl);
            n += wl;
        }
        if (!ok)
            break;
        if (nf_map_has(c->f->quals, b, n)) {
            best = f;
            *q = span_lower(c->a, b, n);
        }
    }
    return best;
}

/* The whitespace-delimited chunk around off looks like a url, an e-mail or a path. */
static int in_url(const fctx *c, uint32_t off, const nf_sent *s)
{
    uint32_t b = off, e = off;
    while (b > s->start && !nf_isspace((unsigned char)c->t[b - 1]))
        b--;
    while (e < s->end && !nf_isspace((unsigned char)c->t[e]))
        e++;
    for (uint32_t i = b; i < e; i++) {
        char ch = c->t[i];
        if (ch == '/' || ch == '@' || ch == '\\' || ch == '=' || ch == '_' || ch == '#')
            return 1;
        if (ch == 'w' && i + 3 < e && !memcmp(c->t + i, "www.", 4))
            return 1;
        if (ch == '.' && i + 3 < e && (!memcmp(c->t + i, ".com", 4) || !memcmp(c->t + i, ".org", 4) ||
                                       !memcmp(c->t + i, ".htm", 4) || !memcmp(c->t + i, ".co.", 4)))
            return 1;
    }
    return 0;
}


static int has_cue(const fctx *c, const nf_sent *s)
{
    size_t k0 = tok_at(c, s->start);
    for (size_t k = k0; k < c->nw && c->w[k].s < s->end; k++) {
        char b[64];
        size_t n = lowword(c, &c->w[k], b, sizeof b);
        if (n && nf_map_has(c->f->cues, b, n))
            return 1;
    }
    return 0;
}

/* 60m hurdles, the 10k race, a 508m tall tower: a bare suffix m or k (no currency, no
 * currency word) followed by a word of a race, an event or a measure (units.tsv distance;
 * capitalised words such as World or AAAs may stand between) is metres or kilometres, not
 * millions or thousands. Returns 0 (not a distance), 1 (an event: not a figure), 2 (a
 * measure). */
static int distance_suffix(const fctx *c, const nf_num *n, size_t kend)
{
    if (!(n->flags & NF_NUM_SUFFIX) || (n->flags & (NF_NUM_MONEY | NF_NUM_PERCENT)) || n->nend < n->nstart + 2)
        return 0;
    char sfx = (char)nf_tolower((unsigned char)c->t[n->nend - 1]);
    if ((sfx != 'm' && sfx != 'k') || !nf_isdigit((unsigned char)c->t[n->nend - 2]))
        return 0;
    for (size_t j = kend; j < c->nw && j < kend + 4 && c->w[j].s < c->sent->end; j++) {
        const wtok *w = &c->w[j];
        if (w->kind != 'w')
            return 0;
        char b[64];
        size_t l = lowword(c, w, b, sizeof b);
        if (!l)
            return 0;
        const wclass *d = nf_map_get(c->f->dist, b, l);
        if (d)
            return d->member ? 2 : 1;
        if (!nf_isupper((unsigned char)c->t[w->s]))
            return 0;
    }
    return 0;
}

/* A number of pounds written without the sign near a word of weight (weighs 150 pounds,
 * 500 pounds (225 kilograms) of supplies): a weight, not money. */
static int weight_context(const fctx *c, size_t k, size_t kend, size_t kfirst)
{
    size_t lo = k >= kfirst + 6 ? k - 6 : kfirst;
    for (size_t j = lo; j < c->nw && j < kend + 6 && c->w[j].s < c->sent->end; j++) {
        if (c->w[j].kind != 'w' || (j >= k && j < kend))
            continue;
        char b[64];
        size_t l = lowword(c, &c->w[j], b, sizeof b);
        if (l && nf_map_has(c->f->weight, b, l))
            return 1;
    }
    return 0;
}

/* The attribution after a figure in its sentence: an owner-type mention (or a person of a
 * known country) that says or tells, `..., Israel's army said`, `..., said the Israeli
 * military`, `..., according to Israel`. */
static const char *men_attrib(const fctx *c, uint32_t from, uint32_t end)
{
    for (size_t i = men_at(c, from); i < c->nmen && c->men[i]->start < end; i++) {
        const nf_mention *m = c->men[i];
        const char *canon = m->canon;
        if (m->type == NF_ACT_PERSON && canon)
            canon = nf_map_get(c->f->person_country, canon, strlen(canon));
        else if (!owner_type(m))
            continue;
        if (!canon)
            continue;
        /* said (the) X; according to (the) X */
        long k = tok_before(c, m->start);
        if (k >= 0 && (word_eq(c, &c->w[k], "the") || word_eq(c, &c->w[k], "a")))
            k--;
        if (k >= 0 && c->w[k].s >= from) {
            char b[64];
            size_t l = lowword(c, &c->w[k], b, sizeof b);
            if (l && nf_map_has(c->f->report, b, l))
                return canon;
            if (k >= 1 && word_eq(c, &c->w[k], "to") && word_eq(c, &c->w[k - 1], "according"))
                return canon;
        }
        if (governed(c, m, from))
            continue;
        /* X('s army | military spokesman ...) said */
        size_t words = 0;
        for (size_t j = tok_at(c, m->end); j < c->nw && c->w[j].s < end && words < 6; j++) {
            const wtok *w = &c->w[j];
            if (w->kind != 'w') {
                char ch = c->t[w->s];
                if (ch == '.' || ch == '\'' || (unsigned char)ch == 0xE2)
                    continue;
                break;
            }
            char b[64];
            size_t l = lowword(c, w, b, sizeof b);
            if (l && nf_map_has(c->f->report, b, l))
                return canon;
            words++;
        }
    }
    return NULL;
}

static void add_row(fctx *c, const nf_sent *s, uint32_t off, const char *value, const unitres *u,
                    const char *owner, const char *qual, uint32_t ms, uint32_t me, const char *cat)
{
    nf_ana *a = c->a;
    nf_row *r = nf_row_add(a, NF_KIND_FIGURE, off);
    r->f[NF_COL_DATE] = nf_sent_date(a, s);
    r->f[NF_COL_VALUE] = nf_arena_strndup(&a->arena, value, strlen(value));
    r->f[NF_COL_UNIT] = u->unit;
    r->f[NF_COL_ACTOR] = owner;
    r->f[NF_COL_MENTION] = nf_span_text(a, c->t + ms, me - ms, 0);
    if (c->text_of != s) { /* one copy of a sentence's text for all its figures */
        c->text_of = s;
        c->text = nf_sent_text(a, s);
    }
    r->f[NF_COL_TEXT] = c->text;
    r->f[NF_COL_QUALIFIER] = qual;
    r->f[NF_COL_CATEGORY] = cat && cat[0] ? cat : NULL;
}

/* Token k is the sentence's first word (only marks before it: quotes, brackets). */
static int first_word(const fctx *c, size_t k, size_t kfirst)
{
    for (size_t j = kfirst; j < k; j++)
        if (c->w[j].kind == 'w')
            return 0;
    return 1;
}

/* A number in front of a name: the number is part of the name (a 787 Dreamliner plane, 50
 * Cent's rivals, the 19 Entertainment company, the BMW 3-Series), not a count. The number is
 * followed by a capitalized word, then by a possessive or by a counted noun in the singular,
 * which a count above one does not take (kept: 300 British troops, 12 Oscar nominations). */
static int name_number(const fctx *c, const nf_num *n, size_t kend, const unitres *u)
{
    static const char *const invariant[] = {"aircraft", "staff", "crew", "personnel", "police",
                                            "sheep", "cattle", "fish", "deer", "series", "offspring"};
    if ((n->flags & (NF_NUM_MONEY | NF_NUM_PERCENT | NF_NUM_VAGUE | NF_NUM_WORDS | NF_NUM_SCALED)) ||
        !strcmp(n->value, "1") || u->cat == C_MONEY)
        return 0;
    for (size_t i = n->nstart; i < n->nend; i++)
        if (!nf_isdigit((unsigned char)c->t[i]))
            return 0; /* 3.4bn Danish kroner, 19,924 Cadillac coupes: names have plain digits */
    if (n->flags & NF_NUM_HYPHEN) /* 3-Series, 7-Eleven: a capital after the hyphen */
        return n->hyph_end > n->hyph_start && nf_isupper((unsigned char)c->t[n->hyph_start]);
    if (kend + 1 >= c->nw)
        return 0;
    const wtok *nm = &c->w[kend];
    if (nm->kind != 'w' || !nf_isupper((unsigned char)c->t[nm->s]) || nm->e - nm->s < 2 ||
        nf_isupper((unsigned char)c->t[nm->s + 1]))
        return 0;
    const wtok *nx = &c->w[kend + 1];
    size_t nl = nm->e - nm->s;
    const char *ne = c->t + nm->e;
    if ((nx->s == nm->e && (c->t[nx->s] == '\'' || (unsigned char)c->t[nx->s] == 0xE2)) ||
        (nl > 2 && ne[-1] == 's' && ne[-2] == '\'') || (nl > 4 && ne[-1] == 's' && !memcmp(ne - 4, "\xe2\x80\x99", 3)))
        return 1; /* 50 Cent's */
    if (!u->unit || u->us <= nm->s || u->ue < u->us)
        return 0;
    size_t h = tok_at(c, u->ue);
    if (h == 0 || h - 1 <= kend)
        return 0;
    const wtok *hw = &c->w[h - 1];
    if (!nf_islower((unsigned char)c->t[hw->s]) || head_plural(c, hw))
        return 0;
    for (size_t i = 0; i < sizeof invariant / sizeof *invariant; i++)
        if (word_eq(c, hw, invariant[i])) {
            /* no plural to tell: a name only when the capitalized word is no actor (300
             * British aircraft, 40 Nato aircraft) */
            size_t mi = men_at(c, nm->s);
            return !(mi < c->nmen && c->men[mi]->start == nm->s);
        }
    return 1;
}

/* The word before off is a verb of giving, which takes the receiver before the thing given
 * (has given Labour 50,000, paid Fiat $2bn, lent Russia $6bn). Not "cost" or "fined": there
 * the one named bears the amount (cost Sony $10m). */
static int gives_to(const fctx *c, uint32_t off)
{
    static const char *const give[] = {"give", "gives", "gave", "given", "giving", "pay", "pays",
                                       "paid", "paying", "lend", "lends", "lent", "lending", "send",
                                       "sends", "sent", "offer", "offers", "offered", "grant", "grants",
                                       "granted", "award", "awards", "awarded", "hand", "hands",
                                       "handed", "loan", "loaned", "donate", "donated", "owe", "owes",
                                       "owed"};
    long j = tok_before(c, off);
    if (j < 0 || c->w[j].kind != 'w' || !nf_islower((unsigned char)c->t[c->w[j].s]))
        return 0;
    for (size_t i = 0; i < sizeof give / sizeof *give; i++)
        if (word_eq(c, &c->w[j], give[i]))
            return 1;
    return 0;
}

/* Tries a figure at token k of sentence s; returns the token index to continue from. */
static size_t try_figure(fctx *c, const nf_sent *s, size_t k, size_t kfirst)
{
    nf_ana *a = c->a;
    fctx full; /* for all_tokens */
    const wtok *w = &c->w[k];
    unsigned char c0 = (unsigned char)c->t[w->s];
    /* quick filter: digits, currency signs, or a word the grammar knows */
    nf_num n;
    if (!nf_num_parse_started(c->f->num, c->t, s->end, w->s, &n)) /* (nf_num_may_start held) */
        return k + 1;
    size_t kend = tok_after(c, k, (uint32_t)n.end); /* (n.end > w->s: a number is not empty) */
    /* the token must be a whole word: nothing glued before it (ids, G-20) */
    if (w->s > s->start) {
        unsigned char p = (unsigned char)c->t[w->s - 1];
        if (nf_isalpha(p) || nf_isdigit(p) || p == '-' || p == '.' || p == '#' || p == '/')
            return kend > k ? kend : k + 1;
    }
    /* numbers inside a word (a76022, 3D) */
    if (n.nend < w->e && w->kind == 'w' && !(n.flags & (NF_NUM_HYPHEN | NF_NUM_RANGE | NF_NUM_CHANGE | NF_NUM_PERCENT)) &&
        n.end < w->e)
        return k + 1;
    int money = (n.flags & NF_NUM_MONEY) != 0, pct = (n.flags & NF_NUM_PERCENT) != 0;
    /* 60m hurdles: an event, not 60 million of anything; a 508m tall tower: 508 metres */
    int dist = distance_suffix(c, &n, kend);
    if (dist == 1)
        return kend;
    if (dist == 2) {
        size_t v = 0;
        for (size_t i = n.nstart; i + 1 < n.nend && v + 1 < sizeof n.value; i++)
            if (c->t[i] != ',')
                n.value[v++] = c->t[i];
        n.value[v] = '\0';
        n.flags &= ~(unsigned)(NF_NUM_SCALED | NF_NUM_SUFFIX);
    }
    /* years, long plain digit strings (dates like 20211217, ids) */
    if (!money && !pct && (n.flags & NF_NUM_DIGITS) && !(n.flags & NF_NUM_SCALED)) {
        const char *d = c->t + n.nstart;
        size_t dl = n.nend - n.nstart;
        int plain = 1;
        for (size_t i = 0; i < dl; i++)
            if (!nf_isdigit((unsigned char)d[i]))
                plain = 0;
        if (plain && dl >= 5)
            return kend;
        if (plain && dl >= 2 && d[0] == '0')
            return kend; /* 0200 local time, 007, 0800 numbers: clocks, codes, phones */
        if (plain && dl == 4 && (d[0] == '1' || d[0] == '2'))
            return kend;
    }
    /* 2004 to 4.25%, 2004-05: a year starts it */
    if ((n.flags & NF_NUM_PLAIN4) && (n.flags & (NF_NUM_RANGE | NF_NUM_CHANGE)) &&
        (c->t[n.nstart] == '1' || c->t[n.nstart] == '2'))
        return kend;
    if (in_url(c, w->s, s))
        return kend > k ? kend : k + 1;
    if (nf_dates_overlap(a, (uint32_t)n.nstart, (uint32_t)n.nend) >= 0)
        return kend > k ? kend : k + 1;
    /* right after another number: a model or a code (400 737 Max jets) */
    if (k > kfirst && c->w[k - 1].kind == 'w') {
        const wtok *pw = &c->w[k - 1];
        size_t pl = pw->e - pw->s, digits = 0;
        for (uint32_t x = pw->s; x < pw->e; x++)
            digits += nf_isdigit((unsigned char)c->t[x]) != 0;
        int year = pl == 4 && (c->t[pw->s] == '1' || c->t[pw->s] == '2');
        if (digits && digits == pl && !year)
            return kend;
    }
    /* a chart band after a count (three top 20 singles, two US top 10 albums): a rank */
    if (k >= kfirst + 2 && word_eq(c, &c->w[k - 1], "top")) {
        long j = (long)k - 2;
        while (j > (long)kfirst && c->w[j].kind == 'w' &&
               (nf_isupper((unsigned char)c->t[c->w[j].s]) || word_eq(c, &c->w[j], "more")))
            j--; /* two more top 20 hits, nine UK top 30 singles */
        nf_num pn;
        if (c->w[j].kind == 'w' && (has_digit(c, &c->w[j]) ||
                                    nf_num_parse(c->f->num, c->t, s->end, c->w[j].s, &pn)))
            return kend;
    }
    /* a rank: world number two, No. 1, No 10 */
    if (k > kfirst && (word_eq(c, &c->w[k - 1], "number") ||
                       (c->w[k - 1].e - c->w[k - 1].s == 2 && !memcmp(c->t + c->w[k - 1].s, "No", 2))))
        return kend;
    if (k > kfirst + 1 && c->w[k - 1].kind == 'p' && c->t[c->w[k - 1].s] == '.' &&
        c->w[k - 2].e - c->w[k - 2].s == 2 && !memcmp(c->t + c->w[k - 2].s, "No", 2))
        return kend;
    /* next to a month name: a date */
    if (k > kfirst && is_month(c, &c->w[k - 1]))
        return kend;
    if (k > kfirst + 1 && c->w[k - 1].kind == 'p' && c->t[c->w[k - 1].s] == '.' && is_month(c, &c->w[k - 2]))
        return kend; /* Aug. 7 */
    if (kend < c->nw && is_month(c, &c->w[kend]))
        return kend;
    if (k > kfirst + 1 && c->w[k - 1].kind == 'p' && c->t[c->w[k - 1].s] == ',' && is_month(c, &c->w[k - 2]))
        return kend;
    /* a name with a number (Boeing 747, Article 5, Formula One) */
    if (k > kfirst && c->w[k - 1].kind == 'w' && nf_isupper((unsigned char)c->t[c->w[k - 1].s]) &&
        !first_word(c, k - 1, kfirst)) {
        char pb[64];
        size_t pl = lowword(c, &c->w[k - 1], pb, sizeof pb);
        const char *q;
        if (find_qual(c, k, &q) == k && !money && pl == c->w[k - 1].e - c->w[k - 1].s)
            return kend;
    }
    if ((n.flags & NF_NUM_WORDS) && !(n.flags & NF_NUM_DIGITS) && nf_isupper(c0) && !first_word(c, k, kfirst)) {
        /* a capitalised number word inside a sentence is a name (the Big Four) unless a
         * capitalised run is a headline */
        return kend;
    }
    /* hyphenated compound */
    unitres u;
    memset(&u, 0, sizeof u);
    int have_unit = 0;
    const char *qual = NULL;
    size_t unit_from = kend;
    if (dist == 2) {
        u.unit = nf_tolower((unsigned char)c->t[n.nend - 1]) == 'k' ? "kilometres" : "metres";
        u.cat = C_COUNT;
        have_unit = 1;
    }
    if (n.flags & NF_NUM_HYPHEN) {
        char hb[48];
        size_t hl = n.hyph_end - n.hyph_start;
        if (hl >= sizeof hb)
            return kend;
        nf_lower(c->t + n.hyph_start, hl, hb);
        hb[hl] = '\0';
        const wclass *wc = nf_map_get(c->f->words, hb, hl);
        const wclass *nc = noun_lookup(c, hb, hl);
        if (!nc && wc && (wc->cls == C_NONFIG || wc->cls == C_STOP))
            return kend;
        if (n.flags & NF_NUM_FRACTION)
            return kend; /* half-point, quarter-final */
        if ((n.flags & NF_NUM_WORDS) && !strcmp(n.value, "1"))
            return kend; /* one-stop, one-off, one-way: adjectives */
        nf_num hn;
        if (nf_num_parse(c->f->num, c->t, s->end, n.hyph_start, &hn))
            return kend; /* one-two */
        int ed = hl > 3 && hb[hl - 2] == 'e' && hb[hl - 1] == 'd' && !noun_lookup(c, hb, hl);
        if (ed || !strcmp(hb, "strong") || !strcmp(hb, "odd") || !strcmp(hb, "plus") || !strcmp(hb, "some")) {
            /* the unit comes after: 5,000-strong force, two-legged robots; 50-odd people
             * keeps its words as the qualifier */
            if (!ed && strcmp(hb, "strong"))
                qual = span_lower(a, c->t + n.nstart, n.hyph_end - n.nstart);
        } else if (!money && !pct) {
            /* a 300,000-man army, a 62-member rescue team: the noun after, if any */
            if (!strcmp(hb, "man") || !strcmp(hb, "men") || !strcmp(hb, "member") || !strcmp(hb, "person")) {
                size_t after = kend;
                if (find_unit(c, after, 0, 0, &u) > 0 && unit_known(c, &u)) {
                    have_unit = 1;
                    goto unit_done;
                }
                memset(&u, 0, sizeof u);
            }
            /* 1,200-mile border, 30-nation alliance: the number counts the hyphen word */
            u.us = (uint32_t)n.hyph_start;
            u.ue = (uint32_t)n.hyph_end;
            u.unit = span_lower(a, c->t + n.hyph_start, hl);
            u.cat = nc ? nc->cls : C_COUNT;
            if (u.cat == C_MONEY && !money && weight_context(c, k, kend, kfirst))
                u.cat = C_COUNT; /* a 2,000-pound bomb */
            u.member = nc ? nc->member : 0;
            u.after = 1;
            have_unit = 1;
        }
    unit_done:
        /* the token holding the hyphen word: continue after it */
        unit_from = kend;
    }
    if (money) {
        u.unit = n.unit;
        u.cat = C_MONEY;
        have_unit = 1;
        /* weighs 150 pounds: written without the sign, not scaled, near a word of weight */
        if (n.unit && !strcmp(n.unit, "pounds") && n.start == n.nstart && !(n.flags & NF_NUM_SCALED) &&
            weight_context(c, k, kend, kfirst))
            u.cat = C_COUNT;
    } else if (pct) {
        u.unit = n.unit;
        u.cat = C_SHARE;
        have_unit = 1;
    }
    int vague = (n.flags & NF_NUM_VAGUE) != 0, unit_before = 0;
    c->dem_owner = NULL;
    /* one in five loans, six out of every 10 planes: a proportion's base */
    if (k >= kfirst + 2 && (word_eq(c, &c->w[k - 1], "in") || word_eq(c, &c->w[k - 1], "every"))) {
        nf_num pn;
        if (has_digit(c, &c->w[k - 2]) || word_eq(c, &c->w[k - 2], "of") ||
            nf_num_parse(c->f->num, c->t, s->end, c->w[k - 2].s, &pn))
            return kend;
    }
    if (!have_unit) {
        int one = !strcmp(n.value, "1") && !vague;
        /* a chart band between the count and its noun (three top 20 singles, six US top 10
         * albums): the noun after it */
        size_t uf = unit_from, x = unit_from;
        if (x < c->nw && c->w[x].kind == 'w' && (c->w[x].e - c->w[x].s) >= 2 &&
            nf_isupper((unsigned char)c->t[c->w[x].s]) && nf_isupper((unsigned char)c->t[c->w[x].s + 1]))
            x++; /* UK, US */
        if (x + 2 < c->nw && word_eq(c, &c->w[x], "top") && has_digit(c, &c->w[x + 1]))
            uf = x + 2;
        int r = find_unit(c, uf, 1, one, &u);
        if (r < 0)
            return kend;
        have_unit = r > 0;
        /* one: only a person or a soldier (one man died), not an idiom (at one point) */
        if (have_unit && one && (u.cat != C_PEOPLE && u.cat != C_MILITARY && u.cat != C_CASUALTIES))
            have_unit = 0;
        if (have_unit && (n.flags & NF_NUM_FRACTION)) {
            /* half of the population: only with "of" */
            if (!(unit_from < c->nw && word_eq(c, &c->w[unit_from], "of")))
                have_unit = 0;
        }
    }
    if (!have_unit && (n.flags & NF_NUM_CHANGE)) {
        /* halved the staff ... from 20 to 10: the noun before; but when a measure changes
         * (the retirement age for workers from 60 to 65, the rate, the price): no count. */
        static const char *const measure[] = {"age", "rate", "rates", "price", "prices", "level",
                                              "levels", "limit", "speed", "temperature", "threshold",
                                              "ratio", "score", "value", "height", "length", "weight",
                                              "cost", "costs", "salary", "wage", "wages", "fee", "fees",
                                              "fare", "fares", "size", "index", "target", "forecast"};
        for (long j = (long)k - 1, seen = 0; j >= (long)kfirst && seen < 10; j--, seen++) {
            const wtok *pw = &c->w[j];
            if (pw->kind != 'w') {
                if (c->t[pw->s] == ';' || c->t[pw->s] == ':')
                    break;
                continue;
            }
            int stop = 0;
            for (size_t q = 0; q < sizeof measure / sizeof *measure; q++)
                if (word_eq(c, pw, measure[q]))
                    stop = 1;
            if (stop)
                break;
            char b[64];
            size_t bl = lowword(c, pw, b, sizeof b);
            const wclass *nc = bl ? noun_lookup(c, b, bl) : NULL;
            if (nc && nc->cls != C_COUNT) {
                /* the age for council workers: the measure's, no count */
                for (long q = j - 1; q > (long)kfirst && q >= j - 5 && c->w[q].kind == 'w'; q--)
                    if (word_eq(c, &c->w[q], "for") || word_eq(c, &c->w[q], "of")) {
                        for (size_t x = 0; x < sizeof measure / sizeof *measure; x++)
                            if (word_eq(c, &c->w[q - 1], measure[x]))
                                stop = 1;
                        break;
                    }
                if (stop)
                    break;
                u.us = pw->s;
                u.ue = pw->s + (uint32_t)bl;
                u.unit = span_lower(a, c->t + pw->s, bl);
                u.cat = nc->cls;
                u.member = nc->member;
                have_unit = 1;
                break;
            }
        }
    }
    if (!have_unit && !(n.flags & NF_NUM_FRACTION)) {
        /* a force of 200,000; troops numbering 40,000; a population of 17 million */
        const char *q0;
        size_t qk0 = find_qual(c, k, &q0);
        if (qk0 >= kfirst + 2 && c->w[qk0 - 1].kind == 'w' && c->w[qk0 - 2].kind == 'w' &&
            (word_eq(c, &c->w[qk0 - 1], "of") || word_eq(c, &c->w[qk0 - 1], "numbering") ||
             word_eq(c, &c->w[qk0 - 1], "totaling") || word_eq(c, &c->w[qk0 - 1], "totalling") ||
             word_eq(c, &c->w[qk0 - 1], "to"))) {
            const wtok *pw = &c->w[qk0 - 2];
            char b[64];
            size_t bl = lowword(c, pw, b, sizeof b);
            const wclass *nc = bl ? noun_lookup(c, b, bl) : NULL;
            /* at least 10 (not "a mother of two", "a deal to one"); after "to" only forces
             * and people (the total French force to 13,000, not goals to nil) */
            int big = strcspn(n.value, ".") >= 2;
            int to = word_eq(c, &c->w[qk0 - 1], "to");
            if (nc && nc->cls != C_MONEY && nc->cls != C_SHARE && bl == pw->e - pw->s && big &&
                (!to || nc->cls == C_MILITARY || nc->cls == C_PEOPLE) &&
                (nf_islower((unsigned char)c->t[pw->s]) || qk0 - 2 == kfirst)) {
                u.us = pw->s;
                u.ue = pw->e;
                u.unit = span_lower(a, c->t + pw->s, bl);
                u.cat = nc->cls;
                u.member = nc->member;
                have_unit = 1;
                unit_before = 1;
            }
        }
    }
    if (!have_unit || name_number(c, &n, kend, &u))
        return kend;
    if ((n.flags & NF_NUM_FRACTION) && !money && !pct && !(n.flags & NF_NUM_DIGITS))
        u.cat = C_SHARE;
    /* qualifier */
    size_t qk = k;
    if (!qual) {
        const char *q0;
        qk = find_qual(c, k, &q0);
        if (vague)
            qual = span_lower(a, c->t + n.vstart, n.vend - n.vstart);
        else if (n.flags & NF_NUM_RANGE)
            qual = nf_span_text(a, c->t + n.start, n.end - n.start, 0);
        else
            qual = q0;
    }
    /* category */
    int cat = u.cat;
    if ((cat == C_PEOPLE || cat == C_MILITARY) && has_cue(c, s))
        cat = C_CASUALTIES;
    /* owner */
    uint32_t ms = unit_before ? u.us : c->w[qk].s;
    uint32_t me = (uint32_t)n.end;
    if (u.after && u.ue > me)
        me = u.ue;
    const char *owner = NULL;
    if (u.after && u.ue > n.end)
        owner = men_inside(c, (uint32_t)n.end, u.ue);
    if (!owner && c->dem_owner)
        owner = c->dem_owner;
    if (!owner && (n.flags & NF_NUM_HYPHEN) && u.ue == n.hyph_end) {
        /* the 12-nation European Community */
        size_t j = tok_at(c, u.ue);
        if (j < c->nw) {
            size_t mi = men_at(c, c->w[j].s);
            if (mi < c->nmen && c->men[mi]->start == c->w[j].s && owner_type(c->men[mi]))
                owner = c->men[mi]->canon;
        }
    }
    if (!owner && u.after && u.ue >= n.end) {
        /* the 17 million residents of Iraq */
        size_t j = tok_at(c, u.ue);
        if (j + 1 < c->nw && word_eq(c, &c->w[j], "of")) {
            size_t e2 = j + 1;
            if (word_eq(c, &c->w[e2], "the") && e2 + 1 < c->nw)
                e2++;
            size_t mi = men_at(c, c->w[e2].s);
            if (mi < c->nmen && c->men[mi]->start == c->w[e2].s && owner_type(c->men[mi]) &&
                !(c->men[mi]->flags & NF_M_DEMONYM))
                owner = c->men[mi]->canon;
        }
    }
    uint32_t subj_lim = ms; /* the subject is sought before this */
    if (!owner) {
        /* NATO's 5,000-strong force; the US 8,500 */
        size_t i = men_at(c, (uint32_t)(ms + 1));
        while (i > 0) {
            const nf_mention *m = c->men[--i];
            if (m->end > ms)
                continue;
            if (m->end + 4 >= ms && owner_type(m)) {
                int ok = 1;
                for (uint32_t x = m->end; x < ms; x++) {
                    unsigned char ch = (unsigned char)c->t[x];
                    if (!(nf_isspace(ch) || ch == '\'' || ch == 's' || ch == 0xE2 || ch == 0x80 || ch == 0x99))
                        ok = 0;
                }
                if (ok && !memchr(c->t + m->end, '\'', ms - m->end) && !memchr(c->t + m->end, 0xE2, ms - m->end) &&
                    gives_to(c->nw && c->w[0].s < m->start ? c : all_tokens(c, &full), m->start)) {
                    ok = 0; /* has given Labour 50,000: Labour receives it; the giver owns it */
                    subj_lim = m->start;
                }
                if (ok)
                    owner = m->canon;
            }
            break;
        }
    }
    if (!owner && qk >= kfirst + 2 && (word_eq(c, &c->w[qk - 1], "of") || unit_before)) {
        /* a separate US force of 8,500 troops */
        long j = (long)qk - 2, lim = (long)qk - 6;
        while (j >= (long)kfirst && j > lim && c->w[j].kind == 'w' && !word_eq(c, &c->w[j], "the") &&
               !word_eq(c, &c->w[j], "a") && !word_eq(c, &c->w[j], "an"))
            j--;
        if (j < (long)kfirst)
            j = (long)kfirst;
        owner = men_inside(c, c->w[j].s, c->w[qk - 2].e);
    }
    if (!owner && u.member)
        owner = member_owner(c);
    if (!owner && cat != C_CASUALTIES) {
        owner = men_subject(c, s->start, subj_lim);
        /* About 300,000 reservists have been called up, Israel's army said */
        if (!owner && cat == C_MILITARY)
            owner = men_attrib(c, me, s->end);
        if (!owner && c->si > 0 && cat == C_MILITARY) {
            const nf_sent *ps = &a->sent[c->si - 1];
            owner = men_subject(all_tokens(c, &full), ps->start, ps->end);
        }
    }
    /* the forces of a national body are its country's (Pentagon -> United States) */
    if (owner && cat == C_MILITARY) {
        const char *oc = nf_map_get(c->f->org_country, owner, strlen(owner));
        if (!oc) {
            /* U.S. Navy, Russian army, Iraqi Republican Guard */
            const char *sp = strchr(owner, ' ');
            if (sp)
                oc = nf_map_get(c->f->country_word, owner, (size_t)(sp - owner));
        }
        if (oc)
            owner = oc;
    }
    /* rows */
    if (n.flags & NF_NUM_CHANGE) {
        add_row(c, s, (uint32_t)n.nstart, n.value, &u, owner, qual, ms, me, CAT_NAME[cat]);
        add_row(c, s, (uint32_t)n.n2start, n.value2, &u, owner, qual, ms, me, CAT_NAME[cat]);
    } else {
        add_row(c, s, ms, n.value, &u, owner, qual, ms, me, CAT_NAME[cat]);
        /* from 16 members to 19: the new value takes the unit */
        size_t tk = tok_at(c, me);
        if (k > kfirst && word_eq(c, &c->w[k - 1], "from") && u.after && tk + 1 < c->nw &&
            word_eq(c, &c->w[tk], "to") && c->w[tk + 1].s < s->end) {
            nf_num n2;
            if (nf_num_parse(c->f->num, c->t, s->end, c->w[tk + 1].s, &n2) && !(n2.flags & NF_NUM_VAGUE) &&
                !(n2.flags & NF_NUM_PLAIN4) && (!n2.unit || (u.unit && !strcmp(n2.unit, u.unit)))) {
                size_t k2 = tok_at(c, (uint32_t)n2.end);
                unitres u2;
                memset(&u2, 0, sizeof u2);
                if (n2.unit || find_unit(c, k2, 0, 0, &u2) == 0) {
                    add_row(c, s, c->w[tk + 1].s, n2.value, &u, owner, NULL, c->w[tk + 1].s, (uint32_t)n2.end,
                            CAT_NAME[cat]);
                    me = (uint32_t)n2.end;
                }
            }
        }
    }
    size_t next = tok_at(c, me);
    return next > k ? next : k + 1;
}

int nf_figures_run(nf_ana *a)
{
    const figeng *f = a->eng->figures;
    if (!f || !a->nsent || a->doc.lang[0])
        return 0;
    fctx c;
    memset(&c, 0, sizeof c);
    c.a = a;
    c.f = f;
    c.t = a->doc.text;
    /* mentions by position, and the article's organization (most mentioned) */
    c.men = nf_arena_alloc(&a->arena, (a->nmen + 1) * sizeof *c.men);
    for (size_t i = 0; i < a->nmen; i++)
        c.men[c.nmen++] = &a->men[i];
    /* the actors stage gives them in order as a rule: strictly in order (no ties), no sort
     * would move one */
    int sorted = 1;
    for (size_t i = 1; i < c.nmen && sorted; i++)
        sorted = men_cmp(&c.men[i - 1], &c.men[i]) < 0;
    if (!sorted)
        qsort(c.men, c.nmen, sizeof *c.men, men_cmp);

    size_t wcap = 0;
    uint32_t wend = 0;
    const uint8_t(*pairs)[32] = nf_num_pairs(f->num);
    for (size_t si = 0; si < a->nsent; si++) {
        const nf_sent *s = &a->sent[si];
        /* Only sentences where a number can be read: the parses below are at our token
         * starts (and, once one has succeeded, elsewhere). A token never begins with an ASCII
         * letter right after another one except where tokenize begins, which is at s->start
         * or before the sentence; so nf_num_may_occur cannot miss one of those numbers. */
        if (!nf_num_may_occur(f->num, c.t, s->start, s->end))
            continue;
        /* our tokens of this sentence and the one before (for owners); the one before may
         * be tokenized already (and then tokenize begins at its end, not in this one) */
        uint32_t from = si > 0 && a->sent[si - 1].start < s->start ? a->sent[si - 1].start : s->start;
        c.w_late = 0;
        if (c.nw && wend == a->sent[si - 1].end && wend <= s->start && from < s->start) {
            size_t keep = tok_at(&c, from);
            memmove(c.w, c.w + keep, (c.nw - keep) * sizeof *c.w);
            c.nw = tokenize(a, wend, s->end, &c.w, &wcap, c.nw - keep);
        } else {
            /* only the last tokens of the sentence before, as a rule */
            uint32_t late = from < s->start ? late_start(c.t, from, s->start) : from;
            if (late > from)
                c.w_late = late;
            c.nw = tokenize(a, late, s->end, &c.w, &wcap, 0);
        }
        wend = s->end;
        c.si = si;
        c.sent = s;
        size_t k = tok_at(&c, s->start), kfirst = k;
        while (k < c.nw && c.w[k].s < s->end) {
            const wtok *w = &c.w[k];
            unsigned char c0 = (unsigned char)c.t[w->s];
            /* a digit, '$', a byte of a pound or euro sign or an ASCII letter (which begins a
             * word: tokenize makes no mark of one) */
            int cand = CAND_FIRST[c0];
            /* try_figure reads a number first: skip where none can start (most words; most
             * by their first two bytes) */
            unsigned char c1 = w->s + 1 < s->end ? (unsigned char)c.t[w->s + 1] : 0;
            if (!cand || !nf_num_pair_may(pairs, c0, c1) || !nf_num_may_start(f->num, c.t, s->end, w->s)) {
                k++;
                continue;
            }
            k = try_figure(&c, s, k, kfirst);
        }
    }
    free(c.w);
    free(c.all_w);
    return 0;
}
