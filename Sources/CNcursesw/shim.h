#ifndef KPITOP_CNCURSESW_SHIM_H
#define KPITOP_CNCURSESW_SHIM_H
// SwiftPM drops pkg-config's -D flags, which hides the wide-character API: define it here.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <langinfo.h>
#include <ncurses.h>
#include <term.h>

// Macros that Swift does not import, as constants and functions.

static const attr_t kpitop_A_BOLD = A_BOLD;
static const attr_t kpitop_A_UNDERLINE = A_UNDERLINE;
static const attr_t kpitop_A_REVERSE = A_REVERSE;

static const mmask_t kpitop_BUTTON1_CLICKED = BUTTON1_CLICKED;
static const mmask_t kpitop_BUTTON1_DOUBLE_CLICKED = BUTTON1_DOUBLE_CLICKED;
/// The wheel turned up (away from the user).
static const mmask_t kpitop_BUTTON4_PRESSED = BUTTON4_PRESSED;
/// The wheel turned down.
static const mmask_t kpitop_BUTTON5_PRESSED = BUTTON5_PRESSED;

/// The key code of function key n (KEY_F(n)).
static inline int kpitop_KEY_F(int n) { return KEY_F(n); }

// ncurses' shared mutable globals, read through functions so Swift 6 sees no global state.

/// The standard screen of the current terminal (`stdscr`).
static inline WINDOW *kpitop_stdscr(void) { return stdscr; }
/// Colours the terminal has once `start_color` ran (`COLORS`).
static inline int kpitop_colors(void) { return COLORS; }
/// Colour pairs the terminal has once `start_color` ran (`COLOR_PAIRS`).
static inline int kpitop_color_pairs(void) { return COLOR_PAIRS; }

#endif
