#!/usr/bin/perl
# recipes.pl - print the scale-out recipes that README.md and
# man/newsprep.7 give, so that the tests run them as written and the
# documents and the tests cannot drift apart.
#
# usage: perl tests/cli/recipes.pl README.md man/newsprep.7 > recipes
#
# Output: one recipe per NUL-terminated record, "KIND<TAB>SOURCE<TAB>TEXT",
# where KIND is
#   sh      a shell command line using GNU parallel
#   hadoop  a Hadoop Streaming command line
#   spark   a Spark RDD expression (Python)
#   python  a Python program or function (the Dask recipes)
# README.md: every line of an indented code block that runs GNU parallel.
# newsprep(7): every literal display (.Bd -literal) of its SCALING OUT
# section, with the roff escapes undone.
use strict;
use warnings;

# kind TEXT: which kind of recipe a piece of text is.
sub kind {
	my ($t) = @_;
	return 'hadoop' if $t =~ /^\s*hadoop\s+jar\b/;
	return 'spark' if $t =~ /^\s*rdd\./;
	return 'python' if $t =~ /^\s*(?:import|from|def)\s/m;
	return 'sh' if $t =~ /\bparallel\b/;
	return undef;
}

# emit SOURCE TEXT: prints one recipe.
sub emit {
	my ($src, $t) = @_;
	my $k = kind($t);
	print "$k\t$src\t$t\0" if defined $k;
}

# roff TEXT: the text a literal display shows.
sub roff {
	my ($t) = @_;
	$t =~ s/\\\(dq/"/g;
	$t =~ s/\\\(aq/'/g;
	$t =~ s/\\&//g;
	$t =~ s/\\-/-/g;
	$t =~ s/\\e/\\/g;
	return $t;
}

for my $file (@ARGV) {
	open(my $fh, '<', $file) or die "recipes.pl: $file: $!\n";
	my @lines = <$fh>;
	close $fh;
	if ($file =~ /\.[1-9]$/) {
		my ($in_section, $block) = (0, undef);
		for my $l (@lines) {
			if ($l =~ /^\.Sh\s+(.*)/) {
				$in_section = $1 =~ /^SCALING OUT/;
				next;
			}
			next unless $in_section;
			if ($l =~ /^\.Bd\s+-literal/) {
				$block = '';
			} elsif ($l =~ /^\.Ed/ && defined $block) {
				emit("$file", roff($block));
				$block = undef;
			} elsif (defined $block) {
				$block .= $l;
			}
		}
	} else {
		my ($prev_blank, $in_code, $cont) = (1, 0, '');
		for my $l (@lines) {
			if ($l =~ /^\s*$/) {
				$prev_blank = 1;
				next;
			}
			if ($l =~ /^    (.*)/s && ($in_code || $prev_blank)) {
				$in_code = 1;
				my $c = $cont . $1;
				if ($c =~ /\\\n\z/) {
					$cont = $c;
				} else {
					$cont = '';
					emit("$file", $c);
				}
			} else {
				$in_code = 0;
			}
			$prev_blank = 0;
		}
	}
}
