/* write_jsonl.c — one JSON object per row, the column names as keys in column order;
 * `line` is a number, every other value a string. Any input byte gives valid JSON:
 * invalid UTF-8 becomes U+FFFD, control characters are escaped. */
#include "nf.h"

static void put_string(nf_buf *out, const char *s)
{
    nf_buf_putc(out, '"');
    const unsigned char *p = (const unsigned char *)(s ? s : "");
    size_t n = 0;
    while (p[n])
        n++;
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        if (c >= 0x80) {
            uint32_t cp;
            int k = nf_utf8_decode(p + i, n - i, &cp);
            if (cp == 0xFFFD && !(k == 3 && c == 0xEF))
                nf_buf_put(out, "\xEF\xBF\xBD", 3);
            else
                nf_buf_put(out, p + i, (size_t)k);
            i += (size_t)k;
            continue;
        }
        switch (c) {
        case '"': nf_buf_puts(out, "\\\""); break;
        case '\\': nf_buf_puts(out, "\\\\"); break;
        case '\n': nf_buf_puts(out, "\\n"); break;
        case '\r': nf_buf_puts(out, "\\r"); break;
        case '\t': nf_buf_puts(out, "\\t"); break;
        default:
            if (c < 0x20 || c == 0x7F)
                nf_buf_printf(out, "\\u%04x", c);
            else
                nf_buf_putc(out, (char)c);
        }
        i++;
    }
    nf_buf_putc(out, '"');
}

void nf_write_jsonl(const nf_options *o, const char *const *cols, nf_buf *out)
{
    int n = nf_table_ncols(o);
    nf_buf_putc(out, '{');
    for (int i = 0; i < n; i++) {
        int c = nf_table_col(o, i);
        if (i)
            nf_buf_putc(out, ',');
        nf_buf_putc(out, '"');
        nf_buf_puts(out, nf_col_names[c]);
        nf_buf_puts(out, "\":");
        if (c == NF_COL_LINE && cols[c] && cols[c][0])
            nf_buf_puts(out, cols[c]);
        else
            put_string(out, cols[c]);
    }
    nf_buf_puts(out, "}\n");
}
