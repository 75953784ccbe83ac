# Install envtop, and build its release artefacts. `make install` needs a built binary (it runs
# the release build when BINARY is missing); `make release` builds a static-stdlib binary and
# packs it as a tarball and a .deb with their checksums in dist/.
#
#   make install PREFIX=/usr/local DESTDIR=     the binary, the man page, bash/zsh/fish completions,
#                                               the themes and the Prometheus rules
#   make uninstall PREFIX=/usr/local DESTDIR=
#   make release                                dist/envtop_VERSION_linux_ARCH.tar.gz, the .deb, checksums.sha256

PREFIX ?= /usr/local
DESTDIR ?=
BINARY ?= .build/release/envtop
VERSION := $(shell sed -n 's/.*static let version = "\(.*\)"/\1/p' Sources/envtop/Commands/Envtop.swift)
ARCH := $(shell uname -m)
DEBARCH := $(shell dpkg --print-architecture 2>/dev/null || echo amd64)
DIST := dist
STAGE := $(DIST)/stage

BIN_DIR = $(DESTDIR)$(PREFIX)/bin
SHARE_DIR = $(DESTDIR)$(PREFIX)/share

.PHONY: build install uninstall release

build:
	swift build -c release --product envtop

install:
	@test -x "$(BINARY)" || $(MAKE) build
	install -Dm755 "$(BINARY)" "$(BIN_DIR)/envtop"
	install -Dm644 man/envtop.1 "$(SHARE_DIR)/man/man1/envtop.1"
	install -Dm644 completions/envtop.bash "$(SHARE_DIR)/bash-completion/completions/envtop"
	install -Dm644 completions/_envtop "$(SHARE_DIR)/zsh/site-functions/_envtop"
	install -Dm644 completions/envtop.fish "$(SHARE_DIR)/fish/vendor_completions.d/envtop.fish"
	install -d "$(SHARE_DIR)/envtop/themes" "$(SHARE_DIR)/envtop/prometheus"
	install -m644 themes/*.yaml "$(SHARE_DIR)/envtop/themes/"
	install -m644 contrib/prometheus/alerts.yaml contrib/prometheus/alerts_test.yaml contrib/prometheus/prometheus.yml \
		"$(SHARE_DIR)/envtop/prometheus/"

uninstall:
	rm -f "$(BIN_DIR)/envtop" "$(SHARE_DIR)/man/man1/envtop.1" \
		"$(SHARE_DIR)/bash-completion/completions/envtop" "$(SHARE_DIR)/zsh/site-functions/_envtop" \
		"$(SHARE_DIR)/fish/vendor_completions.d/envtop.fish"
	rm -rf "$(SHARE_DIR)/envtop"

# The static-stdlib binary (no Swift runtime needed on the ops box), stripped, installed under
# /usr into a staging tree that becomes the tarball and the .deb.
release:
	swift build -c release --product envtop --static-swift-stdlib
	rm -rf "$(DIST)"
	mkdir -p "$(DIST)"
	cp "$$(swift build -c release --static-swift-stdlib --show-bin-path)/envtop" "$(DIST)/envtop"
	strip "$(DIST)/envtop"
	$(MAKE) install BINARY="$(DIST)/envtop" PREFIX=/usr DESTDIR="$(STAGE)"
	tar -C "$(STAGE)" -czf "$(DIST)/envtop_$(VERSION)_linux_$(ARCH).tar.gz" usr
	mkdir -p "$(STAGE)/DEBIAN"
	sed -e "s/@VERSION@/$(VERSION)/" -e "s/@ARCH@/$(DEBARCH)/" \
		-e "s/@SIZE@/$$(du -sk "$(STAGE)/usr" | cut -f1)/" \
		-e "s/@GLIBC@/$$(objdump -T "$(DIST)/envtop" | sed -n 's/.*GLIBC_\([0-9.]*\).*/\1/p' | sort -V | tail -1)/" \
		packaging/debian-control > "$(STAGE)/DEBIAN/control"
	dpkg-deb --build --root-owner-group "$(STAGE)" "$(DIST)/envtop_$(VERSION)_$(DEBARCH).deb"
	rm -rf "$(STAGE)/DEBIAN"
	cd "$(DIST)" && sha256sum envtop_$(VERSION)_linux_$(ARCH).tar.gz envtop_$(VERSION)_$(DEBARCH).deb > checksums.sha256
	@ls -l "$(DIST)"
