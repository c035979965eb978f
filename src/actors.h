/* actors.h — the actors stage's own interface (see actors.c).
 *
 * Data files (data/, compiled in; --data DIR adds to them):
 *   countries.tsv   canonical, aliases, adjectives/demonyms, capitals
 *   places.tsv      canonical, "place", aliases
 *   orgs.tsv        canonical, organization|group, aliases, country (seats of power included)
 *   people.tsv      canonical, aliases (a lone surname resolves by years), years FROM-TO
 *   titles.txt      role/title cues and honorifics before a name
 *   firstnames.txt  given names (a tagged organization opening with one is a person)
 *   tagger.model    the NER tagger (tagger.h), rebuilt by `make train`
 *
 * nf_actors_run fills ana->men, sentence by sentence, in text order within a sentence:
 *   - one mention per actor with NF_M_ROW: it prints one `actor` row (actor = canonical name,
 *     value = type, unit = the title seen before the name or in apposition, mention = the
 *     words as written, from an honorific on: `Mr. Putin`; a title is not part of it);
 *   - demonyms and adjectives (`Russian officials`) with NF_M_DEMONYM, canon = the country,
 *     type country, no row;
 *   - descriptions (`the NATO chief`, `the Kremlin's spokesman` with no name after) with
 *     NF_M_DESCRIPTION, canon = the person named earlier with that role for that
 *     organization or country, no row; it starts with the organization's own mention and is
 *     longer;
 *   - NF_M_SUBJECT when the word after the mention looks like its verb (`Moscow wants`,
 *     `Russia on Friday published`).
 * Canonical names are engine- or arena-owned strings. Capitals acting for their state are the
 * state (`Moscow wants`, `Washington and Moscow`), else places (`in Moscow`, datelines). */
#ifndef NF_ACTORS_H
#define NF_ACTORS_H

struct nf_actors_eng;

#endif
