#define _XOPEN_SOURCE 700
#include <wchar.h>
#include "CWcwidth.h"

int kpitop_wcwidth(wchar_t character) {
    return wcwidth(character);
}
