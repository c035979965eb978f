/* normalize stage — placeholder until its implementation lands. */
#include "nf.h"

int nf_normalize_init(nf_engine *e, char *err, size_t errlen)
{
    NF_UNUSED(e); NF_UNUSED(err); NF_UNUSED(errlen);
    return 0;
}

int nf_normalize_run(nf_ana *a)
{
    NF_UNUSED(a);
    return 0;
}

void nf_normalize_fini(nf_engine *e) { NF_UNUSED(e); }
