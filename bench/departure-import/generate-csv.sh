#!/usr/bin/env bash
# Writes a CSV of N departures (default 100000) in the import format to standard output:
# all POLITIE (the import of one organisation's HR system), two functions each from the seeded catalogue.
# Personnel numbers are PREFIX (default H) and the row's number: another prefix gives other people.
N=${1:-100000}
PREFIX=${2:-H}
awk -v n="$N" -v prefix="$PREFIX" 'BEGIN {
  srand(42);
  split("Anna Bram Cor Daan Eva Femke Gijs Hanna Iris Jan Karin Lars Maaike Niels Olga Pieter Roos Sanne Tom Wouter", first, " ");
  split("Jansen|de Vries|van den Berg|Bakker|Visser|Smit|Meijer|de Boer|Mulder|de Groot|Bos|Vos|Peters|Hendriks|Dekker", last, "|");
  split("REC-TAC REC-DIG REC-FIN INT-CIE ICT-BEH ICT-ARC OPS-AGT OPS-ME LEI-TC BED-INK BED-HRM BED-ADM", pol, " ");
  split("GRS-BEW GRS-IDF REC-MAR INT-TCI ICT-SPC OPS-BSB OPS-BWB LEI-DCT BED-STF", kmar, " ");
  split("VOLUNTARY RETIREMENT REORGANISATION END_OF_CONTRACT DISCIPLINARY_DISMISSAL OTHER_DISMISSAL", reason, " ");
  print "organisation,personnelNumber,fullName,email,unit,departureDate,departureReason,functions";
  for (i = 1; i <= n; i++) {
    org = "POLITIE";
    f1 = (org == "KMAR") ? kmar[1 + int(rand() * 9)] : pol[1 + int(rand() * 12)];
    f2 = (org == "KMAR") ? kmar[1 + int(rand() * 9)] : pol[1 + int(rand() * 12)];
    y = 2020 + int(rand() * 7); m = 1 + int(rand() * 12); d = 1 + int(rand() * 28);
    printf "%s,%s%07d,\"%s %s\",%s%07d@example.nl,Eenheid %d,%04d-%02d-%02d,%s,%s:2012-01-01:2017-12-31;%s:2018-01-01:\n",
      org, prefix, i, first[1 + int(rand() * 20)], last[1 + int(rand() * 15)], tolower(prefix), i, i % 40, y, m, d, reason[1 + int(rand() * 6)], f1, f2;
  }
}'
