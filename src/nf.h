/* Internal interfaces shared by the stages of newsfacts.
 *
 * The pipeline, one file per stage:
 *   loader.c     dump -> nf_article (raw text of one article, with its input lines)
 *   normalize.c  nf_article -> nf_doc (clean paragraphs, line map, metadata);
 *                boilerplate.c and html.c are its helpers
 *   sentences.c  nf_doc -> tokens and sentences
 *   dates.c      sentences -> nf_timex (date rows, each sentence's date)
 *   actors.c     sentences -> nf_mention (actor rows, canonical names)
 *   figures.c    sentences + mentions -> figure rows
 *   claims.c     sentences + mentions + timexes -> claim rows
 *   table.c      rows -> sorted, one of write_tsv.c / write_csv.c / write_jsonl.c / write_xml.c
 *   pipeline.c   reader thread, worker threads, ordered writer
 *
 * Every offset is a byte offset into nf_doc.text. Every stage of one article runs in one
 * thread on its own nf_ana; shared state (nf_engine) is read-only after nf_engine_new. */
#ifndef NF_H
#define NF_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "newsfacts.h"

#define NF_UNUSED(x) ((void)(x))

/* ---- util.c: buffers, arena, string hash map, UTF-8, diagnostics ---- */

typedef struct { char *p; size_t len, cap; } nf_buf;
void nf_buf_reserve(nf_buf *b, size_t extra);
void nf_buf_put(nf_buf *b, const void *s, size_t n);
void nf_buf_puts(nf_buf *b, const char *s);
void nf_buf_putc(nf_buf *b, char c);
void nf_buf_printf(nf_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void nf_buf_free(nf_buf *b);

/* Bump allocator: everything of one article, freed at once. */
typedef struct nf_arena_blk nf_arena_blk;
typedef struct { nf_arena_blk *head; } nf_arena;
void *nf_arena_alloc(nf_arena *a, size_t n);
char *nf_arena_strndup(nf_arena *a, const char *s, size_t n);
char *nf_arena_printf(nf_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void nf_arena_reset(nf_arena *a); /* keeps the first block */
void nf_arena_free(nf_arena *a);

/* Open-addressing map from byte strings to a pointer-sized value. Keys are copied.
 * Not thread-safe for writing; built at start-up, read by every thread. */
typedef struct nf_map nf_map;
nf_map *nf_map_new(void);
void nf_map_free(nf_map *m);
/* Sets key -> val (replacing). Returns the stored key copy. */
const char *nf_map_put(nf_map *m, const char *key, size_t klen, void *val);
void *nf_map_get(const nf_map *m, const char *key, size_t klen); /* NULL if absent */
int nf_map_has(const nf_map *m, const char *key, size_t klen);
size_t nf_map_count(const nf_map *m);
uint64_t nf_hash(const char *s, size_t n);
/* A zeroed table of n entries of size bytes (free it with free), 64-byte aligned (no entry
 * across two cache lines); from 1 MB on, on transparent huge pages where the system allows
 * it: tables probed at random then cost fewer page faults at start-up and fewer TLB misses.
 * NULL when out of memory. */
void *nf_table_zalloc(size_t n, size_t size);

/* Decodes one UTF-8 code point at s (n bytes available). Returns its length (1..4) and
 * the code point in *cp; on an invalid sequence returns 1 and *cp = 0xFFFD. */
int nf_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
int nf_utf8_encode(uint32_t cp, char out[4]);
/* ASCII-only helpers (the text is UTF-8; non-ASCII letters count as lower case letters). */
static inline int nf_isupper(int c) { return c >= 'A' && c <= 'Z'; }
static inline int nf_islower(int c) { return c >= 'a' && c <= 'z'; }
static inline int nf_isdigit(int c) { return c >= '0' && c <= '9'; }
static inline int nf_isalpha(int c) { return nf_isupper(c) || nf_islower(c) || (c & 0x80); }
static inline int nf_isspace(int c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
static inline int nf_tolower(int c) { return nf_isupper(c) ? c + 32 : c; }
/* Lower-cases ASCII letters of s[0..n) into out (n bytes). */
void nf_lower(const char *s, size_t n, char *out);
/* nf_lower of eight bytes at once: a byte below 0x80 in 'A'..'Z' gains 0x20. */
static inline uint64_t nf_lower8(uint64_t x)
{
    uint64_t lo = x & 0x7F7F7F7F7F7F7F7FULL;
    uint64_t ge_a = lo + 0x3F3F3F3F3F3F3F3FULL; /* top bit: >= 'A' */
    uint64_t gt_z = lo + 0x2525252525252525ULL; /* top bit: > 'Z' */
    return x | ((ge_a & ~gt_z & ~x & 0x8080808080808080ULL) >> 2);
}
int nf_strncaseeq(const char *a, size_t an, const char *b); /* a[0..an) equals b, ASCII case-insensitive */
/* Length of the longest prefix of s[0..n) made of printable ASCII (0x20..0x7E) other than
 * x1 and x2 (pass 0x7F for none), eight bytes at a time: the writers copy such runs whole. */
size_t nf_plain_prefix(const char *s, size_t n, unsigned char x1, unsigned char x2);
/* Copies that prefix of s[0..n) to *d and advances *d past it; returns its length. */
static inline size_t nf_copy_plain(char **d, const char *s, size_t n, unsigned char x1, unsigned char x2)
{
    size_t r = nf_plain_prefix(s, n, x1, x2);
    memcpy(*d, s, r);
    *d += r;
    return r;
}

/* Diagnostics: "newsfacts: FILE:LINE: message" on stderr. Warnings are counted (for
 * --strict) and silenced by -q; errors always print and make the exit status 1. */
void nf_diag_setup(int quiet);
void nf_warn(const char *file, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void nf_error(const char *file, long line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
long nf_diag_warnings(void);
long nf_diag_errors(void);

/* ---- data.c: the compiled-in data files (data/), overridable with --data DIR ---- */

/* Returns the text of data file NAME ("countries.tsv"): the embedded copy, with the lines
 * of DIR/NAME appended when --data DIR has that file (a first line "#!replace" replaces the
 * embedded copy instead). *len gets its length. NULL if there is no such file anywhere.
 * The result lives as long as the engine. */
const char *nf_data_get(const nf_engine *e, const char *name, size_t *len);

/* Iterates over the lines of a data file, skipping blank lines and '#' comments.
 * Fills fields[] with up to maxf TAB-separated fields (pointers into a private copy,
 * NUL-terminated) and returns how many, or -1 at the end. */
typedef struct { const char *p, *end; char *line; size_t cap; long lineno; } nf_lines;
int nf_data_load(nf_engine *e, char *err, size_t errlen); /* at engine start-up */
void nf_data_free(nf_engine *e);
void nf_lines_init(nf_lines *it, const char *text, size_t len);
int nf_lines_next(nf_lines *it, char **fields, int maxf);
void nf_lines_free(nf_lines *it);
/* How many lines nf_lines_next would give (to size a table before reading it). */
size_t nf_lines_count(const char *text, size_t len);

/* ---- regex.c: PCRE2 with JIT, match limits, per-thread match data ---- */

typedef struct nf_re nf_re;
typedef struct nf_worker nf_worker;
/* Compiles a pattern (UTF mode, JIT when available, with match and depth limits).
 * Returns NULL and a message in err on failure. */
nf_re *nf_re_compile(const char *pattern, uint32_t flags, char *err, size_t errlen);
void nf_re_free(nf_re *re);
long nf_re_limit_hits(void); /* matches abandoned at a limit, process-wide */
/* Matches at or after start. Returns 1 and fills ov[0..2*nov) with offsets, 0 on no match,
 * -1 when the match or depth limit was hit (treat as no match; counted). */
int nf_re_match(const nf_re *re, nf_worker *w, const char *s, size_t len, size_t start,
                size_t *ov, int nov);

/* ---- the engine: everything built once at start-up, shared read-only ---- */

typedef struct nf_blob { const char *name; const unsigned char *data; size_t len; } nf_blob;
extern const nf_blob nf_blobs[];  /* generated from data/ by tools/embed.c */
extern const size_t nf_nblobs;

struct nf_tagger;
struct nf_engine {
    nf_options opt;
    int anchor_y, anchor_m, anchor_d; /* --date, or 0 */
    struct { char *name; char *text; size_t len; } *files; /* data files as read */
    size_t nfiles;
    void *norm, *sents, *dates, *actors, *figures, *claims; /* each stage's compiled state */
    struct nf_tagger *tagger;
};

/* Per-thread scratch: PCRE2 match data and the like. */
nf_worker *nf_worker_new(void);
void nf_worker_free(nf_worker *w);

/* ---- loader.c ---- */

typedef struct nf_article {
    const char *file;   /* the path as given ("-" for standard input) */
    char *name;         /* the article's name */
    long index;         /* its count among the file's markers (0: preamble or no marker) */
    long marker_line;   /* line of its marker; 0 when it has none */
    int piece;          /* 0 for the first piece of an article, 1, 2... for the rest */
    char *text;         /* UTF-8 (invalid bytes replaced), LF line ends, NUL-terminated */
    size_t len;
    long first_line;    /* input line of text[0] */
    long first_col;     /* byte column of text[0] in that line (non-zero after a cut) */
    long line_base;     /* subtracted from every line number printed (--lines article) */
    long seq;           /* position of this piece in the whole input, for ordering */
} nf_article;

typedef struct nf_loader nf_loader;
/* Opens PATH ("-" = standard input). NULL (with an error printed) if it can't be read. */
nf_loader *nf_loader_open(const char *path, const nf_options *o);
/* Reads the next article piece into *a (which it owns until the next call or free).
 * Returns 1, 0 at the end, -1 on a read error (printed; what was read is returned first). */
int nf_loader_next(nf_loader *l, nf_article *a);
void nf_loader_close(nf_loader *l);
void nf_article_free(nf_article *a);
/* Bytes consumed so far (for --progress). */
size_t nf_loader_bytes(const nf_loader *l);

/* ---- normalize.c: the article body and its metadata ---- */

enum { NF_PARA_BODY, NF_PARA_HEADING };

typedef struct { uint32_t off; long line; long col; } nf_seg; /* text[off..] starts at input line:col */
typedef struct { uint32_t start, end; uint8_t kind; } nf_para;

typedef struct nf_doc {
    char *text;          /* body paragraphs, each ending in '\n'; NUL-terminated (arena) */
    uint32_t len;
    nf_seg *seg; size_t nseg, capseg;     /* sorted by off; grow with NF_PUSH (reused */
    nf_para *para; size_t npara, cappara; /* across articles: never arena, never freed) */
    char date[11];       /* YYYY-MM-DD, "" when unknown */
    const char *source, *title, *url; /* NULL when unknown */
    char lang[4];        /* "" for English, else ISO 639-1 or "und" */
} nf_doc;

/* ---- sentences.c: tokens and sentences ---- */

enum {
    NF_T_WORD = 1 << 0,    /* letters (may hold digits, hyphens, dots: U.S., Russia-backed) */
    NF_T_NUM = 1 << 1,     /* starts with a digit: 70,000 1.5 2014 26.01.2022 */
    NF_T_PUNCT = 1 << 2,   /* anything else, one token per mark */
    NF_T_CAP = 1 << 3,     /* first letter upper case */
    NF_T_UPPER = 1 << 4,   /* all letters upper case, 2 or more */
    NF_T_QUOTE = 1 << 5,   /* a quote mark: " “ ” `` '' ' ‘ ’ */
    NF_T_OPEN = 1 << 6,    /* with NF_T_QUOTE: opens a quote */
    NF_T_SENT0 = 1 << 7,   /* first word of its sentence (after opening quotes) */
    NF_T_POSS = 1 << 8,    /* possessive clitic 's or ’s or ' as its own token */
    NF_T_DOT = 1 << 9,     /* with NF_T_WORD: ends in its period (abbreviation, initial, U.S.) */
};

typedef struct { uint32_t start, end; uint16_t flags; } nf_tok;

typedef struct {
    uint32_t start, end;      /* text offsets */
    uint32_t tok0, ntok;      /* its tokens: ana->tok[tok0 .. tok0+ntok) */
    uint32_t para;
    uint8_t heading;          /* from a heading paragraph: never a claim */
    uint8_t in_quote;         /* starts inside a quote opened by an earlier sentence */
    int32_t date_tx;          /* index in ana->tx of the sentence's date, -1: the article's */
    const char *text;         /* nf_sent_text's copy (arena), NULL until first asked for */
} nf_sent;

/* ---- dates.c ---- */

enum { NF_TX_DATE, NF_TX_TIME, NF_TX_DURATION, NF_TX_SET };

typedef struct {
    uint32_t start, end, sent;
    uint8_t type;             /* NF_TX_* */
    char value[32];           /* TIMEX3 value, "" when it can't be resolved */
} nf_timex;

/* ---- actors.c ---- */

enum { NF_ACT_PERSON, NF_ACT_ORG, NF_ACT_COUNTRY, NF_ACT_PLACE, NF_ACT_GROUP };
enum {
    NF_M_ROW = 1 << 0,        /* prints an actor row */
    NF_M_DEMONYM = 1 << 1,    /* Russian, Americans: no row, gives an affiliation */
    NF_M_DESCRIPTION = 1 << 2,/* "the NATO chief", "U.S. officials": stands for canon */
    NF_M_SUBJECT = 1 << 3,    /* looks like the subject of its clause */
};

typedef struct {
    uint32_t start, end, sent;
    const char *canon;        /* canonical name (engine- or arena-owned) */
    const char *role;         /* role or title seen, NULL if none */
    uint8_t type;             /* NF_ACT_* */
    uint8_t flags;            /* NF_M_* */
} nf_mention;

/* ---- rows and the per-article analysis ---- */

typedef struct {
    uint8_t kind;             /* NF_KIND_* */
    long line, col;           /* where the mention starts (col: byte in that line) */
    uint32_t order;           /* emission order, the last sort key */
    const char *f[NF_NCOLS];  /* column values (NULL = empty); FILE, ARTICLE, LINE, KIND are filled by the table */
} nf_row;

typedef struct nf_ana {
    const nf_engine *eng;
    nf_worker *w;
    const nf_article *art;
    nf_arena arena;
    nf_doc doc;
    int anchor_y, anchor_m, anchor_d; /* the article's date, else --date, else 0 */
    char anchor[11];                  /* the same as YYYY-MM-DD, "" when unknown */
    nf_tok *tok; size_t ntok, captok;
    nf_sent *sent; size_t nsent, capsent;
    nf_timex *tx; size_t ntx, captx;
    nf_mention *men; size_t nmen, capmen;
    nf_row *row; size_t nrow, caprow;
    struct nf_tagger_cache *tagcache; /* actors: the tagger's word cache, kept from article to article */
    size_t row_seg;                   /* nf_row_add: doc.seg of the last row (a hint, checked) */
} nf_ana;

/* Grows an array (*p, *cap) to hold at least need elements of size sz. */
void nf_grow(void **p, size_t *cap, size_t need, size_t sz);
#define NF_PUSH(arr, n, cap) (nf_grow((void **)&(arr), &(cap), (n) + 1, sizeof *(arr)), &(arr)[(n)++])

/* Adds a row of kind whose mention starts at text offset off; its line and col come from
 * the line map. Fields are set with nf_row_set (copied into the arena) or by pointing at
 * strings that live as long as the analysis. The pointer is valid until the next add. */
nf_row *nf_row_add(nf_ana *a, int kind, uint32_t off);
void nf_row_set(nf_ana *a, nf_row *r, int col, const char *s, size_t n);
void nf_row_setz(nf_ana *a, nf_row *r, int col, const char *s);
/* s[0..n) with whitespace runs collapsed to one space, trimmed, lower-cased (ASCII) when
 * lower is set (arena). */
const char *nf_span_text(nf_ana *a, const char *s, size_t n, int lower);
/* The whole sentence, whitespace collapsed (arena; made once per sentence of a->sent and
 * shared by every row that quotes it). */
const char *nf_sent_text(nf_ana *a, const nf_sent *s);
/* The sentence's date value: its date expression's, else the article's (may be ""). */
const char *nf_sent_date(const nf_ana *a, const nf_sent *s);
/* Input line and column of a text offset. */
void nf_doc_pos(const nf_doc *d, uint32_t off, long *line, long *col);
/* Index of the sentence holding text offset off (binary search), or nsent. */
size_t nf_sent_at(const nf_ana *a, uint32_t off);

/* Stage entry points. init compiles the stage's data into the engine (returns 0, or -1
 * with a message in err); run works on one article; fini frees the engine state. */
#define NF_STAGE(name)                                                            \
    int nf_##name##_init(nf_engine *e, char *err, size_t errlen);                \
    int nf_##name##_run(nf_ana *a);                                               \
    void nf_##name##_fini(nf_engine *e);
NF_STAGE(normalize)
NF_STAGE(sentences)
NF_STAGE(dates)
NF_STAGE(actors)
NF_STAGE(figures)
NF_STAGE(claims)
#undef NF_STAGE
/* For the tests: nf_sentences_run by the tokenizer's general rules alone, the splitter
 * looking at every token (what the fast paths must give). */
int nf__sentences_run_general(nf_ana *a);

/* ---- table.c and the writers ---- */

extern const char *const nf_col_names[NF_NCOLS];
extern const char *const nf_kind_names[NF_NKINDS];

/* Pieces of nf_table_article, for corroborate.c: sort the rows; whether a row's kind is
 * printed; a row's columns with file, article, line and kind filled in (line: a buffer for
 * the number); one row, formatted. */
void nf_table_sort(nf_ana *a);
int nf_table_keep(const nf_options *o, const nf_row *r);
void nf_table_cols(const nf_ana *a, const nf_row *r, char line[24], const char *cols[NF_NCOLS]);
void nf_table_row(const nf_options *o, const char *const *cols, nf_buf *out);
/* Sorts the article's rows and appends them, formatted, to out. */
void nf_table_article(const nf_engine *e, nf_ana *a, nf_buf *out);
/* The table's opening (header row, <newsfacts>) and closing. */
void nf_table_begin(const nf_options *o, nf_buf *out);
void nf_table_end(const nf_options *o, nf_buf *out);

/* One writer per format: a row is given as NF_NCOLS strings (NULL = empty); only the
 * columns listed in o->fields are written. */
int nf_table_ncols(const nf_options *o);       /* columns to write */
int nf_table_col(const nf_options *o, int i);  /* the i-th of them, NF_COL_* */
typedef void (*nf_row_writer)(const nf_options *o, const char *const *cols, nf_buf *out);
void nf_write_tsv(const nf_options *o, const char *const *cols, nf_buf *out);
void nf_write_csv(const nf_options *o, const char *const *cols, nf_buf *out);
void nf_write_jsonl(const nf_options *o, const char *const *cols, nf_buf *out);
void nf_write_xml(const nf_options *o, const char *const *cols, nf_buf *out);
/* nf_write_tsv for the rows of one article into one buffer: the memo (zeroed before the
 * first row) remembers, for each column but NF_COL_LINE, the last string written (by its
 * address) and where its formatted bytes are in out, and copies them from there when the
 * next row has the same string (the file, the article, a sentence quoted by several rows).
 * Exact while those strings stay unchanged and out only grows: both hold for the rows of
 * one article (NF_COL_LINE is left out: its text is a buffer rewritten for every row). */
typedef struct { const char *src[NF_NCOLS]; size_t off[NF_NCOLS], len[NF_NCOLS]; } nf_tsv_memo;
void nf_write_tsv_memo(const nf_options *o, const char *const *cols, nf_buf *out, nf_tsv_memo *m);
/* nf_table_cols and nf_write_tsv_memo for each row of a kept by o->kinds, in the order ix
 * (NULL: as they are), when every column is written (no --fields): the same bytes, with
 * the file and article columns formatted once and the line and kind written directly. */
void nf_write_tsv_rows(const nf_options *o, const nf_ana *a, const uint32_t *ix, nf_buf *out);

/* ---- normalize.c: --text output ---- */

/* Writes the normalized article in dump format (marker, ` date` prefix, paragraphs). */
void nf_normalize_dump(const nf_ana *a, nf_buf *out);

/* ---- corroborate.c: --corroborate ---- */

/* Appends the article's rows to out in a private serialized form (instead of formatting). */
void nf_corr_serialize(const nf_engine *e, nf_ana *a, nf_buf *out);
/* Reads the serialized rows of the whole run back from tmp, groups the claims and figures
 * that report the same thing, and writes every row, formatted, with cluster and sources
 * filled, to out. Returns 0, or -1 on a read or write error. */
int nf_corr_finish(const nf_engine *e, FILE *tmp, FILE *out);

/* ---- pipeline.c ---- */

/* A per-thread analysis, reused from article to article (its arrays keep their memory). */
void nf_ana_init(nf_ana *a, const nf_engine *e, nf_worker *w);
void nf_ana_free(nf_ana *a);
/* Analyzes one article piece into out (table rows, or the --text dump). */
void nf_process(nf_ana *a, const nf_article *art, nf_buf *out);

#endif
