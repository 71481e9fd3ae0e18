#!/usr/bin/perl
# man-examples.t - every EXAMPLES line of every man page is a test.
#
# In the EXAMPLES section, a ".Dl $ COMMAND" line is a command; it runs
# with sh in a folder holding just the sample inputs make install puts in
# PREFIX/share/newsprep/examples (the Makefile's EXAMPLES), with the built
# tools first on PATH, and must exit 0; the examples folder's installed
# path in a command stands for that folder.  When the next line opens a
# ".Bd -literal" display, that display up to ".Ed" is the exact standard
# output expected.
use strict;
use warnings;
use FindBin;
require "$FindBin::Bin/lib.pl";
use Cwd qw(abs_path);

use File::Temp qw(tempdir);
use File::Copy qw(copy);

my $root = abs_path('.');
my $bin = $ENV{NP_BIN} // "$root/bin";
$ENV{PATH} = "$bin:$ENV{PATH}";

# the examples folder as make install lays it out
my @examples = split ' ', ($ENV{NP_EXAMPLES} // `make -s --no-print-directory print-examples`);
my $installed = $ENV{NP_EXAMPLES_DEFAULT} // '/usr/local/share/newsprep/examples';
my $dir = tempdir('np-examples.XXXXXX', TMPDIR => 1, CLEANUP => 1);
for my $f (@examples) {
	copy($f, $dir) or die "$f: $!";
}

# Turns mdoc text back into what it shows.
sub unescape {
	my ($s) = @_;
	$s =~ s/\\&//g;
	$s =~ s/\\\(aq/'/g;
	$s =~ s/\\\(dq/"/g;
	$s =~ s/\\\(ga/`/g;
	$s =~ s/\\\(ti/~/g;
	$s =~ s/\\\(ha/^/g;
	$s =~ s/\\-/-/g;
	$s =~ s/\\e/\\/g;
	return $s;
}


for my $page (sort glob("man/*.[1-9]")) {
	open(my $fh, '<', $page) or die "$page: $!";
	my @lines = <$fh>;
	close $fh;
	chomp @lines;
	my $in = 0;
	for (my $i = 0; $i < @lines; $i++) {
		if ($lines[$i] =~ /^\.Sh\s+(.*)/) {
			$in = $1 eq 'EXAMPLES';
			next;
		}
		next unless $in && $lines[$i] =~ /^\.Dl \$ (.*)/;
		my $cmd = unescape($1);
		$cmd =~ s/\Q$installed\E/$dir/g;
		my $want;
		if ($i + 1 < @lines && $lines[$i + 1] =~ /^\.Bd -literal/) {
			my @w;
			for ($i += 2; $i < @lines && $lines[$i] ne '.Ed'; $i++) {
				push @w, unescape($lines[$i]);
			}
			$want = join("\n", @w) . "\n";
		}
		my $got = `cd '$dir' && ( $cmd ) 2>&1`;
		my $rc = $? >> 8;
		my $desc = "$page: $cmd";
		if ($rc != 0) {
			result(0, $desc, "exit status $rc\n$got\n(a sample input the example reads must be in EXAMPLES in the Makefile)");
		} elsif (defined $want) {
			result($got eq $want, $desc, "got:\n$got\nwant:\n$want");
		} else {
			result(1, $desc, '');
		}
	}
}
done_testing();
