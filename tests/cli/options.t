#!/usr/bin/perl
# options.t - the option table against every --help and man page.
#
# Every tool's --help lists its own options, then the common ones; the
# common part must be the same text in every tool, and each man page must
# describe the same options: its "Common options" block is
# filters/common/options.mdoc word for word (make man-common copies it), each
# rendered item there starts with the --help text of that option, and the
# page's own option list names exactly the options of the tool's --help
# "Options:" part (with the same argument names).  Usage errors are one
# line "NAME: what: why" and one hint line, worded the same by every tool.
use strict;
use warnings;
use FindBin;
require "$FindBin::Bin/lib.pl";

my $bin = $ENV{NP_BIN} // 'bin';


# Runs a command with the shell; returns (stdout+stderr, exit status).
sub run {
	my ($cmd) = @_;
	my $out = `$cmd 2>&1`;
	return ($out, $? >> 8);
}

# Parses --help: { own => [items], common => [items], common_text => str }
# with each item { key => "-L --lang LIST", text => "..." }.
sub parse_help {
	my ($text) = @_;
	my (%h, $part, $item);
	$h{own} = [];
	$h{common} = [];
	for my $line (split /\n/, $text) {
		if ($line =~ /^Options:/) { $part = 'own'; next; }
		if ($line =~ /^Common options/) { $part = 'common'; next; }
		if ($line eq '' || $line !~ /^ /) { $part = undef if $line eq '' && $part && @{$h{$part}}; next; }
		next unless $part;
		$h{common_text} .= "$line\n" if $part eq 'common';
		if ($line =~ /^  (?:(-\S), |    )(--[a-z-]+)(?:=(\S+))?\s*(.*)$/) {
			my ($short, $long, $arg, $rest) = ($1, $2, $3, $4);
			$item = { key => opt_key($short, $long, $arg), text => $rest };
			push @{$h{$part}}, $item;
		} elsif ($line =~ /^\s{20,}(\S.*)$/ && $item) {
			$item->{text} .= ($item->{text} eq '' ? '' : ' ') . $1;
		}
	}
	return \%h;
}

# A canonical name of an option: "-L --lang LIST".
sub opt_key {
	my ($short, $long, $arg) = @_;
	return join(' ', grep { defined && $_ ne '' } $short, $long, defined $arg ? uc $arg : undef);
}

# Renders a page as plain text.
sub render {
	my ($page) = @_;
	my $t = `mandoc -Tutf8 -Owidth=80 $page`;
	$t =~ s/.\x08//g;
	return $t;
}

# Items of a rendered tag list: heads at indent 5 starting with '-'.
sub man_items {
	my ($text) = @_;
	my (@items, $item);
	for my $line (split /\n/, $text) {
		if ($line =~ /^ {5}(-\S.*?)(?: {2,}(\S.*))?$/) {
			# a short tag has its text on the same line
			my ($head, $rest) = ($1, $2);
			my ($short, $long, $arg);
			for my $part (split /,\s+/, $head) {
				if ($part =~ /^(--[a-z-]+)(?:=(\S+))?$/) { ($long, $arg) = ($1, $2); }
				elsif ($part =~ /^(-[A-Za-z0-9])(?:\s+(\S+))?$/) { $short = $1; $arg //= $2; }
			}
			$item = { key => opt_key($short, $long, $arg), text => $rest // '' };
			push @items, $item;
		} elsif ($line =~ /^ {6,}(\S.*)$/ && $item) {
			$item->{text} .= ($item->{text} eq '' ? '' : ' ') . $1;
		} elsif ($line =~ /^\S/) {
			$item = undef;
		}
	}
	return @items;
}

sub norm {
	my ($s) = @_;
	$s =~ s/\s+/ /g;
	$s =~ s/^ | $//g;
	return lc $s;
}

open(my $cf, '<', 'filters/common/options.mdoc') or die "filters/common/options.mdoc: $!";
my $common_src = do { local $/; <$cf> };
close $cf;

my @tools = map { m{man/(.*)\.1$} ? $1 : () } sort glob('man/*.1');
my $first_common;
for my $tool (@tools) {
	my ($help, $rc) = run("$bin/$tool --help");
	result($rc == 0, "$tool --help exits 0");
	my $h = parse_help($help);
	result(@{$h->{common}} >= 13, "$tool --help lists the common options");
	if (!defined $first_common) {
		$first_common = $h->{common_text} // '';
	} else {
		result(($h->{common_text} // '') eq $first_common,
		    "$tool --help: the common options read as in $tools[0]",
		    "got:\n" . ($h->{common_text} // '') . "want:\n$first_common");
	}

	# the page's copy of the common block
	open(my $fh, '<', "man/$tool.1") or die "man/$tool.1: $!";
	my $src = do { local $/; <$fh> };
	close $fh;
	my $at = index($src, $common_src);
	result($at >= 0, "man/$tool.1 holds filters/common/options.mdoc unchanged (make man-common)");

	my $text = render("man/$tool.1");
	my ($desc) = $text =~ /\nDESCRIPTION\n(.*?)\n\S/s;
	$desc //= '';
	my ($own_txt, $common_txt) = split /\n   Common options\n/, $desc, 2;
	$common_txt //= '';
	my %man_common = map { $_->{key} => $_->{text} } man_items($common_txt);
	for my $o (@{$h->{common}}) {
		my $m = $man_common{$o->{key}};
		result(defined $m && index(norm($m), norm($o->{text})) == 0,
		    "$tool(1) common option $o->{key}: starts with the --help text",
		    "help: $o->{text}\nman:  " . ($m // '(missing)'));
	}
	result(keys(%man_common) == @{$h->{common}}, "$tool(1): no common option that --help lacks",
	    join(' ', sort keys %man_common));

	my %man_own = map { $_->{key} => 1 } man_items($own_txt);
	my %help_own = map { $_->{key} => 1 } @{$h->{own}};
	my @missing = grep { !$man_own{$_} } sort keys %help_own;
	my @extra = grep { !$help_own{$_} } sort keys %man_own;
	result(!@missing, "$tool(1) describes every option of its --help", "missing: @missing");
	result(!@extra, "$tool --help lists every option its man page describes", "not in --help: @extra");

	# usage errors: one line NAME: what: why, then the same hint everywhere
	my @cases = (
		['--no-such-option', qr/^\Q$tool\E: --no-such-option: unknown option$/],
		['-Y', qr/^\Q$tool\E: -Y: unknown option$/],
		['--field', qr/^\Q$tool\E: --field: missing argument NAME$/],
		['--null=1', qr/^\Q$tool\E: --null: takes no argument$/],
		['--max-doc-size=lots', qr/^\Q$tool\E: --max-doc-size: invalid size 'lots'$/],
	);
	for my $c (@cases) {
		my ($out, $rc2) = run("$bin/$tool $c->[0] </dev/null");
		my @l = split /\n/, $out;
		result($rc2 == 2 && @l == 2 && $l[0] =~ $c->[1] &&
		    $l[1] eq "Try '$tool --help' for more information.",
		    "$tool $c->[0]: exit 2, one message line and the hint", "exit $rc2:\n$out");
	}
}

# the README's table of the common options names every one of them
open(my $rf, '<', 'README.md') or die "README.md: $!";
my $readme = do { local $/; <$rf> };
close $rf;
my ($table) = $readme =~ /\n## Options every tool shares\n(.*?)\n## /s;
$table //= '';
for my $line (split /\n/, $first_common // '') {
	next unless $line =~ /^  (?:(-\S), |    )(--[a-z-]+)/;
	my ($short, $long) = ($1, $2);
	result(index($table, "`$long") >= 0 && (!defined $short || index($table, "`$short`") >= 0),
	    "README's table of common options has " . join(', ', grep { defined } $short, $long));
}

# a letter means the same everywhere: the common letters are in every
# --help (checked above), and a letter in two tools' own parts must name
# the same long option
my (%letter, @clash);
for my $line (split /\n/, $first_common // '') {
	$letter{$1} = ['every tool', $2] if $line =~ /^  -(\S), (--[a-z-]+)/;
}
for my $tool (@tools) {
	my ($help) = run("$bin/$tool --help");
	for my $o (@{parse_help($help)->{own}}) {
		next unless $o->{key} =~ /^-(\S) (--\S+)/;
		push @clash, "-$1 is $letter{$1}[1] in $letter{$1}[0] but $2 in $tool"
		    if exists $letter{$1} && $letter{$1}[1] ne $2;
		$letter{$1} = [$tool, $2];
	}
}
result(!@clash, "no letter has two meanings", join("\n", @clash));

done_testing();
