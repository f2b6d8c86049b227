# Installs jatta like any command-line tool.
#
#   make install PREFIX=$HOME/.local      binary, decks, man pages, completions
#   make uninstall PREFIX=$HOME/.local    removes exactly those
#   make deb                              a .deb in .build-static/ (scripts/build-deb)
#
# PREFIX defaults to /usr/local; DESTDIR stages the files under another root
# (as the .deb build does). docs/files.md lists every installed file.

PREFIX ?= /usr/local
DESTDIR ?=

STAGE := .build-static/stage
bindir := $(DESTDIR)$(PREFIX)/bin
sharedir := $(DESTDIR)$(PREFIX)/share
deckdir := $(sharedir)/jatta/decks
man1dir := $(sharedir)/man/man1
bashdir := $(sharedir)/bash-completion/completions
zshdir := $(sharedir)/zsh/site-functions
fishdir := $(sharedir)/fish/vendor_completions.d

.PHONY: all build install uninstall deb

all: build

# The release binary (built only when the sources changed), man pages and
# completions.
build:
	@bash scripts/stage-install

install: build
	install -d "$(bindir)" "$(deckdir)" "$(man1dir)" "$(bashdir)" "$(zshdir)" "$(fishdir)"
	install -m 0755 $(STAGE)/bin/jatta "$(bindir)/jatta"
	install -m 0644 decks/*.deck decks/README.md "$(deckdir)/"
	install -m 0644 $(STAGE)/man1/*.1 "$(man1dir)/"
	install -m 0644 $(STAGE)/completions/bash "$(bashdir)/jatta"
	install -m 0644 $(STAGE)/completions/zsh "$(zshdir)/_jatta"
	install -m 0644 $(STAGE)/completions/fish "$(fishdir)/jatta.fish"
	@echo "installed $(bindir)/jatta (try: jatta study --demo; man jatta)"

# The student's progress database is theirs: it is never removed.
uninstall:
	rm -f "$(bindir)/jatta"
	rm -rf "$(deckdir)"
	-rmdir "$(sharedir)/jatta" 2>/dev/null
	rm -f "$(man1dir)/jatta.1" "$(man1dir)"/jatta.*.1
	rm -f "$(bashdir)/jatta" "$(zshdir)/_jatta" "$(fishdir)/jatta.fish"

deb:
	@bash scripts/build-deb
