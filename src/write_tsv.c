/* write_tsv.c — TSV rows: TAB between fields, LF at the end; in a field, TAB, CR and LF
 * become spaces and other control characters (C0, DEL, C1) are dropped. */
#include "nf.h"

static void put_field(nf_buf *out, const char *s)
{
    if (!s)
        return;
    const unsigned char *p = (const unsigned char *)s;
    const unsigned char *run = p;
    for (; *p; p++) {
        unsigned c = *p;
        int ctl = c < 0x20 || c == 0x7F || (c == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F);
        if (!ctl)
            continue;
        nf_buf_put(out, run, (size_t)(p - run));
        if (c == '\t' || c == '\n' || c == '\r')
            nf_buf_putc(out, ' ');
        if (c == 0xC2)
            p++;
        run = p + 1;
    }
    nf_buf_put(out, run, (size_t)(p - run));
}

void nf_write_tsv(const nf_options *o, const char *const *cols, nf_buf *out)
{
    int n = nf_table_ncols(o);
    for (int i = 0; i < n; i++) {
        if (i)
            nf_buf_putc(out, '\t');
        put_field(out, cols[nf_table_col(o, i)]);
    }
    nf_buf_putc(out, '\n');
}
