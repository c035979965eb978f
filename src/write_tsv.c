/* write_tsv.c — TSV rows: TAB between fields, LF at the end; in a field, TAB, CR and LF
 * become spaces, other control characters (C0, DEL, C1) are dropped and invalid UTF-8
 * becomes U+FFFD, so every field is one line of valid UTF-8 without a TAB. */
#include <string.h>

#include "nf.h"

/* One pass to the NUL: runs of printable ASCII and valid UTF-8 above U+009F are copied
 * whole. A NUL inside a sequence is no continuation byte, so the decoder stops there as it
 * would at the end of the string. */
static void put_field(nf_buf *out, const char *s)
{
    if (!s)
        return;
    const unsigned char *p = (const unsigned char *)s, *run = p;
    for (;;) {
        unsigned c = *p;
        if (c >= 0x20 && c < 0x7F) {
            p++;
            continue;
        }
        if (!c)
            break;
        uint32_t cp = c;
        int k = 1, bad = 0;
        if (c >= 0x80) {
            k = nf_utf8_decode(p, 4, &cp);
            bad = cp == 0xFFFD && !(k == 3 && c == 0xEF);
            if (!bad && cp > 0x9F) {
                p += k;
                continue;
            }
        }
        nf_buf_put(out, run, (size_t)(p - run));
        if (c == '\t' || c == '\n' || c == '\r')
            nf_buf_putc(out, ' ');
        else if (bad)
            nf_buf_put(out, "\xEF\xBF\xBD", 3);
        p += k;
        run = p;
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
