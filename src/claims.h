/* claims.h — the claims stage's own interface (see claims.c).
 *
 * Data files (data/, compiled in; --data DIR adds to them):
 *   reporting.tsv     reporting cues in all their forms, with lemma and class (v, tell, np,
 *                     weak, cite, acc), cue extensions (`in a statement`), hearers that belong
 *                     to a `told` cue (`reporters`), words between speaker and verb (adv)
 *   descriptions.tsv  words that describe a speaker (`chief`, `officials`, `alliance`) and
 *                     how they resolve (person with a role, the body they speak for)
 *
 * nf_claims_run adds one `claim` row per attribution: actor = the speaker's canonical name
 * (or the description as written), value = the claim (quote marks stripped, whole across
 * sentences and paragraphs of a running quote), unit = the cue(s) (`said, noting`),
 * mention = the first cue's words, date = the date of the saying, else the article's,
 * text = the cue's sentence. */
#ifndef NF_CLAIMS_H
#define NF_CLAIMS_H

struct nf_claims_eng;

#endif
