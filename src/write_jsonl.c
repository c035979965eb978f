/* write_jsonl.c — one JSON object per row, the column names as keys in column order;
 * `line` is a number, every other value a string. Any input byte gives valid JSON:
 * invalid UTF-8 becomes U+FFFD, control characters are escaped. */
#include <string.h>

#include "nf.h"

static void put_string(nf_buf *out, const char *s)
{
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n = strlen((const char *)p);
    nf_buf_reserve(out, 6 * n + 2); /* a control character becomes six bytes: \u001f */
    char *d = out->p + out->len;
    *d++ = '"';
    for (size_t i = 0; i < n;) {
        i += nf_copy_plain(&d, (const char *)p + i, n - i, '"', '\\'); /* as it is */
        if (i == n)
            break;
        unsigned c = p[i];
        if (c >= 0x80) {
            uint32_t cp;
            int k = nf_utf8_decode(p + i, n - i, &cp);
            if (cp == 0xFFFD && !(k == 3 && c == 0xEF)) {
                memcpy(d, "\xEF\xBF\xBD", 3);
                d += 3;
            } else {
                memcpy(d, p + i, (size_t)k);
                d += k;
            }
            i += (size_t)k;
            continue;
        }
        const char *esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
        if (esc) {
            memcpy(d, esc, 2);
            d += 2;
        } else if (c < 0x20 || c == 0x7F) { /* \u%04x */
            memcpy(d, "\\u00", 4);
            d[4] = "0123456789abcdef"[c >> 4];
            d[5] = "0123456789abcdef"[c & 15];
            d += 6;
        } else {
            *d++ = (char)c;
        }
        i++;
    }
    *d++ = '"';
    *d = 0;
    out->len = (size_t)(d - out->p);
}

void nf_write_jsonl(const nf_options *o, const char *const *cols, nf_buf *out)
{
    int n = nf_table_ncols(o);
    nf_buf_putc(out, '{');
    for (int i = 0; i < n; i++) {
        int c = nf_table_col(o, i);
        size_t nl = strlen(nf_col_names[c]);
        nf_buf_reserve(out, nl + 4); /* ,"name": */
        char *d = out->p + out->len;
        if (i)
            *d++ = ',';
        *d++ = '"';
        memcpy(d, nf_col_names[c], nl);
        d += nl;
        *d++ = '"';
        *d++ = ':';
        *d = 0;
        out->len = (size_t)(d - out->p);
        if (c == NF_COL_LINE && cols[c] && cols[c][0])
            nf_buf_puts(out, cols[c]);
        else
            put_string(out, cols[c]);
    }
    nf_buf_put(out, "}\n", 2);
}
