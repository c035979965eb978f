/* actors.h — the actors stage's own interface (see actors.c).
 *
 * Data files (data/, compiled in; --data DIR adds to them):
 *   countries.tsv  canonical, aliases, adjectives/demonyms, capitals
 *   places.tsv     canonical, "place", aliases
 *   orgs.tsv       canonical, organization|group, aliases, country
 *   people.tsv     canonical, aliases (a lone surname resolves by years), years FROM-TO
 *   titles.txt     role/title cues and honorifics before a name
 *   tagger.model   the NER tagger (tagger.h), trained by `make train`
 *
 * nf_actors_run fills ana->men (one nf_mention per actor mention, demonyms included with
 * NF_M_DEMONYM and no row) and adds one `actor` row per mention with NF_M_ROW:
 * actor = canonical name, value = type, unit = the title seen, mention = the words. */
#ifndef NF_ACTORS_H
#define NF_ACTORS_H

struct nf_actors_eng;

#endif
