/* loader.c — streams a dump into articles.
 *
 * Reads the input in blocks, line by line (a line longer than the block is handled in
 * chunks, so no line length is too long), recognizes the <<<FILE markers and end markers of
 * the contract, and hands out one article piece at a time: UTF-8 made valid (invalid bytes
 * and NULs become U+FFFD, counted in a warning), BOM and CR of CRLF dropped, LF line ends.
 * Memory is bounded by the largest article piece (opt->max_piece, 16 MB) plus one block. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "nf.h"

/* Read block size. A variable so that the fuzzer can shrink it and check that block
 * boundaries never change the result (tests/fuzz/fuzz_loader.c); not in nf.h on purpose. */
size_t nf_loader_block = 256 * 1024;

enum { ST_PREAMBLE, ST_ARTICLE, ST_AFTER_END };

struct nf_loader {
    const char *path;
    int fd, own_fd;
    const nf_options *opt;
    unsigned char *rb;  /* read block, block bytes */
    size_t block;
    size_t rpos, rlen;
    int eof, rerr;      /* rerr: errno of a read error, reported once */
    size_t consumed;
    long line;          /* input line number of the line being read */
    int state;
    long nmarkers;
    int seen_marker;
    /* the article being assembled */
    nf_buf cur;
    char *name;
    long index, marker_line, first_line, first_col;
    int piece;
    long bad_utf8, bad_line;   /* invalid sequences in this article, first line */
    long skip_line;            /* first line of skipped text after an end marker, 0 if none */
    int piece_warned;
    int done;
    int mid_line;   /* the last chunk did not end its line */
    int open_line;  /* ...and went into the article text */
    int skip_rest;  /* skipping the rest of an over-long marker line */
};

static char *xstrdup(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p) {
        fputs("newsfacts: out of memory\n", stderr);
        exit(1);
    }
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static int fill(nf_loader *l);

nf_loader *nf_loader_open(const char *path, const nf_options *o)
{
    int fd;
    int own = 0;
    if (strcmp(path, "-") == 0) {
        fd = 0;
    } else {
        fd = open(path, O_RDONLY | O_CLOEXEC);
        if (fd < 0) {
            nf_error(path, 0, "cannot open: %s", strerror(errno));
            return NULL;
        }
        own = 1;
    }
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        nf_error(path, 0, "is a directory");
        if (own)
            close(fd);
        return NULL;
    }
    nf_loader *l = calloc(1, sizeof *l);
    size_t block = nf_loader_block < 16 ? 16 : nf_loader_block;
    unsigned char *rb = malloc(block);
    if (!l || !rb) {
        free(l);
        free(rb);
        if (own)
            close(fd);
        nf_error(path, 0, "out of memory");
        return NULL;
    }
    l->path = path;
    l->fd = fd;
    l->own_fd = own;
    l->opt = o;
    l->rb = rb;
    l->block = block;
    l->line = 1;
    l->state = ST_PREAMBLE;
    l->first_line = 1;
    /* UTF-16 (or UTF-32) with a byte order mark: refused, not read as garbage */
    if (fill(l) && l->rlen >= 2 &&
        ((rb[0] == 0xFF && rb[1] == 0xFE) || (rb[0] == 0xFE && rb[1] == 0xFF))) {
        nf_error(path, 1, "UTF-16 input: convert it to UTF-8 first (iconv -f UTF-16 -t UTF-8)");
        nf_loader_close(l);
        return NULL;
    }
    return l;
}

void nf_loader_close(nf_loader *l)
{
    if (!l)
        return;
    if (l->own_fd)
        close(l->fd);
    free(l->rb);
    free(l->name);
    nf_buf_free(&l->cur);
    free(l);
}

size_t nf_loader_bytes(const nf_loader *l) { return l->consumed; }

void nf_article_free(nf_article *a)
{
    free(a->name);
    free(a->text);
    memset(a, 0, sizeof *a);
}

/* Makes more input available in rb[rpos..rlen). Returns 0 at the end or on error. */
static int fill(nf_loader *l)
{
    if (l->eof)
        return 0;
    if (l->rpos > 0) {
        memmove(l->rb, l->rb + l->rpos, l->rlen - l->rpos);
        l->rlen -= l->rpos;
        l->rpos = 0;
    }
    while (l->rlen < l->block) {
        ssize_t n = read(l->fd, l->rb + l->rlen, l->block - l->rlen);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            l->rerr = errno;
            l->eof = 1;
            return 0;
        }
        if (n == 0) {
            l->eof = 1;
            break;
        }
        l->rlen += (size_t)n;
        return 1;
    }
    return l->rlen > l->rpos;
}

/* Next chunk of the current line: rb[*s..*s+*n). *complete = 1 when the chunk ends the
 * line (its '\n', not included, consumed). Returns 0 at the end of input. */
static int next_chunk(nf_loader *l, size_t *s, size_t *n, int *complete)
{
    for (;;) {
        size_t avail = l->rlen - l->rpos;
        unsigned char *p = l->rb + l->rpos;
        unsigned char *nl = avail ? memchr(p, '\n', avail) : NULL;
        if (nl) {
            *s = l->rpos;
            *n = (size_t)(nl - p);
            *complete = 1;
            l->rpos += *n + 1;
            l->consumed += *n + 1;
            return 1;
        }
        if (avail == l->block || (l->eof && avail)) {
            size_t take = avail;
            if (!l->eof) { /* don't split a UTF-8 sequence */
                size_t k = take;
                while (k > take - 4 && k > 0 && (p[k - 1] & 0xC0) == 0x80)
                    k--;
                if (k > 0 && p[k - 1] >= 0xC0)
                    take = k - 1;
                if (take == 0)
                    take = avail;
                if (take > 1 && p[take - 1] == '\r') /* keep CR with its LF */
                    take--;
            }
            *s = l->rpos;
            *n = take;
            *complete = l->eof && take == avail;
            l->rpos += take;
            l->consumed += take;
            return 1;
        }
        if (!fill(l))
            if (l->rlen == l->rpos)
                return 0;
    }
}

/* Appends text to the current article, valid UTF-8, NUL and bad bytes -> U+FFFD. */
static void append_text(nf_loader *l, const unsigned char *s, size_t n)
{
    nf_buf *b = &l->cur;
    nf_buf_reserve(b, n + 16);
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        /* ASCII without NUL, 8 bytes at a time */
        while (j + 8 <= n) {
            uint64_t v;
            memcpy(&v, s + j, 8);
            if ((v & 0x8080808080808080ULL) || ((v - 0x0101010101010101ULL) & ~v & 0x8080808080808080ULL))
                break;
            j += 8;
        }
        while (j < n && s[j] < 0x80 && s[j] != 0)
            j++;
        if (j > i) {
            nf_buf_put(b, s + i, j - i);
            i = j;
            continue;
        }
        uint32_t cp;
        int k = s[i] ? nf_utf8_decode(s + i, n - i, &cp) : (cp = 0xFFFD, 1);
        if (cp == 0xFFFD && !(k == 3 && s[i] == 0xEF)) {
            if (!l->bad_utf8++)
                l->bad_line = l->line;
            nf_buf_put(b, "\xEF\xBF\xBD", 3);
        } else {
            nf_buf_put(b, s + i, (size_t)k);
        }
        i += (size_t)k;
    }
}

static int blank(const unsigned char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!nf_isspace(s[i]))
            return 0;
    return 1;
}

static int is_end_marker(const unsigned char *s, size_t n)
{
    while (n && nf_isspace(s[n - 1]))
        n--;
    return (n == 9 && memcmp(s, "<<<END>>>", 9) == 0) ||
           (n == 13 && memcmp(s, "<<<ENDFILE>>>", 13) == 0);
}

/* The name a marker line gives, or NULL when it gives none. */
static char *marker_name(const unsigned char *s, size_t n)
{
    size_t i = 7; /* after "<<<FILE" */
    size_t e = n;
    if (n >= 10 && memcmp(s + 7, ">>>", 3) == 0) {
        i = 10;
    } else {
        if (i < n && s[i] == ':')
            i++;
        while (e >= i + 3 && nf_isspace(s[e - 1]))
            e--;
        if (e >= i + 3 && memcmp(s + e - 3, ">>>", 3) == 0)
            e -= 3;
    }
    while (i < e && nf_isspace(s[i]))
        i++;
    while (e > i && nf_isspace(s[e - 1]))
        e--;
    if (i >= e)
        return NULL;
    /* names are labels: keep them on one line and valid UTF-8 */
    nf_buf b = {0};
    nf_buf_reserve(&b, e - i + 1);
    for (size_t k = i; k < e;) {
        /* a run of printable ASCII (0x20-0x7E) is kept as it is, in one copy: each of its
         * bytes would decode to itself and be kept alone */
        size_t r = k;
        while (r < e && s[r] >= 0x20 && s[r] < 0x7F)
            r++;
        if (r > k) {
            nf_buf_put(&b, s + k, r - k);
            k = r;
            continue;
        }
        uint32_t cp;
        int len = nf_utf8_decode(s + k, e - k, &cp);
        if (cp < 0x20 || cp == 0x7F)
            nf_buf_putc(&b, ' ');
        else if (cp == 0xFFFD && !(len == 3 && s[k] == 0xEF))
            nf_buf_put(&b, "\xEF\xBF\xBD", 3);
        else
            nf_buf_put(&b, s + k, (size_t)len);
        k += (size_t)len;
    }
    nf_buf_putc(&b, '\0');
    return b.p;
}

static void warn_article_end(nf_loader *l)
{
    if (l->bad_utf8)
        nf_warn(l->path, l->bad_line, "%ld invalid UTF-8 sequence%s or NUL byte%s replaced",
                l->bad_utf8, l->bad_utf8 == 1 ? "" : "s", l->bad_utf8 == 1 ? "" : "s");
    l->bad_utf8 = 0;
}

/* Moves the article text [0, cut) into *a; the rest stays as the next piece. */
static void emit(nf_loader *l, nf_article *a, size_t cut)
{
    memset(a, 0, sizeof *a);
    a->file = l->path;
    a->name = xstrdup(l->name, strlen(l->name));
    a->index = l->index;
    a->marker_line = l->marker_line;
    a->piece = l->piece;
    a->first_line = l->first_line;
    a->first_col = l->first_col;
    a->line_base = l->opt->lines_article && l->marker_line ? l->marker_line : 0;
    a->text = xstrdup(l->cur.p ? l->cur.p : "", cut);
    a->len = cut;
    if (cut == l->cur.len) { /* the whole article (finish): nothing is left to place; the
                              * next article's start_article sets first_line and first_col */
        l->cur.len = 0;
        l->piece++;
        return;
    }
    /* the rest: where does it start? */
    long nl = 0;
    size_t last = (size_t)-1;
    for (const char *q = a->text, *e = a->text + cut; (q = memchr(q, '\n', (size_t)(e - q)));) {
        nl++;
        last = (size_t)(q - a->text);
        q++;
    }
    l->first_line += nl;
    l->first_col = last == (size_t)-1 ? l->first_col + (long)cut : (long)(cut - last - 1);
    if (cut < l->cur.len)
        memmove(l->cur.p, l->cur.p + cut, l->cur.len - cut);
    l->cur.len -= cut;
    l->piece++;
}

/* Where to cut an over-long article: a blank line, else a line end, else a sentence end,
 * else a character boundary, at most max bytes in. */
static size_t cut_point(const char *t, size_t len, size_t max)
{
    size_t lim = len < max ? len : max;
    for (size_t i = lim; i > lim / 2; i--)
        if (t[i - 1] == '\n' && i >= 2 && t[i - 2] == '\n')
            return i;
    for (size_t i = lim; i > lim / 2; i--)
        if (t[i - 1] == '\n')
            return i;
    for (size_t i = lim; i > lim / 2; i--)
        if (t[i - 1] == ' ' && i >= 2 && (t[i - 2] == '.' || t[i - 2] == '!' || t[i - 2] == '?'))
            return i;
    size_t i = lim;
    while (i > 1 && ((unsigned char)t[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static char *path_name(const nf_loader *l, const char *suffix)
{
    size_t pl = strlen(l->path), sl = strlen(suffix);
    char *nm = malloc(pl + sl + 1);
    if (!nm) {
        fputs("newsfacts: out of memory\n", stderr);
        exit(1);
    }
    memcpy(nm, l->path, pl);
    memcpy(nm + pl, suffix, sl + 1);
    return nm;
}

/* Opens the article of a marker at line marker_line (name NULL: PATH#index). */
static void start_article(nf_loader *l, char *name, long index, long marker_line)
{
    free(l->name);
    if (name) {
        l->name = name;
    } else {
        char tmp[32];
        snprintf(tmp, sizeof tmp, "#%ld", index);
        l->name = path_name(l, tmp);
    }
    l->index = index;
    l->marker_line = marker_line;
    l->first_line = marker_line + 1;
    l->first_col = 0;
    l->piece = 0;
    l->piece_warned = 0;
    l->cur.len = 0;
    l->state = ST_ARTICLE;
}

/* Names the text read before any marker (it keeps its text and first line). */
static void name_preamble(nf_loader *l, char *name)
{
    free(l->name);
    l->name = name;
    l->index = 0;
    l->marker_line = 0;
}

static int preamble_has_text(const nf_loader *l)
{
    return l->state == ST_PREAMBLE && (l->piece > 0 || !blank((const unsigned char *)l->cur.p, l->cur.len));
}

/* Hands out the rest of the current article, if there is any. Returns 1 if *a was set. */
static int finish(nf_loader *l, nf_article *a)
{
    warn_article_end(l);
    if (l->piece > 0 && l->cur.len == 0)
        return 0; /* its last piece ended exactly at a cut */
    emit(l, a, l->cur.len);
    return 1;
}

int nf_loader_next(nf_loader *l, nf_article *a)
{
    size_t max = l->opt->max_piece ? l->opt->max_piece : (size_t)16 << 20;
    if (l->done) {
        if (l->done == 1 && l->rerr) {
            l->done = 2;
            return -1;
        }
        return 0;
    }
    for (;;) {
        size_t s, n;
        int complete;
        int at_line_start = !l->mid_line;
        if (!next_chunk(l, &s, &n, &complete)) {
            if (l->open_line) { /* the last line had no LF and ended with a block */
                nf_buf_putc(&l->cur, '\n');
                l->line++;
                l->open_line = 0;
            }
            if (l->rerr)
                nf_error(l->path, l->line, "read error: %s", strerror(l->rerr));
            if (l->skip_line) {
                nf_warn(l->path, l->skip_line, "text after an end marker skipped");
                l->skip_line = 0;
            }
            l->done = 1;
            int have = l->state == ST_ARTICLE;
            if (preamble_has_text(l)) {
                if (!l->name) /* a file with no marker: one article named PATH */
                    name_preamble(l, path_name(l, ""));
                have = 1;
            }
            if (have && finish(l, a))
                return 1;
            if (l->rerr) {
                l->done = 2;
                return -1;
            }
            return 0;
        }
        unsigned char *p = l->rb + s;
        l->mid_line = !complete;
        if (l->skip_rest) { /* the tail of an over-long marker line */
            if (complete) {
                l->skip_rest = 0;
                l->line++;
            }
            continue;
        }
        if (at_line_start && l->line == 1 && n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
            p += 3; /* BOM */
            n -= 3;
        }
        if (complete && n && p[n - 1] == '\r')
            n--;
        if (at_line_start && n >= 7 && memcmp(p, "<<<FILE", 7) == 0) {
            int had = l->state == ST_ARTICLE;
            if (preamble_has_text(l)) {
                if (!l->name)
                    name_preamble(l, path_name(l, "#0"));
                nf_warn(l->path, l->first_line, "text before the first marker read as article %s",
                        l->name);
                had = 1;
            }
            if (l->skip_line) {
                nf_warn(l->path, l->skip_line, "text after an end marker skipped");
                l->skip_line = 0;
            }
            int got = had && finish(l, a);
            l->nmarkers++;
            start_article(l, marker_name(p, n), l->nmarkers, l->line);
            if (complete)
                l->line++;
            else
                l->skip_rest = 1;
            if (got)
                return 1;
            continue;
        }
        if (at_line_start && complete && n >= 9 && p[0] == '<' && is_end_marker(p, n)) {
            int had = l->state == ST_ARTICLE;
            if (preamble_has_text(l)) {
                if (!l->name)
                    name_preamble(l, path_name(l, "#0"));
                nf_warn(l->path, l->first_line, "text before the first marker read as article %s",
                        l->name);
                had = 1;
            }
            l->line++;
            l->state = ST_AFTER_END;
            if (had && finish(l, a))
                return 1;
            l->cur.len = 0;
            continue;
        }
        if (l->state == ST_AFTER_END) {
            if (!l->skip_line && !blank(p, n))
                l->skip_line = l->line;
            if (complete)
                l->line++;
            continue;
        }
        if (l->state == ST_PREAMBLE && l->cur.len == 0 && l->piece == 0 && blank(p, n)) {
            if (complete) { /* blank lines before anything are not text */
                l->line++;
                l->first_line = l->line;
                l->first_col = 0;
            } else { /* the blank start of a line longer than a block */
                l->first_col += (long)n;
            }
            continue;
        }
        /* Take no more than can make a piece: the rest of the line is read again. */
        size_t room = (max - l->cur.len) / 3 + 4;
        if (n > room) {
            size_t k = room;
            while (k > 0 && (p[k] & 0xC0) == 0x80)
                k--;
            if (k == 0)
                k = room;
            size_t back = l->rpos - (size_t)(p + k - l->rb);
            l->rpos -= back;
            l->consumed -= back;
            l->mid_line = 1;
            complete = 0;
            n = k;
        }
        append_text(l, p, n);
        l->open_line = !complete;
        if (complete) {
            nf_buf_putc(&l->cur, '\n');
            l->line++;
        }
        if (l->cur.len > max) {
            if (l->state == ST_PREAMBLE && !l->name) /* so long before any marker: the file */
                name_preamble(l, path_name(l, ""));
            if (!l->piece_warned) {
                nf_warn(l->path, l->first_line, "article %s larger than %zu %s: processed in pieces",
                        l->name, max >= 1 << 20 ? max >> 20 : max, max >= 1 << 20 ? "MB" : "bytes");
                l->piece_warned = 1;
            }
            emit(l, a, cut_point(l->cur.p, l->cur.len, max));
            return 1;
        }
    }
}
