/* corroborate.c — --corroborate: which claims and figures several articles report.
 *
 * The workers serialize their rows (nf_corr_serialize) instead of formatting them; the
 * pipeline keeps them in a temporary file, so memory stays flat however large the corpus.
 * At the end (nf_corr_finish) the rows are read back twice: once to group them, once to
 * print them with the `cluster` (the group's number, in order of first appearance) and
 * `sources` (how many distinct articles report it) columns filled.
 *
 * Figures group by value and counted noun. Claims group by speaker, then by their content:
 * a claim joins the first earlier group of that speaker whose first claim shares at least
 * half of its content words (Jaccard >= 0.5 over words of four or more letters, lower case). */
#include <stdlib.h>
#include <string.h>

#include "nf.h"

#define CORR_JACCARD 0.5
#define CORR_WINDOW 256 /* groups of one speaker compared, the most recent first */

static void put_u32(nf_buf *b, uint32_t v)
{
    unsigned char x[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    nf_buf_put(b, x, 4);
}

void nf_corr_serialize(const nf_engine *e, nf_ana *a, nf_buf *out)
{
    nf_table_sort(a);
    for (size_t i = 0; i < a->nrow; i++) {
        const nf_row *r = &a->row[i];
        if (!nf_table_keep(&e->opt, r))
            continue;
        char line[24];
        const char *cols[NF_NCOLS];
        nf_table_cols(a, r, line, cols);
        nf_buf_putc(out, (char)r->kind);
        for (int c = 0; c < NF_NCOLS; c++) {
            size_t n = cols[c] ? strlen(cols[c]) : 0;
            put_u32(out, cols[c] ? (uint32_t)n : 0xFFFFFFFFu);
            nf_buf_put(out, cols[c] ? cols[c] : "", n);
        }
    }
}

/* One serialized row read back: fields point into buf. */
typedef struct {
    int kind;
    const char *cols[NF_NCOLS];
    nf_buf buf;
} rrow;

static int get_u32(FILE *f, uint32_t *v)
{
    unsigned char x[4];
    if (fread(x, 1, 4, f) != 4)
        return -1;
    *v = x[0] | (uint32_t)x[1] << 8 | (uint32_t)x[2] << 16 | (uint32_t)x[3] << 24;
    return 0;
}

/* Returns 1 with a row, 0 at the end, -1 on a damaged file. */
static int read_row(FILE *f, rrow *r)
{
    int k = getc(f);
    if (k == EOF)
        return 0;
    r->kind = k;
    r->buf.len = 0;
    size_t off[NF_NCOLS];
    int null[NF_NCOLS];
    for (int c = 0; c < NF_NCOLS; c++) {
        uint32_t n;
        if (get_u32(f, &n))
            return -1;
        null[c] = n == 0xFFFFFFFFu;
        if (null[c])
            n = 0;
        off[c] = r->buf.len;
        nf_buf_reserve(&r->buf, (size_t)n + 1);
        if (n && fread(r->buf.p + r->buf.len, 1, n, f) != n)
            return -1;
        r->buf.len += n;
        r->buf.p[r->buf.len++] = '\0';
    }
    for (int c = 0; c < NF_NCOLS; c++)
        r->cols[c] = null[c] ? NULL : r->buf.p + off[c];
    return 1;
}

typedef struct {
    uint64_t *words;
    size_t nwords;
    long last_article; /* the article that last added to it */
    uint32_t sources;
} group;

typedef struct {
    uint32_t *idx;
    size_t n, cap;
} group_list;

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

/* The sorted set of content-word hashes of s. */
static uint64_t *content_words(const char *s, size_t *n)
{
    size_t cap = 0, k = 0;
    uint64_t *w = NULL;
    char word[256];
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    while (*p) {
        while (*p && !(nf_isalpha(*p) || nf_isdigit(*p)))
            p++;
        size_t len = 0;
        while (*p && (nf_isalpha(*p) || nf_isdigit(*p))) {
            if (len < sizeof word)
                word[len++] = (char)nf_tolower(*p);
            p++;
        }
        if (len >= 4)
            *NF_PUSH(w, k, cap) = nf_hash(word, len);
    }
    if (k > 1)
        qsort(w, k, sizeof *w, cmp_u64);
    size_t u = 0;
    for (size_t i = 0; i < k; i++)
        if (!u || w[u - 1] != w[i])
            w[u++] = w[i];
    *n = u;
    return w;
}

static double jaccard(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    if (!na && !nb)
        return 1;
    size_t i = 0, j = 0, inter = 0;
    while (i < na && j < nb) {
        if (a[i] == b[j])
            inter++, i++, j++;
        else if (a[i] < b[j])
            i++;
        else
            j++;
    }
    return (double)inter / (double)(na + nb - inter);
}

int nf_corr_finish(const nf_engine *e, FILE *tmp, FILE *out)
{
    int rc = 0;
    group *g = NULL;
    size_t ng = 0, capg = 0;
    uint32_t *of = NULL; /* group of each claim or figure row, in order */
    size_t nof = 0, capof = 0;
    nf_map *figures = nf_map_new(), *speakers = nf_map_new();
    rrow r = {0};
    nf_buf key = {0}, prev = {0};
    long article = 0;
    group_list *lists = NULL;
    size_t nlists = 0, caplists = 0;

    rewind(tmp);
    int got;
    while ((got = read_row(tmp, &r)) == 1) {
        /* count articles: rows of one article are contiguous */
        key.len = 0;
        nf_buf_printf(&key, "%s\t%s", r.cols[NF_COL_FILE] ? r.cols[NF_COL_FILE] : "",
                      r.cols[NF_COL_ARTICLE] ? r.cols[NF_COL_ARTICLE] : "");
        if (key.len != prev.len || memcmp(key.p, prev.p, key.len) != 0) {
            article++;
            prev.len = 0;
            nf_buf_put(&prev, key.p, key.len);
        }
        if (r.kind != NF_KIND_CLAIM && r.kind != NF_KIND_FIGURE)
            continue;
        size_t gi = (size_t)-1;
        if (r.kind == NF_KIND_FIGURE) {
            key.len = 0;
            nf_buf_printf(&key, "%s\t%s", r.cols[NF_COL_VALUE] ? r.cols[NF_COL_VALUE] : "",
                          r.cols[NF_COL_UNIT] ? r.cols[NF_COL_UNIT] : "");
            void *v = nf_map_get(figures, key.p, key.len);
            if (v)
                gi = (size_t)(uintptr_t)v - 1;
            else {
                gi = ng;
                nf_map_put(figures, key.p, key.len, (void *)(uintptr_t)(ng + 1));
            }
            if (gi == ng) {
                group *ngp = NF_PUSH(g, ng, capg);
                memset(ngp, 0, sizeof *ngp);
            }
        } else {
            const char *sp = r.cols[NF_COL_ACTOR] ? r.cols[NF_COL_ACTOR] : "";
            void *v = nf_map_get(speakers, sp, strlen(sp));
            size_t li;
            if (v) {
                li = (size_t)(uintptr_t)v - 1;
            } else {
                li = nlists;
                group_list *l = NF_PUSH(lists, nlists, caplists);
                memset(l, 0, sizeof *l);
                nf_map_put(speakers, sp, strlen(sp), (void *)(uintptr_t)(li + 1));
            }
            size_t nw;
            uint64_t *w = content_words(r.cols[NF_COL_VALUE], &nw);
            group_list *l = &lists[li];
            size_t stop = l->n > CORR_WINDOW ? l->n - CORR_WINDOW : 0;
            for (size_t k = l->n; k > stop; k--) {
                group *c = &g[l->idx[k - 1]];
                if (jaccard(w, nw, c->words, c->nwords) >= CORR_JACCARD) {
                    gi = l->idx[k - 1];
                    break;
                }
            }
            if (gi == (size_t)-1) {
                gi = ng;
                group *ngp = NF_PUSH(g, ng, capg);
                memset(ngp, 0, sizeof *ngp);
                ngp->words = w;
                ngp->nwords = nw;
                *NF_PUSH(l->idx, l->n, l->cap) = (uint32_t)gi;
            } else {
                free(w);
            }
        }
        if (g[gi].last_article != article) {
            g[gi].last_article = article;
            g[gi].sources++;
        }
        *NF_PUSH(of, nof, capof) = (uint32_t)gi;
    }
    if (got < 0)
        rc = -1;

    /* number the groups in order of first appearance */
    uint32_t *num = calloc(ng + 1, sizeof *num), next = 0;
    for (size_t i = 0; i < nof; i++)
        if (!num[of[i]])
            num[of[i]] = ++next;

    rewind(tmp);
    nf_buf obuf = {0};
    size_t k = 0;
    while (rc == 0 && (got = read_row(tmp, &r)) == 1) {
        char cl[16], so[16];
        if ((r.kind == NF_KIND_CLAIM || r.kind == NF_KIND_FIGURE) && k < nof) {
            snprintf(cl, sizeof cl, "%u", num[of[k]]);
            snprintf(so, sizeof so, "%u", g[of[k]].sources);
            r.cols[NF_COL_CLUSTER] = cl;
            r.cols[NF_COL_SOURCES] = so;
            k++;
        }
        nf_table_row(&e->opt, r.cols, &obuf);
        if (obuf.len > (1 << 16)) {
            if (fwrite(obuf.p, 1, obuf.len, out) != obuf.len)
                rc = -1;
            obuf.len = 0;
        }
    }
    if (rc == 0 && got < 0)
        rc = -1;
    if (rc == 0 && obuf.len && fwrite(obuf.p, 1, obuf.len, out) != obuf.len)
        rc = -1;

    for (size_t i = 0; i < ng; i++)
        free(g[i].words);
    for (size_t i = 0; i < nlists; i++)
        free(lists[i].idx);
    free(lists);
    free(g);
    free(of);
    free(num);
    nf_map_free(figures);
    nf_map_free(speakers);
    nf_buf_free(&r.buf);
    nf_buf_free(&key);
    nf_buf_free(&prev);
    nf_buf_free(&obuf);
    return rc;
}
