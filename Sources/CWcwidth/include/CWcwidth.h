#ifndef KPITOP_CWCWIDTH_H
#define KPITOP_CWCWIDTH_H

#include <wchar.h>

/// wcwidth(3): the columns the C library (and so ncurses) gives a character in the calling
/// thread's locale. Glibc declares it only for X/Open builds, which Swift's Glibc module is not.
int kpitop_wcwidth(wchar_t character);

#endif
