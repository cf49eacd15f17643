package uk.iroinsight.etl.fuzz;

/**
 * The ways {@link InboxMutator} damages one LA-year of a valid inbox, each with what the loader
 * must make of it ({@link Expect}). Issue 8's list, plus harmless variations a loader must take
 * as the same return.
 */
enum Damage {

    // ---- the file cannot be read as a table: the LA-year keeps its previous data
    EMPTY_FILE(Expect.UNREADABLE, "a file of 0 bytes"),
    EVERY_FILE_EMPTY(Expect.UNREADABLE, "every file of the LA-year 0 bytes"),
    UTF16_WITH_BOM(Expect.UNREADABLE, "saved as UTF-16 with a byte-order mark"),
    UTF16_WITHOUT_BOM(Expect.UNREADABLE, "saved as UTF-16 without a byte-order mark"),
    LATIN1_ACCENTS(Expect.UNREADABLE, "Latin-1 text with £ and accents"),
    DIRECTORY_FOR_FILE(Expect.UNREADABLE, "a directory where a file should be"),
    SYMLINK_LOOP(Expect.UNREADABLE, "the file is a symbolic link to itself"),
    SPARSE_2GB(Expect.UNREADABLE, "a 2 GB sparse file"),
    DUPLICATED_COLUMN(Expect.UNREADABLE, "a column named twice in the header"),
    MISSING_REQUIRED_COLUMN(Expect.UNREADABLE, "a required column removed"),
    MISSING_REQUIRED_FILE(Expect.UNREADABLE, "a required file deleted"),
    UNTERMINATED_QUOTE(Expect.UNREADABLE, "a quote opened and never closed"),
    SEMICOLONS(Expect.UNREADABLE, "separated by semicolons"),
    YEAR_FOLDER_LOOP(Expect.FOLDER_REFUSED, "the year folder is a symbolic link to itself"),

    // ---- the file may or may not still be a table: either outcome is fine, never half of one
    TRUNCATED(Expect.EITHER, "cut short at a random byte"),
    RANDOM_BYTES(Expect.EITHER, "random bytes written over the file"),
    HEADER_NAMES_SWAPPED(Expect.EITHER, "two header names swapped, the values not"),
    EMBEDDED_NEWLINES(Expect.EITHER, "quoted values holding line breaks"),
    LONG_FIELD(Expect.EITHER, "a 10,000-character value"),
    CHILD_FROM_OTHER_LA(Expect.EITHER, "a child of another authority's folder copied in"),

    // ---- rows are wrong: the rest of the LA-year loads, the reject report names the file
    IMPOSSIBLE_DATE(Expect.REJECTS, "an impossible date (31/02, 29/02 of a common year, 00/01, 32/12)"),
    EXTREME_DATE(Expect.EITHER, "a date in year 0001 or 9999"),
    CODE_FROM_ANOTHER_YEAR(Expect.REJECTS, "a placement code valid only in another year"),
    DUPLICATED_ROW(Expect.REJECTS, "a row repeated"),

    // ---- the same return written differently: the same data
    COLUMNS_REORDERED(Expect.SAME, "columns in another order"),
    EVERY_FIELD_QUOTED(Expect.SAME, "every field quoted"),
    CRLF_AND_BOM(Expect.SAME, "CRLF line ends and a UTF-8 byte-order mark"),
    LOWER_CASE_HEADER(Expect.SAME, "column names in lower case with spaces around"),
    EXTRA_COLUMN(Expect.SAME, "an extra column the loader does not use"),
    BLANK_LINES(Expect.SAME, "blank lines between and after the rows");

    /** What the loader must make of a damaged LA-year. */
    enum Expect {
        /** The run reports the file as failed and the LA-year keeps its previous data exactly. */
        UNREADABLE,
        /** The run reports the folder as refused; the LA-year keeps its previous data exactly. */
        FOLDER_REFUSED,
        /** Either UNREADABLE, or the LA-year loads and every child the damage did not touch is as before. */
        EITHER,
        /** The LA-year loads, every child the damage did not touch is as before, and a reject names the file. */
        REJECTS,
        /** The LA-year loads exactly the same data as before. */
        SAME
    }

    final Expect expect;
    final String description;

    Damage(Expect expect, String description) {
        this.expect = expect;
        this.description = description;
    }
}
