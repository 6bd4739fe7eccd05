#ifndef KPITOP_CNCURSESW_SHIM_H
#define KPITOP_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D flags, which hides the wide-character API: define it here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <ncurses.h>
#endif
