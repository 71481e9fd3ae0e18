#!/usr/bin/perl
# readme.t - the README's examples are true: every "$ COMMAND" line of an
# indented code block runs with sh from the project root, the built tools
# first on PATH, and must exit 0; the lines after it up to the end of the
# block are its output (compared with white space runs as one space, since
# the README folds long lines).  A command that fetches from the network
# (curl, wget) is only shown, not run: tests do not go online.
use strict;
use warnings;
use FindBin;
require "$FindBin::Bin/lib.pl";

my $bin = $ENV{NP_BIN} // 'bin';
$ENV{PATH} = "$bin:$ENV{PATH}";

open(my $fh, '<', 'README.md') or die "README.md: $!";
my @lines = <$fh>;
close $fh;
chomp @lines;

sub squash {
	my ($s) = @_;
	$s =~ s/\s+/ /g;
	$s =~ s/^ | $//g;
	return $s;
}

my $count = 0;
for (my $i = 0; $i < @lines; $i++) {
	next unless $lines[$i] =~ /^    \$ (.*)$/;
	my $cmd = $1;
	my @want;
	while ($i + 1 < @lines && ($lines[$i + 1] =~ /^    / || $lines[$i + 1] eq '') &&
	    $lines[$i + 1] !~ /^    \$ /) {
		last if $lines[$i + 1] eq '' && ($i + 2 >= @lines || $lines[$i + 2] !~ /^    /);
		push @want, $lines[++$i];
	}
	s/^    // for @want;
	if ($cmd =~ /^\s*(?:curl|wget)\b/) {
		result(1, "# skip README: $cmd (needs the network)");
		next;
	}
	my $got = `( $cmd ) 2>&1`;
	my $rc = $? >> 8;
	$count++;
	if (!@want) {
		result($rc == 0, "README: $cmd", "exit status $rc\n$got");
		next;
	}
	result($rc == 0 && squash($got) eq squash(join("\n", @want)), "README: $cmd",
	    "exit status $rc\ngot:\n$got\nwant:\n" . join("\n", @want));
}
result($count >= 3, "README has its examples ($count)");
done_testing();
