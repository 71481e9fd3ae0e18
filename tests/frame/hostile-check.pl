#!/usr/bin/perl
# hostile-check.pl - checks that a tool's output keeps its promises about
# its input (the properties of tests/cli/hostile-*.t and props-*.t).
# Works on bytes; prints "# ..." lines saying what is wrong and exits 1.
#
#   untag IN OUT       normalize-dates -a: OUT without its <time> tags is IN
#   nulcat IN OUT      split-articles -z: OUT's records, NULs removed, are IN
#   substr IN OUT      strip-boilerplate: each line of OUT is a substring of
#                      a line of IN, or (captions cut out of it) made of
#                      pieces of one line of IN in their order
#   offsets IN OUT [-z] [-s] [-r]  extract-quotes / normalize-dates -l: in
#                      each TSV line DOC START END ... TEXT, bytes START..END
#                      of document DOC are TEXT (-s: TEXT has tab, CR and
#                      newline as spaces; else \t \n \r \\ escapes; -r with
#                      -z: no DOC column, the Nth NUL-terminated output
#                      record belongs to document N)
#   untag-z / substr-z IN OUT   the same per NUL-terminated record
#   nodoc OUT          prints OUT without its DOC column (TSV) or "doc":N
#                      member (JSON Lines)
use strict;
use warnings;

binmode(STDOUT);

sub slurp {
	my ($f) = @_;
	open(my $fh, '<:raw', $f) or die "$f: $!";
	local $/;
	my $s = <$fh>;
	close $fh;
	return defined $s ? $s : '';
}

my $errors = 0;
sub complain {
	my ($msg) = @_;
	$msg =~ s/([^\x20-\x7e])/sprintf("\\x%02x", ord($1))/ge;
	print "# $msg\n" if $errors < 10;
	$errors++;
}

# Shows where two byte strings first differ.
sub first_diff {
	my ($a, $b) = @_;
	my $n = length($a) < length($b) ? length($a) : length($b);
	my $i = 0;
	my $step = 65536;
	while ($i < $n) {
		my $k = $n - $i < $step ? $n - $i : $step;
		if (substr($a, $i, $k) ne substr($b, $i, $k)) {
			last if $k == 1;
			$step = int($k / 2) || 1;
			next;
		}
		$i += $k;
	}
	my $lo = $i > 20 ? $i - 20 : 0;
	return sprintf("lengths %d and %d, first difference at byte %d: [%s] vs [%s]",
	    length($a), length($b), $i, substr($a, $lo, 60), substr($b, $lo, 60));
}

sub untag {
	my ($in, $out) = @_;
	my $bad = 0;
	$out =~ s{<time datetime="([^"<>]*)">(.*?)</time>}{
		$bad++ if $1 eq '' || $2 eq '';
		$2
	}gse;
	complain("$bad <time> tags with an empty value or text") if $bad;
	# "<time" already in the input was written "&lt;time" (see
	# normalize-dates.c, write_escaped): undo it in one pass
	$out =~ s/&(lt|amp);/$1 eq 'lt' ? '<' : '&'/ge;
	complain("-a output without its tags is not the input: " . first_diff($out, $in))
	    if $out ne $in;
}

sub nulcat {
	my ($in, $out) = @_;
	complain("output does not end with a NUL") if length($out) && substr($out, -1) ne "\0";
	complain("an empty record") if $out =~ /(?:^|\0)\0/;
	(my $cat = $out) =~ s/\0//g;
	complain("records do not concatenate to the input: " . first_diff($cat, $in))
	    if $cat ne $in;
}

# True when $o is made of pieces of $l, in order, from offset $j on:
# what a line is once captions inside it were cut out (at most
# NP_BP_HOLES of them).
sub pieces_of {
	my ($o, $l, $j) = @_;
	my ($i, $holes) = (0, 0);
	while ($i < length($o)) {
		# the longest piece of $o from $i found at $j
		my $k = 0;
		$k++ while $i + $k < length($o) && $j + $k < length($l) &&
		    substr($o, $i + $k, 1) eq substr($l, $j + $k, 1);
		$i += $k;
		$j += $k;
		last if $i >= length($o);
		return 0 if ++$holes > 4;
		# a hole: the rest starts further on in the same line
		my $want = substr($o, $i, 16);
		my $at = index($l, $want, $j);
		return 0 if $at < 0;
		$j = $at;
	}
	return 1;
}

sub substr_lines {
	my ($in, $out) = @_;
	my $pos = 0;
	my $n = 0;
	for my $line (split /\n/, $out) {
		$n++;
		next if $line eq '';
		my $at = index($in, $line, $pos);
		$at = index($in, $line) if $at < 0;
		if ($at >= 0) {
			$pos = $at + length($line);
			next;
		}
		# not a substring: pieces of one input line, in order?
		my $found = 0;
		# its first piece starts with its first bytes (try 8, then 3)
		for my $hl (8, 3) {
			my $head = substr($line, 0, $hl);
			my $tries = 0;
			for (my $s = index($in, $head); $s >= 0 && !$found && $tries++ < 10000;
			    $s = index($in, $head, $s + 1)) {
				my $e = index($in, "\n", $s);
				$e = length($in) if $e < 0;
				$found = pieces_of($line, substr($in, $s, $e - $s), 0);
			}
			last if $found;
		}
		complain("output line $n is not made of pieces of one input line: [" .
		    substr($line, 0, 80) . "]") unless $found;
	}
}

sub docs {
	my ($in, $z) = @_;
	return ($in) unless $z;
	return () if $in eq '';
	my @d = split /\0/, $in, -1;
	pop @d if $in =~ /\0\z/;
	return @d;
}

sub offsets {
	my ($in, $out, $z, $spaced, $rec) = @_;
	my @doc = docs($in, $z);
	my $n = 0;
	my $r = 1;
	for my $line (split /\n/, $out) {
		$n++;
		if ($z && $rec) {
			# the NULs that end records: count them
			$r++ while $line =~ s/^\0//;
			next if $line eq '';
			$line = "$r\t$line";
		}
		$line =~ s/^\0+//;	# -z: the NULs that end records
		next if $line eq '';
		my @f = split /\t/, $line, -1;
		if (@f < 4 || $f[0] !~ /^\d+$/ || $f[1] !~ /^\d+$/ || $f[2] !~ /^\d+$/) {
			complain("line $n is not DOC START END ...: [" . substr($line, 0, 80) . "]");
			next;
		}
		my ($d, $s, $e, $text) = ($f[0], $f[1], $f[2], $f[-1]);
		if ($d < 1 || $d > @doc || $s > $e || $e > length($doc[$d - 1])) {
			complain("line $n: offsets $d $s $e outside the input");
			next;
		}
		my $cut = substr($doc[$d - 1], $s, $e - $s);
		if ($spaced) {
			$cut =~ tr/\t\r\n/   /;
		} else {
			$text =~ s/\\(.)/$1 eq 't' ? "\t" : $1 eq 'n' ? "\n" : $1 eq 'r' ? "\r" : $1/ge;
		}
		complain("line $n: bytes $s..$e are [" . substr($cut, 0, 60) .
		    "], the line says [" . substr($text, 0, 60) . "]") if $cut ne $text;
	}
}

# Runs a two-document check per NUL-terminated record.
sub per_record {
	my ($fn, $in, $out) = @_;
	my @i = docs($in, 1);
	my @o = docs($out, 1);
	complain(scalar(@i) . " records in, " . scalar(@o) . " out") if @i != @o;
	for my $k (0 .. $#i) {
		$fn->($i[$k], defined $o[$k] ? $o[$k] : '');
	}
}

my $cmd = shift @ARGV // '';
if ($cmd eq 'nodoc') {
	my $out = slurp($ARGV[0]);
	$out =~ s/^(\0*)\d+\t/$1/mg;
	$out =~ s/^(\0*)\{"doc":\d+,/$1\{/mg;
	print $out;
	exit 0;
}
my ($in, $out) = (slurp($ARGV[0]), slurp($ARGV[1]));
my %opt = map { $_ => 1 } @ARGV[2 .. $#ARGV];
if ($cmd eq 'untag') { untag($in, $out) }
elsif ($cmd eq 'untag-z') { per_record(\&untag, $in, $out) }
elsif ($cmd eq 'nulcat') { nulcat($in, $out) }
elsif ($cmd eq 'substr') { substr_lines($in, $out) }
elsif ($cmd eq 'substr-z') { per_record(\&substr_lines, $in, $out) }
elsif ($cmd eq 'offsets') { offsets($in, $out, $opt{'-z'}, $opt{'-s'}, $opt{'-r'}) }
else { die "hostile-check.pl: unknown check '$cmd'\n" }
exit($errors ? 1 : 0);
