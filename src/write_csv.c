/* write_csv.c — CSV rows per RFC 4180: CRLF line ends; a field holding a comma, a quote,
 * CR or LF (or starting or ending with a space) is quoted, its quotes doubled. Control
 * characters other than TAB, CR and LF (C0, DEL, C1) are dropped; invalid UTF-8 becomes
 * U+FFFD. */
#include <string.h>

#include "nf.h"

static void put_field(nf_buf *out, const char *s)
{
    if (!s || !*s)
        return;
    size_t n = strlen(s);
    int quote = strpbrk(s, ",\"\r\n") != NULL || s[0] == ' ' || s[n - 1] == ' ';
    nf_buf_reserve(out, 3 * n + 2); /* a quote doubles, an invalid byte becomes three */
    char *d = out->p + out->len;
    if (quote)
        *d++ = '"';
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; i < n;) {
        i += nf_copy_plain(&d, s + i, n - i, '"', 0x7F); /* copied as it is */
        if (i == n)
            break;
        unsigned c = p[i];
        if (c >= 0x80) {
            uint32_t cp;
            int k = nf_utf8_decode(p + i, n - i, &cp);
            if (cp == 0xFFFD && !(k == 3 && c == 0xEF)) {
                memcpy(d, "\xEF\xBF\xBD", 3);
                d += 3;
            } else if (cp > 0x9F) {
                memcpy(d, p + i, (size_t)k);
                d += k;
            }
            i += (size_t)k;
            continue;
        }
        if ((c >= 0x20 && c != 0x7F) || c == '\t' || c == '\r' || c == '\n') {
            if (c == '"')
                *d++ = '"';
            *d++ = (char)c;
        }
        i++;
    }
    if (quote)
        *d++ = '"';
    *d = 0;
    out->len = (size_t)(d - out->p);
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
