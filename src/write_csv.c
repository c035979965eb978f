/* write_csv.c — CSV rows per RFC 4180: CRLF line ends; a field holding a comma, a quote,
 * CR or LF (or starting or ending with a space) is quoted, its quotes doubled. Control
 * characters other than TAB, CR and LF are dropped. */
#include <string.h>

#include "nf.h"

static void put_field(nf_buf *out, const char *s)
{
    if (!s || !*s)
        return;
    size_t n = strlen(s);
    int quote = strpbrk(s, ",\"\r\n") != NULL || s[0] == ' ' || s[n - 1] == ' ';
    if (quote)
        nf_buf_putc(out, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p;
        if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c == 0x7F)
            continue;
        if (c == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F) {
            p++;
            continue;
        }
        if (c == '"')
            nf_buf_putc(out, '"');
        nf_buf_putc(out, (char)c);
    }
    if (quote)
        nf_buf_putc(out, '"');
}

void nf_write_csv(const nf_options *o, const char *const *cols, nf_buf *out)
{
    int n = nf_table_ncols(o);
    for (int i = 0; i < n; i++) {
        if (i)
            nf_buf_putc(out, ',');
        put_field(out, cols[nf_table_col(o, i)]);
    }
    nf_buf_puts(out, "\r\n");
}
