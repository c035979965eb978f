/* table.c — the fact table: column and kind names, row order, header and footer; the
 * formats themselves are in write_tsv.c, write_csv.c, write_jsonl.c and write_xml.c. */
#include <stdlib.h>
#include <string.h>

#include "nf.h"

const char *const nf_col_names[NF_NCOLS] = {
    "file", "article", "line", "kind", "date", "actor", "value", "unit", "mention", "text",
    "qualifier", "category", "cluster", "sources",
};

const char *const nf_kind_names[NF_NKINDS] = {"article", "date", "actor", "figure", "claim"};

static nf_row_writer writer_of(int format)
{
    switch (format) {
    case NF_FMT_CSV: return nf_write_csv;
    case NF_FMT_JSONL: return nf_write_jsonl;
    case NF_FMT_XML: return nf_write_xml;
    default: return nf_write_tsv;
    }
}

static int row_cmp(const void *x, const void *y)
{
    const nf_row *a = x, *b = y;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    return a->order < b->order ? -1 : a->order > b->order;
}

/* The rows' order (row_cmp's): a natural merge sort of keys that hold line, col, kind,
 * order and the row's index in one 128-bit number: line and col offset by 2^31 (when they
 * fit in 32 bits) in the high half; in the low half the kind (3 bits), the order (32) and
 * the index (29). The emission order is unique, so the index never decides and the order is
 * total: any sort gives the same rows in the same order, and a comparison is one
 * branch-free test on the key alone. The stages emit their rows in text order, so the rows
 * come as a few ascending runs (the article row, the dates, the actors...): merging those
 * runs takes a few passes where merging from single rows takes log2(rows). Returns the
 * indices in a block for free(), or NULL when the rows are in order already (or are put in
 * order in place: out of memory, a line beyond 32 bits, 2^29 rows or more). */
typedef unsigned __int128 row_key;
enum { KEY_IXBITS = 29 };

static uint32_t *row_order(nf_ana *a)
{
    size_t n = a->nrow;
    if (n < 2)
        return NULL;
    /* the keys, as many to merge into, and the starts of the runs (and n after them) */
    row_key *k = n < ((size_t)1 << KEY_IXBITS) ? malloc(n * (2 * sizeof *k + sizeof(uint32_t)) + sizeof(uint32_t)) : NULL;
    row_key *tmp = k ? k + n : NULL;
    uint32_t *run = k ? (uint32_t *)(tmp + n) : NULL;
    size_t nrun = 0;
    for (size_t i = 0; k && i < n; i++) {
        const nf_row *r = &a->row[i];
        const long half = 0x80000000L;
        if (r->line < -half || r->line >= half || r->col < -half || r->col >= half || r->kind >= 8) {
            free(k);
            k = NULL;
            break;
        }
        uint64_t hi = (uint64_t)(r->line + half) << 32 | (uint64_t)(r->col + half);
        uint64_t lo = (uint64_t)r->kind << 61 | (uint64_t)r->order << KEY_IXBITS | i;
        k[i] = (row_key)hi << 64 | lo;
        if (!i || k[i] < k[i - 1])
            run[nrun++] = (uint32_t)i;
    }
    if (!k) { /* the library sort needs no memory */
        qsort(a->row, n, sizeof *a->row, row_cmp);
        return NULL;
    }
    if (nrun == 1) {
        free(k);
        return NULL;
    }
    row_key *src = k, *dst = tmp;
    while (nrun > 1) { /* merge runs two by two */
        run[nrun] = (uint32_t)n;
        size_t m = 0;
        for (size_t r = 0; r < nrun; r += 2) {
            size_t b = run[r], mid = run[r + 1 < nrun ? r + 1 : nrun], e = run[r + 2 < nrun ? r + 2 : nrun];
            size_t i = b, j = mid, o = b;
            while (i < mid && j < e) {
                row_key x = src[i], y = src[j];
                int right = y < x; /* (no branch on the data) */
                dst[o++] = right ? y : x;
                j += (size_t)right;
                i += (size_t)!right;
            }
            memcpy(dst + o, src + i, (mid - i) * sizeof *src);
            o += mid - i;
            memcpy(dst + o, src + j, (e - j) * sizeof *src);
            run[m++] = (uint32_t)b;
        }
        nrun = m;
        row_key *t = src;
        src = dst;
        dst = t;
    }
    /* the indices into the other half, then at the start of the block, for free() */
    uint32_t *ix = (uint32_t *)dst;
    for (size_t i = 0; i < n; i++)
        ix[i] = (uint32_t)src[i] & (((uint32_t)1 << KEY_IXBITS) - 1);
    if (dst != k)
        memcpy(k, ix, n * sizeof *ix);
    return (uint32_t *)k;
}

void nf_table_sort(nf_ana *a)
{
    uint32_t *ix = row_order(a);
    if (!ix)
        return;
    nf_row *moved = malloc(a->nrow * sizeof *moved);
    if (!moved) {
        qsort(a->row, a->nrow, sizeof *a->row, row_cmp);
    } else {
        for (size_t i = 0; i < a->nrow; i++)
            moved[i] = a->row[ix[i]];
        memcpy(a->row, moved, a->nrow * sizeof *a->row);
    }
    free(moved);
    free(ix);
}

int nf_table_keep(const nf_options *o, const nf_row *r)
{
    return !o->kinds || (o->kinds & (1u << r->kind));
}

/* v in decimal, as "%ld" prints it (snprintf costs hundreds of instructions a row). */
static void put_long(char out[24], long v)
{
    char tmp[24];
    size_t k = 0;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do {
        tmp[k++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    size_t n = 0;
    if (v < 0)
        out[n++] = '-';
    while (k)
        out[n++] = tmp[--k];
    out[n] = '\0';
}

void nf_table_cols(const nf_ana *a, const nf_row *r, char line[24], const char *cols[NF_NCOLS])
{
    put_long(line, r->line - a->art->line_base);
    memcpy(cols, r->f, sizeof r->f);
    cols[NF_COL_FILE] = a->art->file;
    cols[NF_COL_ARTICLE] = a->art->name;
    cols[NF_COL_LINE] = line;
    cols[NF_COL_KIND] = nf_kind_names[r->kind];
}

void nf_table_row(const nf_options *o, const char *const *cols, nf_buf *out)
{
    writer_of(o->format)(o, cols, out);
}

void nf_table_article(const nf_engine *e, nf_ana *a, nf_buf *out)
{
    const nf_options *o = &e->opt;
    nf_row_writer wr = writer_of(o->format);
    uint32_t *ix = row_order(a); /* (the rows stay where they are) */
    if (wr == nf_write_tsv && !o->nfields) {
        nf_write_tsv_rows(o, a, ix, out);
        free(ix);
        return;
    }
    nf_tsv_memo memo = {0};
    for (size_t i = 0; i < a->nrow; i++) {
        const nf_row *r = &a->row[ix ? ix[i] : i];
        if (!nf_table_keep(o, r))
            continue;
        char line[24];
        const char *cols[NF_NCOLS];
        nf_table_cols(a, r, line, cols);
        if (wr == nf_write_tsv)
            nf_write_tsv_memo(o, cols, out, &memo);
        else
            wr(o, cols, out);
    }
    free(ix);
}

void nf_table_begin(const nf_options *o, nf_buf *out)
{
    if (o->format == NF_FMT_XML) {
        nf_buf_puts(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<newsfacts>\n");
        return;
    }
    if (!o->header || o->format == NF_FMT_JSONL)
        return;
    int n = o->nfields ? o->nfields : NF_NCOLS;
    const char *sep = o->format == NF_FMT_CSV ? "," : "\t";
    for (int i = 0; i < n; i++) {
        if (i)
            nf_buf_puts(out, sep);
        nf_buf_puts(out, nf_col_names[o->nfields ? o->fields[i] : i]);
    }
    nf_buf_puts(out, o->format == NF_FMT_CSV ? "\r\n" : "\n");
}

void nf_table_end(const nf_options *o, nf_buf *out)
{
    if (o->format == NF_FMT_XML)
        nf_buf_puts(out, "</newsfacts>\n");
}

/* Shared by the writers: the i-th column to write and how many there are. */
int nf_table_ncols(const nf_options *o) { return o->nfields ? o->nfields : NF_NCOLS; }
int nf_table_col(const nf_options *o, int i) { return o->nfields ? o->fields[i] : i; }
