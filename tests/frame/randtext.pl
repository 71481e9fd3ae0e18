#!/usr/bin/perl
# randtext.pl - random news-like text for the property tests:
#   randtext.pl SEED BYTES [nul]
# Draws tokens from a vocabulary that touches every engine (words, names,
# speech cues, dates in several languages and forms, every kind of quote
# mark and bracket, export markers, page furniture, separators, CRLF,
# form feeds, a BOM and invalid UTF-8) and writes about BYTES bytes.  The
# same SEED gives the same text (perl's own generator).  With "nul", NUL
# bytes are among the tokens too.
use strict;
use warnings;

my ($seed, $size, $nul) = @ARGV;
die "usage: randtext.pl SEED BYTES [nul]\n" unless defined $size;
srand($seed);
binmode(STDOUT);

my @words = qw(the a minister said told says according to officials spokesman
    spokeswoman he she they it council city mayor bridge will would not be
    was were that this in on of and but for with from at by after before
    week month year years days ago last next yesterday today tomorrow
    Mr. Mrs. Dr. Gen. U.S. St. Anna Smith John Kowalski Maria Müller
    Élodie Dupont Олег Петренко Reuters AP police court government
    added noted warned insisted asked replied wrote sagte erklärte
    affirmé dijo ha detto сказал заявив Inc. Ltd. No. vs. e.g.);
my @dates = ('May', 'June', 'March', '12', '5', '2020', '1999', '2023',
    '18 October 2023', 'October 18, 2023', 'Oct. 18', '2023-10-18',
    '18.10.2023', '10/18/2023', '18/10/23', '1990s', 'the 1990s', 'Monday',
    'last week', 'three days ago', 'next month', 'Q3 2023', 'summer 2021',
    '18. Oktober 2023', 'le 18 octobre 2023', '18 de octubre de 2023',
    '18 октября 2023 года', '18 жовтня 2023', 'w czwartek', '12:30',
    '2023', '20231018', 'early 2020', 'mid-March');
my @marks = ('"', '"', '"', "\x{201C}", "\x{201D}", "\x{2018}", "\x{2019}",
    "\x{AB}", "\x{BB}", "\x{201E}", "''", '``', "\x{300C}", "\x{300D}",
    "\x{2039}", "\x{203A}", '(', ')', '[', ']', '{', '}', "'");
my @punct = ('.', '.', ',', ',', ':', ';', '!', '?', "\x{2026}", "\x{2014}",
    '-', '...', '.)', '."', ",\"");
my @lines = ("\n", "\n", "\n\n", "\n\n", "\r\n", "\r\n\r\n", "\n* * *\n",
    "\n----\n", "\n1 of 10 DOCUMENTS\n", "\nDOCUMENT 2 OF 3\n",
    "\nEnd of Document\n", "\nDocument NYTF000020231018ejai0001\n",
    "\nLENGTH: 512 words\n", "\nBYLINE: Anna Smith\n", "\nSECTION: World\n",
    "\n512 words\n", "\nSign up for our newsletter\n", "\nADVERTISEMENT\n",
    "\n\x{A9} 2023 The Paper. All rights reserved.\n", "\f\n", "\n- Politics\n",
    "\nRead more:\n", "\nShare this article\n", "\nPhoto: Anna Smith/AP\n",
    "\n# # #\n", "\n====\n");
my @odd = ("\xFF", "\xC3", "\xE2\x80", "\xED\xA0\x80", "\xC0\xAF",
    "\xF4\x90\x80\x80", "\x80", "\xEF\xBB\xBF", "\t", "\xC2\xA0", "\xA0");

# the escapes above are characters: write them as UTF-8 (the words and
# dates are UTF-8 bytes already, the odd ones are meant as raw bytes)
utf8::encode($_) for @marks, @punct, @lines;

my $out = '';
my $len = 0;
while ($len < $size) {
	my $r = rand();
	my $tok;
	if ($r < 0.55) { $tok = $words[rand @words] }
	elsif ($r < 0.67) { $tok = $dates[rand @dates] }
	elsif ($r < 0.79) { $tok = $marks[rand @marks] }
	elsif ($r < 0.88) { $tok = $punct[rand @punct] }
	elsif ($r < 0.96) { $tok = $lines[rand @lines] }
	elsif ($r < 0.995 || !$nul) { $tok = $odd[rand @odd] }
	else { $tok = "\0" }
	$tok .= ' ' if rand() < 0.8 && $tok !~ /\n\z/;
	$out .= $tok;
	$len += length($tok);
}
print $out;
