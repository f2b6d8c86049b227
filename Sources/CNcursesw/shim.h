#ifndef JATTA_CNCURSESW_SHIM_H
#define JATTA_CNCURSESW_SHIM_H

// Wide-character curses must be switched on before the header is read.
// Package.swift does not ask pkg-config for flags (SwiftPM would refuse its
// -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 with a warning); glibc's default
// _DEFAULT_SOURCE already declares what these headers use, and this one
// define selects the wide-character API.
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <curses.h>
#include <term.h>

// Function-like macros do not import into Swift; these wrappers do.
static inline int jatta_color_pair(int n) { return (int)COLOR_PAIR(n); }
static inline unsigned int jatta_attr_bold(void) { return (unsigned int)A_BOLD; }
static inline unsigned int jatta_attr_reverse(void) { return (unsigned int)A_REVERSE; }
static inline unsigned int jatta_attr_underline(void) { return (unsigned int)A_UNDERLINE; }
static inline unsigned int jatta_attr_dim(void) { return (unsigned int)A_DIM; }

// Glibc's Swift overlay hides wcwidth; curses needs the display width of
// every character it is asked to draw.
extern int wcwidth(wchar_t c);
static inline int jatta_wcwidth(unsigned int c) { return wcwidth((wchar_t)c); }

#endif
