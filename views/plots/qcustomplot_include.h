#pragma once

// qcustomplot.h is written with Qt's `signals`/`emit`/`foreach` keywords, which our build
// turns off (QT_NO_KEYWORDS, QT_NO_FOREACH). Include this file FIRST in a .cpp (before any
// Qt header, because qglobal.h decides on the keywords once) and only in .cpp files:
// the header costs seconds per translation unit.
#ifdef QT_VERSION
#error "qcustomplot_include.h must be the first include of the translation unit"
#endif
#undef QT_NO_KEYWORDS
#undef QT_NO_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
#undef forever
