/* data.c — the data files: compiled in (data/ via tools/embed.c), extended or replaced by
 * the files of --data DIR, and a line iterator for their TAB-separated format. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "nf.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    nf_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        nf_buf_put(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        nf_buf_free(&b);
        return NULL;
    }
    nf_buf_putc(&b, '\0');
    *len = b.len - 1;
    return b.p;
}

/* Loads every embedded file, then applies DIR's files of the same names (and adds the
 * others DIR has with a data file's extension). */
int nf_data_load(nf_engine *e, char *err, size_t errlen)
{
    e->nfiles = nf_nblobs;
    e->files = calloc(nf_nblobs + 64, sizeof *e->files);
    if (!e->files) {
        snprintf(err, errlen, "out of memory");
        return -1;
    }
    for (size_t i = 0; i < nf_nblobs; i++) {
        e->files[i].name = strdup(nf_blobs[i].name);
        e->files[i].len = nf_blobs[i].len;
        e->files[i].text = malloc(nf_blobs[i].len + 1);
        if (!e->files[i].name || !e->files[i].text) {
            snprintf(err, errlen, "out of memory");
            return -1;
        }
        memcpy(e->files[i].text, nf_blobs[i].data, nf_blobs[i].len);
        e->files[i].text[nf_blobs[i].len] = '\0';
    }
    if (!e->opt.data_dir)
        return 0;
    DIR *dir = opendir(e->opt.data_dir);
    if (!dir) {
        snprintf(err, errlen, "--data %s: %s", e->opt.data_dir, strerror(errno));
        return -1;
    }
    /* Each embedded file may be extended or replaced by a file of the same name in DIR. */
    for (size_t i = 0; i < nf_nblobs; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", e->opt.data_dir, e->files[i].name);
        size_t len;
        char *text = read_file(path, &len);
        if (!text) {
            if (errno != ENOENT) {
                snprintf(err, errlen, "%s: %s", path, strerror(errno));
                closedir(dir);
                return -1;
            }
            continue;
        }
        if (strncmp(text, "#!replace", 9) == 0) {
            free(e->files[i].text);
            e->files[i].text = text;
            e->files[i].len = len;
        } else {
            size_t old = e->files[i].len;
            int nl = old && e->files[i].text[old - 1] != '\n';
            char *t = realloc(e->files[i].text, old + nl + len + 1);
            if (!t) {
                free(text);
                snprintf(err, errlen, "out of memory");
                closedir(dir);
                return -1;
            }
            if (nl)
                t[old++] = '\n';
            memcpy(t + old, text, len + 1);
            e->files[i].text = t;
            e->files[i].len = old + len;
            free(text);
        }
    }
    /* DIR's other data files (by extension) are added, in name order. */
    struct dirent *de;
    char **names = NULL;
    size_t nnames = 0, capnames = 0;
    while ((de = readdir(dir)) != NULL) {
        const char *dot = strrchr(de->d_name, '.');
        if (de->d_name[0] == '.' || !dot ||
            (strcmp(dot, ".tsv") && strcmp(dot, ".txt") && strcmp(dot, ".rules") &&
             strcmp(dot, ".model")) ||
            nf_data_get(e, de->d_name, NULL))
            continue;
        *NF_PUSH(names, nnames, capnames) = strdup(de->d_name);
    }
    closedir(dir);
    int rc = 0;
    for (size_t i = 0; i < nnames; i++)
        for (size_t j = i + 1; j < nnames; j++)
            if (strcmp(names[j], names[i]) < 0) {
                char *t = names[i];
                names[i] = names[j];
                names[j] = t;
            }
    for (size_t i = 0; i < nnames && rc == 0; i++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", e->opt.data_dir, names[i]);
        size_t len;
        char *text = read_file(path, &len);
        if (!text) {
            snprintf(err, errlen, "%s: %s", path, strerror(errno));
            rc = -1;
            break;
        }
        if (e->nfiles == nf_nblobs + 64) {
            snprintf(err, errlen, "--data %s: too many data files", e->opt.data_dir);
            free(text);
            rc = -1;
            break;
        }
        e->files[e->nfiles].name = names[i];
        e->files[e->nfiles].text = text;
        e->files[e->nfiles].len = len;
        names[i] = NULL;
        e->nfiles++;
    }
    for (size_t i = 0; i < nnames; i++)
        free(names[i]);
    free(names);
    return rc;
}

void nf_data_free(nf_engine *e)
{
    for (size_t i = 0; i < e->nfiles; i++) {
        free(e->files[i].name);
        free(e->files[i].text);
    }
    free(e->files);
    e->files = NULL;
    e->nfiles = 0;
}

const char *nf_data_get(const nf_engine *e, const char *name, size_t *len)
{
    for (size_t i = 0; i < e->nfiles; i++)
        if (strcmp(e->files[i].name, name) == 0) {
            if (len)
                *len = e->files[i].len;
            return e->files[i].text;
        }
    if (len)
        *len = 0;
    return NULL;
}

void nf_lines_init(nf_lines *it, const char *text, size_t len)
{
    it->p = text;
    it->end = text ? text + len : NULL;
    it->line = NULL;
    it->cap = 0;
    it->lineno = 0;
}

int nf_lines_next(nf_lines *it, char **fields, int maxf)
{
    while (it->p && it->p < it->end) {
        const char *s = it->p;
        const char *nl = memchr(s, '\n', (size_t)(it->end - s));
        const char *e = nl ? nl : it->end;
        it->p = nl ? nl + 1 : it->end;
        it->lineno++;
        size_t n = (size_t)(e - s);
        if (n && s[n - 1] == '\r')
            n--;
        size_t k = 0;
        while (k < n && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k == n || s[k] == '#')
            continue;
        if (n + 1 > it->cap) {
            it->cap = n + 64;
            char *l = realloc(it->line, it->cap);
            if (!l)
                return -1;
            it->line = l;
        }
        memcpy(it->line, s, n);
        it->line[n] = '\0';
        int nf = 0;
        char *f = it->line;
        while (nf < maxf) {
            fields[nf++] = f;
            char *t = strchr(f, '\t');
            if (!t)
                break;
            *t = '\0';
            f = t + 1;
        }
        for (int i = nf; i < maxf; i++)
            fields[i] = NULL;
        return nf;
    }
    return -1;
}

size_t nf_lines_count(const char *text, size_t len)
{
    nf_lines it;
    char *f[1];
    size_t n = 0;
    nf_lines_init(&it, text, len);
    while (nf_lines_next(&it, f, 1) >= 0)
        n++;
    nf_lines_free(&it);
    return n;
}

void nf_lines_free(nf_lines *it)
{
    free(it->line);
    it->line = NULL;
    it->cap = 0;
}
