/* dates.h — what the date stage offers the later stages beyond a->tx and sentence dates. */
#ifndef NF_DATES_H
#define NF_DATES_H

#include "nf.h"

/* The date of a saying: the index in a->tx of the DATE or TIME expression that goes with the
 * reporting verb at token index verb_tok (a->tok), as in "told reporters on Wednesday evening",
 * "said in a statement last week", "On Friday, NATO said", "NATO on Friday said"; -1 when
 * none does (then the claim takes the article's date). A date inside the claimed content
 * ("an invasion early next year") is never returned. */
int nf_dates_attached(const nf_ana *a, uint32_t verb_tok);

/* Index in a->tx of the expression covering text offset off, or -1 (a number inside a date
 * or duration is no figure). */
int nf_dates_at(const nf_ana *a, uint32_t off);

/* Index in a->tx of the first expression overlapping text[s..e), or -1. O(log n): a->tx is
 * in text order (use this, not a loop over a->tx, per number of a long article). */
int nf_dates_overlap(const nf_ana *a, uint32_t s, uint32_t e);

/* For the tests: nf_dates_run without its fast paths (every token is tried, every shape
 * asked). Its results must be nf_dates_run's; returns the number of places where a fast path
 * would have missed something (a match at a token the scan skips, a shape): 0. */
int nf_dates_run_slow(nf_ana *a);

#endif
