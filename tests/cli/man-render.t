#!/usr/bin/perl
# man-render.t - the man pages as a reader sees them (mandoc -Tutf8), not
# only as the linter does: no nested quotes or angle brackets left by a
# macro that took the rest of its line (CLASS<TAB<REASON>>), the footer
# names newsprep and its version, and EXIT STATUS gives every status a
# tool can return (0, 1 and 2).
use strict;
use warnings;
use FindBin;
require "$FindBin::Bin/lib.pl";



open(my $h, '<', 'include/newsprep/common.h') or die "common.h: $!";
my ($version) = map { /#define NP_VERSION "([^"]+)"/ ? $1 : () } <$h>;
close $h;

# The first place in $text where an opening mark opens again before it
# closed, as a line of context, or undef.
sub nested {
	my ($text, $open, $close) = @_;
	for my $line (split /\n/, $text) {
		my $depth = 0;
		for my $ch (split //, $line) {
			if ($ch eq $open) {
				return $line if ++$depth > 1;
			} elsif ($ch eq $close) {
				$depth-- if $depth > 0;
			}
		}
	}
	return undef;
}

for my $page (sort glob('man/*.[1-9]')) {
	my $text = `mandoc -Tutf8 -Owidth=78 $page 2>&1`;
	result($? == 0, "$page renders");
	$text =~ s/.\x08//g;
	utf8::decode($text);
	for my $pair (["\x{2018}", "\x{2019}", 'single quotes'],
	    ["\x{201c}", "\x{201d}", 'double quotes'],
	    ["\x{27e8}", "\x{27e9}", 'angle brackets']) {
		my $at = nested($text, $pair->[0], $pair->[1]);
		my $ctx = $at // '';
		utf8::encode($ctx);
		result(!defined $at, "$page: no nested $pair->[2]", $ctx);
	}
	my @lines = grep { /\S/ } split /\n/, $text;
	my $footer = $lines[-1] // '';
	utf8::encode($footer);
	result($footer =~ /^newsprep \Q$version\E\s/, "$page: the footer names newsprep $version", $footer);
	next unless $page =~ /\.1$/;
	my ($exit) = $text =~ /\nEXIT STATUS\n(.*?)\n\S/s;
	$exit //= '';
	for my $st (0, 1, 2) {
		result($exit =~ /^\s+$st\s/m, "$page: EXIT STATUS lists $st", $exit);
	}
}
done_testing();
