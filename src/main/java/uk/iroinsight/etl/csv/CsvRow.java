package uk.iroinsight.etl.csv;

/** One record of a CSV file: the line it starts on (1-based, the header is line 1 or later) and its fields. */
public record CsvRow(int line, String[] fields) {
}
