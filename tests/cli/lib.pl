# lib.pl - TAP helpers for the Perl command-line tests (require it from
# a tests/cli/*.t script run from the project root).
#
#   result(PASS, DESC, DIAG)   one TAP line; DIAG is printed when it failed
#   done_testing()             prints the plan and exits 1 when any failed
use strict;
use warnings;

my $n = 0;
my $failed = 0;

sub result {
	my ($pass, $desc, $diag) = @_;
	$n++;
	print(($pass ? "ok" : "not ok") . " $n - $desc\n");
	if (!$pass) {
		$failed++;
		print map { "#   $_\n" } split /\n/, ($diag // '');
	}
	return $pass;
}

sub done_testing {
	print "1..$n\n";
	exit($failed ? 1 : 0);
}

1;
