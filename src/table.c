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

void nf_table_sort(nf_ana *a)
{
    if (a->nrow > 1)
        qsort(a->row, a->nrow, sizeof *a->row, row_cmp);
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
    nf_table_sort(a);
    for (size_t i = 0; i < a->nrow; i++) {
        const nf_row *r = &a->row[i];
        if (!nf_table_keep(o, r))
            continue;
        char line[24];
        const char *cols[NF_NCOLS];
        nf_table_cols(a, r, line, cols);
        wr(o, cols, out);
    }
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
