# Convenience targets; each calls a script in scripts/ that installs what is
# missing on a fresh Debian machine.
.PHONY: example test bench build clean

example:
	bash scripts/example.sh

test:
	bash scripts/test.sh

bench:
	bash scripts/bench.sh

build:
	bash scripts/setup-system.sh && swift build

clean:
	rm -rf .build
