#!/usr/bin/perl
# dates-languages.t - the per-language test sets of normalize-dates
# (tests/dates/LANG.tsv, sentences written for this project).  Each file
# starts with "# ref YYYY-MM-DD"; then one sentence a line, a TAB and
# either "-" (no date: names, other words) or the expected expressions
# as EXPR=VALUE separated by " | ".  For every language the test asks:
#   - value accuracy >= .90: an expected EXPR is right when a hit of
#     --list overlapping it has VALUE;
#   - no hit at all on the "-" sentences (no date inside a name);
#   - the default rewrite changes nothing but hit spans, and writes only
#     ISO calendar values there (a day, month, year, week, or an interval);
#   - --annotate, tags removed and &lt; &amp; unescaped, gives the input back.
use strict;
use warnings;

my $bin = ($ENV{NP_BIN} // 'bin') . '/normalize-dates';
my $n = 0;
my $failed = 0;

sub ok {
	my ($c, $d) = @_;
	$n++;
	print(($c ? "ok" : "not ok") . " $n - $d\n");
	$failed++ unless $c;
}

# Runs normalize-dates with args on the records (NUL-separated), returns
# the raw output.
sub run {
	my ($recs, @args) = @_;
	my $dir = $ENV{TMPDIR} && -d $ENV{TMPDIR} ? $ENV{TMPDIR} : '/tmp';
	my $in = "$dir/np-dates-in.$$";
	open(my $fh, '>:raw', $in) or die "$in: $!";
	print $fh join('', map { "$_\0" } @$recs);
	close($fh);
	open(my $p, '-|:raw', $bin, @args, $in) or die "$bin: $!";
	local $/;
	my $out = <$p> // '';
	close($p);
	unlink($in);
	return $out;
}

my $calendar = qr/\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d)?(?:\/\d{4}(?:-\d\d(?:-\d\d)?)?)?/;

for my $file (sort glob('tests/dates/*.tsv')) {
	my ($lang) = $file =~ m{([^/]+)\.tsv$};
	open(my $fh, '<:raw', $file) or die "$file: $!";
	my ($ref, @sent, @want);
	while (my $l = <$fh>) {
		chomp $l;
		if ($l =~ /^# ref (\S+)/) { $ref = $1; next; }
		next if $l =~ /^#/ || $l !~ /\t/;
		my ($s, $w) = split(/\t/, $l, 2);
		push @sent, $s;
		push @want, $w;
	}
	close($fh);
	die "$file: no '# ref' line\n" unless $ref;
	my @hits = map { [] } @sent;
	for my $row (split(/[\n\0]/, run(\@sent, '-z', '-l', "-r$ref"))) {
		next if $row eq '';
		my ($doc, $s, $e, $v) = split(/\t/, $row);
		push @{$hits[$doc - 1]}, [$s, $e, $v];
	}
	my ($right, $total, $fp, @miss) = (0, 0, 0);
	for my $i (0 .. $#sent) {
		if ($want[$i] eq '-') {
			$fp += @{$hits[$i]};
			push @miss, "no date wanted: $sent[$i]" if @{$hits[$i]};
			next;
		}
		for my $ev (split(/ \| /, $want[$i])) {
			my ($expr, $val) = $ev =~ /^(.*)=([^=]+)$/ or die "$file: bad '$ev'\n";
			my $at = index($sent[$i], $expr);
			die "$file: '$expr' not in '$sent[$i]'\n" if $at < 0;
			my $end = $at + length($expr);
			$total++;
			my @h = grep { $_->[0] < $end && $_->[1] > $at } @{$hits[$i]};
			if (@h && $h[0][2] eq $val) {
				$right++;
			} else {
				push @miss, "$expr: want $val, got " . (@h ? $h[0][2] : 'none');
			}
		}
	}
	my $acc = $total ? $right / $total : 0;
	printf("# %s: %d/%d right (%.3f), %d hit(s) on no-date lines\n", $lang, $right,
	    $total, $acc, $fp);
	print "#   $_\n" for @miss;
	ok($acc >= 0.90, "$lang: value accuracy >= .90");
	ok($fp == 0, "$lang: no date inside a name or other words");

	# the rewrite: text outside the hits unchanged, calendar values only
	my @out = split(/\0/, run(\@sent, '-z', "-r$ref"), -1);
	my $bad = 0;
	for my $i (0 .. $#sent) {
		my ($re, $pos) = ('', 0);
		for my $h (sort { $a->[0] <=> $b->[0] } @{$hits[$i]}) {
			my $orig = substr($sent[$i], $h->[0], $h->[1] - $h->[0]);
			$re .= quotemeta(substr($sent[$i], $pos, $h->[0] - $pos));
			$re .= $h->[2] =~ /^$calendar$/ ? "(?:\Q$orig\E|\Q$h->[2]\E(?:\/[0-9-]+)?)" :
			    quotemeta($orig);
			$pos = $h->[1];
		}
		$re .= quotemeta(substr($sent[$i], $pos));
		$bad++, print "#   rewrite: $out[$i]\n" unless defined $out[$i] && $out[$i] =~ /^$re$/s;
	}
	ok($bad == 0, "$lang: the rewrite writes calendar values only, the rest as it was");

	my @ann = split(/\0/, run(\@sent, '-z', '-a', "-r$ref"), -1);
	$bad = 0;
	for my $i (0 .. $#sent) {
		my $t = $ann[$i] // '';
		$t =~ s/<time datetime="[^"]*">//g;
		$t =~ s/<\/time>//g;
		$t =~ s/&(lt|amp);/$1 eq 'lt' ? '<' : '&'/ge;
		$bad++ unless $t eq $sent[$i];
	}
	ok($bad == 0, "$lang: --annotate without its tags gives the input back");
}
print "1..$n\n";
exit($failed ? 1 : 0);
