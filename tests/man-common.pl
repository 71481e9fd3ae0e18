#!/usr/bin/perl
# man-common.pl - copies filters/common/options.mdoc into every tool's page,
# in place of the block there (from the block's first comment line to the
# .El that closes its list).  Run by `make man-common`; tests/cli/options.t
# fails when a page's copy differs.
use strict;
use warnings;

open(my $fh, '<', 'filters/common/options.mdoc') or die "filters/common/options.mdoc: $!\n";
my $block = do { local $/; <$fh> };
close $fh;
my ($first) = $block =~ /^(.*\n)/;
for my $page (sort glob('man/*.1')) {
	open(my $in, '<', $page) or die "$page: $!\n";
	my $text = do { local $/; <$in> };
	close $in;
	my $at = index($text, $first);
	die "$page: no common options block (add a copy of filters/common/options.mdoc)\n" if $at < 0;
	my $sub = index($text, "\n.Ss Common options\n", $at);
	my $end = index($text, "\n.El\n", $sub);
	die "$page: the common options block is not closed\n" if $sub < 0 || $end < 0;
	substr($text, $at, $end + 5 - $at) = $block;
	open(my $out, '>', $page) or die "$page: $!\n";
	print $out $text;
	close $out or die "$page: $!\n";
}
