#!/usr/bin/perl
# tests/scrub/check.pl - the checks of tests/real-scrub.sh that are
# easier in Perl than in SQL or shell.  One subcommand per check; each
# prints its findings on stderr as "# ..." lines (at most 10) and exits
# 1 if there was any, 0 otherwise.
#
#   patterns COPYOUT RAWOUT <spec
#	stdin: "flag<TAB>kind<TAB>hex" per original value (flag 1: a rule
#	rewrites it, 0: it is kept; kind value, ssn or json; hex of the
#	UTF-8 bytes).  Writes the grep -F patterns of the values that must
#	not survive (rewritten and not kept elsewhere, 5 characters or
#	more): COPYOUT in the COPY text escaping that tests/dumprows prints,
#	RAWOUT those that a dump holds as they are (no quote, backslash or
#	control character).  JSON leaves are also written JSON-escaped.
#   shape META <rows
#	stdin: tests/dumprows output.  META: "table<TAB>pos<TAB>name<TAB>
#	maxchars<TAB>notnull" per column (maxchars -1: no limit).  Every row
#	has one field per column, no NULL in a NOT NULL column and no value
#	longer than the column's declared length in characters.
#   column META TABLE COLUMN <rows
#	prints "id<TAB>value" (COPY escaping) of one column of one table.
#   map TSV DEFAULT <pairs
#	stdin: "id<TAB>hex original<TAB>hex scrubbed" (N: NULL).  The
#	scrubbed value is what the map file TSV gives, DEFAULT if it does
#	not list the original, NULL for NULL.
#   card REGEX <pairs
#	credit_card when REGEX: matching originals got a different
#	Luhn-valid number of the same length with the separators in place;
#	the others kept their value.
#   report REPORT EXPECT ROWS BYTES_IN BYTES_OUT
#	dumpscrub --report: EXPECT has "table<TAB>column<TAB>action<TAB>
#	rows<TAB>nulls<TAB>always" per column that must be listed (always 1:
#	every non-NULL value changes; nulls "<=N": at most N); ROWS the
#	total rows of the scrubbed tables.  Table names compare without
#	their schema.
use strict;
use warnings;
use Encode qw(decode);
use JSON::PP;

binmode STDIN;
binmode STDOUT;

my @bad;

sub bad {
	push @bad, join('', @_);
}

sub finish {
	my $n = @bad;
	for my $i (0 .. ($n > 10 ? 9 : $n - 1)) {
		my $m = $bad[$i];
		$m =~ s/[\x00-\x1f]/?/g;
		print STDERR "# $m\n";
	}
	print STDERR "# ... and ", $n - 10, " more\n" if $n > 10;
	exit($n ? 1 : 0);
}

sub unhex {
	my ($h) = @_;
	return undef if $h eq 'N';
	return pack('H*', $h);
}

sub chars {
	my ($b) = @_;
	return length(decode('UTF-8', $b));
}

my %copy_e = ("\\" => "\\\\", "\b" => "\\b", "\f" => "\\f", "\n" => "\\n",
    "\r" => "\\r", "\t" => "\\t", "\x0b" => "\\v");
my %copy_d = (b => "\b", f => "\f", n => "\n", r => "\r", t => "\t",
    v => "\x0b");

sub copy_enc {
	my ($s) = @_;
	$s =~ s/([\\\b\f\n\r\t\x0b])/$copy_e{$1}/g;
	return $s;
}

sub copy_dec {
	my ($v) = @_;
	return undef if $v eq "\\N";
	$v =~ s/\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|(.))/
	    defined $1 ? chr(oct($1) & 255) : defined $2 ? chr(hex($2))
	    : exists $copy_d{$3} ? $copy_d{$3} : $3/gse;
	return $v;
}

sub read_meta {
	my ($f) = @_;
	my %m;
	open(my $fh, '<', $f) or die "$f: $!\n";
	while (<$fh>) {
		chomp;
		my ($t, $pos, $name, $max, $nn) = split /\t/;
		$m{$t}[$pos - 1] = { name => $name, max => $max, nn => $nn };
	}
	return \%m;
}

sub bare {
	my ($t) = @_;
	$t =~ s/^.*\.//;
	$t =~ s/^"(.*)"$/$1/;
	return $t;
}

# JSON leaves that app.rules rewrites (address.zip and "house no" are
# short digit strings and address.geo.lat a number: checked by SQL).
sub json_leaves {
	my ($doc) = @_;
	my $j = eval { JSON::PP->new->utf8->decode($doc) };
	if (!defined $j) {
		bad("original JSON does not parse: $@");
		return ();
	}
	my @l;
	return () if ref $j ne 'HASH';
	my $a = $j->{address};
	if (ref $a eq 'HASH') {
		push @l, $a->{street}, $a->{city};
	}
	if (ref $j->{items} eq 'ARRAY') {
		push @l, map { ref $_ eq 'HASH' ? $_->{email} : undef }
		    @{$j->{items}};
	}
	push @l, @{$j->{tags}} if ref $j->{tags} eq 'ARRAY';
	push @l, $j->{ssn};
	# As UTF-8 bytes, and also JSON-escaped as a document holds them.
	my $enc = JSON::PP->new->utf8->allow_nonref;
	my @out;
	for my $s (grep { defined && !ref } @l) {
		my $b = Encode::encode('UTF-8', $s);
		push @out, $b;
		my $e = $enc->encode($s);
		$e =~ s/^"(.*)"$/$1/s;
		push @out, $e if $e ne $b;
	}
	return @out;
}

sub cmd_patterns {
	my ($copyout, $rawout) = @_;
	my (%apply, %kept);
	while (my $l = <STDIN>) {
		chomp $l;
		my ($flag, $kind, $hex) = split /\t/, $l;
		my $v = unhex($hex);
		next if !defined $v;
		my @items;
		if ($kind eq 'value') {
			@items = ($v);
		} elsif ($kind eq 'ssn') {
			@items = ($v =~ /(\d{3}-\d{2}-\d{4})/g);
		} elsif ($kind eq 'json') {
			@items = json_leaves($v);
		} else {
			die "unknown kind $kind\n";
		}
		for (@items) {
			if ($flag) { $apply{$_} = 1 } else { $kept{$_} = 1 }
		}
	}
	open(my $c, '>', $copyout) or die "$copyout: $!\n";
	open(my $r, '>', $rawout) or die "$rawout: $!\n";
	binmode $c;
	binmode $r;
	for my $p (sort keys %apply) {
		next if exists $kept{$p} || chars($p) < 5;
		print $c copy_enc($p), "\n";
		print $r $p, "\n" if $p !~ /[\x00-\x1f\x7f'"\\]/;
	}
	close $c or die;
	close $r or die;
	finish();
}

sub cmd_shape {
	my ($metaf) = @_;
	my $meta = read_meta($metaf);
	while (my $l = <STDIN>) {
		$l =~ s/\n\z//;
		my @f = split /\t/, $l, -1;
		my $t = bare(shift @f);
		my $cols = $meta->{$t};
		if (!$cols) {
			bad("$t: a table the schema does not have");
			next;
		}
		if (@f != @$cols) {
			bad("$t: row with ", scalar @f, " fields, expected ",
			    scalar @$cols);
			next;
		}
		for my $i (0 .. $#f) {
			my $c = $cols->[$i];
			my $v = copy_dec($f[$i]);
			if (!defined $v) {
				bad("$t.$c->{name}: NULL in a NOT NULL column")
				    if $c->{nn};
				next;
			}
			next if $c->{max} < 0;
			my $n = chars($v);
			bad("$t.$c->{name}: $n characters, declared ",
			    "$c->{max}: $f[$i]") if $n > $c->{max};
		}
	}
	finish();
}

sub cmd_column {
	my ($metaf, $table, $col) = @_;
	my $meta = read_meta($metaf);
	my ($pid, $pc);
	my $cols = $meta->{$table} or die "no table $table\n";
	for my $i (0 .. $#$cols) {
		$pid = $i if $cols->[$i]{name} eq 'id';
		$pc = $i if $cols->[$i]{name} eq $col;
	}
	die "no column $table.$col\n" if !defined $pc || !defined $pid;
	while (my $l = <STDIN>) {
		$l =~ s/\n\z//;
		my @f = split /\t/, $l, -1;
		next if bare(shift @f) ne $table;
		print "$f[$pid]\t$f[$pc]\n";
	}
}

sub cmd_map {
	my ($tsv, $default) = @_;
	my %map;
	open(my $fh, '<', $tsv) or die "$tsv: $!\n";
	binmode $fh;
	while (<$fh>) {
		chomp;
		next if /^#/ || $_ eq '';
		my ($old, $new) = split /\t/, $_, 2;
		$map{copy_dec($old)} = copy_dec($new);
	}
	my $n = 0;
	while (my $l = <STDIN>) {
		chomp $l;
		my ($id, $ho, $hs) = split /\t/, $l;
		my ($o, $s) = (unhex($ho), unhex($hs));
		my $want = !defined $o ? undef
		    : exists $map{$o} ? $map{$o} : $default;
		my $ok = defined $want ? defined $s && $s eq $want : !defined $s;
		bad("id $id: '", $o // 'NULL', "' became '", $s // 'NULL',
		    "', expected '", $want // 'NULL', "'") if !$ok;
		$n++;
	}
	bad("no rows") if !$n;
	finish();
}

sub luhn {
	my ($d) = @_;
	my ($sum, $alt) = (0, 0);
	for my $c (reverse split //, $d) {
		my $x = $c;
		if ($alt) {
			$x *= 2;
			$x -= 9 if $x > 9;
		}
		$sum += $x;
		$alt = !$alt;
	}
	return $sum % 10 == 0;
}

sub cmd_card {
	my ($re) = @_;
	my ($n, $m) = (0, 0);
	while (my $l = <STDIN>) {
		chomp $l;
		my ($id, $ho, $hs) = split /\t/, $l;
		my ($o, $s) = (unhex($ho), unhex($hs));
		$n++;
		if (!defined $o) {
			bad("id $id: NULL became '$s'") if defined $s;
			next;
		}
		if ($o !~ /$re/) {
			bad("id $id: '$o' (no match) became '", $s // 'NULL',
			    "'") if !defined $s || $s ne $o;
			next;
		}
		$m++;
		if (!defined $s) {
			bad("id $id: '$o' became NULL");
			next;
		}
		(my $so = $o) =~ tr/0-9/9/;
		(my $ss = $s) =~ tr/0-9/9/;
		(my $d = $s) =~ tr/0-9//cd;
		bad("id $id: '$o' became '$s': not the same shape")
		    if $so ne $ss;
		bad("id $id: '$o' became '$s': not Luhn-valid") if !luhn($d);
		bad("id $id: '$o' kept") if $s eq $o;
	}
	bad("no rows") if !$n;
	bad("no row matched the condition") if !$m;
	finish();
}

sub cmd_report {
	my ($rep, $exp, $rows, $bin, $bout) = @_;
	my (%got, %tot, $sum);
	open(my $fh, '<', $rep) or die "$rep: $!\n";
	while (<$fh>) {
		chomp;
		my @f = split /\t/;
		if ($f[0] eq '# total') {
			bad("total line twice") if %tot;
			shift @f;
			%tot = @f;
			next;
		}
		next if /^#/ || $_ eq '';
		if (@f != 6 || grep { !/^[0-9]+$/ } @f[3 .. 5]) {
			bad("report line not table, column, action and 3 ",
			    "counts: $_");
			next;
		}
		my $k = bare($f[0]) . ".$f[1]";
		bad("$k listed twice") if exists $got{$k};
		$got{$k} = [@f[2 .. 5]];
		$sum += $f[4];
	}
	open($fh, '<', $exp) or die "$exp: $!\n";
	while (<$fh>) {
		chomp;
		my ($t, $c, $act, $n, $nulls, $always) = split /\t/;
		my $k = "$t.$c";
		my $g = $got{$k};
		if (!$g) {
			bad("$k ($act) not in the report");
			next;
		}
		my ($gact, $grows, $gch, $gnull) = @$g;
		bad("$k: action $gact, expected $act") if $gact ne $act;
		bad("$k: $grows rows, the table has $n") if $grows != $n;
		# "<=N": a column with a `when`; N NULLs in the whole table.
		my $le = $nulls =~ s/^<=//;
		bad("$k: $gnull nulls, the original has $nulls")
		    if $le ? $gnull > $nulls : $gnull != $nulls;
		bad("$k: $gch changed > rows - nulls = ", $n - $gnull)
		    if $gch > $n - $gnull;
		bad("$k: $gch changed, every non-NULL value does: ",
		    $n - $nulls) if $always && $gch != $n - $nulls;
	}
	if (!%tot) {
		bad("no '# total' line");
	} else {
		bad("total rows $tot{rows}, expected $rows")
		    if ($tot{rows} // -1) != $rows;
		bad("total values ", $tot{values} // 'missing',
		    ", the column lines add up to $sum")
		    if ($tot{values} // -1) != $sum;
		bad("bytes_in ", $tot{bytes_in} // 'missing',
		    ", the input has $bin") if ($tot{bytes_in} // -1) != $bin;
		bad("bytes_out ", $tot{bytes_out} // 'missing',
		    ", the output has $bout")
		    if ($tot{bytes_out} // -1) != $bout;
		bad("seconds '", $tot{seconds} // 'missing', "'")
		    if ($tot{seconds} // '') !~ /^[0-9]+(\.[0-9]+)?$/;
	}
	finish();
}

my $cmd = shift @ARGV // '';
if ($cmd eq 'patterns') { cmd_patterns(@ARGV) }
elsif ($cmd eq 'shape') { cmd_shape(@ARGV) }
elsif ($cmd eq 'column') { cmd_column(@ARGV) }
elsif ($cmd eq 'map') { cmd_map(@ARGV) }
elsif ($cmd eq 'card') { cmd_card(@ARGV) }
elsif ($cmd eq 'report') { cmd_report(@ARGV) }
else { die "usage: check.pl patterns|shape|column|map|card|report ...\n" }
