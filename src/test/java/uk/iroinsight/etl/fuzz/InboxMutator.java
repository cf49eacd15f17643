package uk.iroinsight.etl.fuzz;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import uk.iroinsight.etl.csv.CsvFile;
import uk.iroinsight.etl.csv.CsvRow;
import uk.iroinsight.etl.WarehouseContents;
import uk.iroinsight.etl.csv.UnreadableFileException;
import uk.iroinsight.etl.validation.ReturnValidator;

/**
 * Damages one LA-year folder of an inbox in place ({@link Damage}), deterministically for a
 * given {@link Random}, and says which children the damage touched: the oracle expects every
 * other child of the LA-year to load exactly as before.
 *
 * <p>Files are parsed, changed as records and written back (so the oracle knows which rows and
 * children each change reaches), or changed as bytes after writing (truncation, random bytes),
 * where every row from the first damaged byte on counts as touched.
 */
final class InboxMutator {

    private static final List<String> LA_YEAR_FILES = List.of("header.csv", "episodes.csv", "reviews.csv", "uasc.csv",
            "disputes.csv", "workforce.csv");
    private static final Path LAYOUTS = Path.of("etl", "layouts");

    /**
     * What one damage did: the LA-year folder it changed, the file (or "" for the folder), the
     * raw CHILD values it touched (before and after the change), whether it touched every child
     * of the LA-year, and a line for the test's name.
     */
    record Mutation(Damage damage, String laCode, int year, String file, Set<String> touchedChildren, boolean touchedAll,
            String detail) {

        String folder() {
            return laCode + "/" + year;
        }

        @Override
        public String toString() {
            return damage + " on " + folder() + (file.isEmpty() ? "" : "/" + file) + ": " + detail;
        }
    }

    /** A file as the mutator changes it: header names and rows of fields. */
    private static final class Table {
        final List<String> header;
        final List<String[]> rows;

        Table(List<String> header, List<String[]> rows) {
            this.header = header;
            this.rows = rows;
        }

        int column(String name) {
            return header.indexOf(name);
        }

        String child(int row) {
            int child = column("CHILD");
            return child < 0 || row >= rows.size() ? null : rows.get(row)[child];
        }
    }

    /** How a table is written back: line end, byte-order mark, quoting, delimiter, blank lines. */
    private record Style(String lineEnd, boolean bom, boolean quoteAll, char delimiter, boolean blankLines, Charset charset) {
        static final Style PLAIN = new Style("\n", false, false, ',', false, StandardCharsets.UTF_8);
    }

    private final Path inbox;
    private final Random random;

    InboxMutator(Path inbox, Random random) {
        this.inbox = inbox;
        this.random = random;
    }

    Mutation apply(Damage damage) {
        try {
            return switch (damage) {
                case EMPTY_FILE -> onFile(damage, this::anyFile, (file, table) -> {
                    Files.write(file, new byte[0]);
                    return all("0 bytes");
                });
                case EVERY_FILE_EMPTY -> everyFileEmpty(damage);
                case UTF16_WITH_BOM -> onFile(damage, this::anyFile, (file, table) -> {
                    write(file, table, new Style("\r\n", false, false, ',', false, random.nextBoolean() ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE), true);
                    return all("UTF-16 with BOM");
                });
                case UTF16_WITHOUT_BOM -> onFile(damage, this::anyFile, (file, table) -> {
                    write(file, table, new Style("\r\n", false, false, ',', false, StandardCharsets.UTF_16LE), false);
                    return all("UTF-16LE, no BOM");
                });
                case LATIN1_ACCENTS -> onFile(damage, this::anyFile, (file, table) -> {
                    int row = random.nextInt(table.rows.size());
                    int column = random.nextInt(table.header.size());
                    table.rows.get(row)[column] = pick("Café £12", "naïve Zoë", "£", "Ångström", "Bjørn Ó Dálaigh");
                    write(file, table, new Style("\n", false, false, ',', false, StandardCharsets.ISO_8859_1), false);
                    return all("Latin-1, accented value in row " + (row + 1) + " " + table.header.get(column));
                });
                case DIRECTORY_FOR_FILE -> onFile(damage, this::anyFile, (file, table) -> {
                    Files.delete(file);
                    Files.createDirectory(file);
                    Files.writeString(file.resolve("inside.csv"), "CHILD\n1\n");
                    return all("a directory");
                });
                case SYMLINK_LOOP -> onFile(damage, this::anyFile, (file, table) -> {
                    Files.delete(file);
                    Files.createSymbolicLink(file, file.getFileName());
                    return all("a link to itself");
                });
                case SPARSE_2GB -> onFile(damage, this::anyFile, (file, table) -> {
                    Files.delete(file);
                    try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
                        sparse.write(String.join(",", table.header).getBytes(StandardCharsets.UTF_8));
                        sparse.setLength(2L * 1024 * 1024 * 1024 + 17);
                    }
                    return all("2 GiB + 17 bytes, sparse");
                });
                case DUPLICATED_COLUMN -> onFile(damage, this::anyFile, (file, table) -> {
                    int column = random.nextInt(table.header.size());
                    table.header.add(table.header.get(column));
                    table.rows.replaceAll(fields -> append(fields, fields[column]));
                    write(file, table, Style.PLAIN, false);
                    return all(table.header.get(column) + " twice");
                });
                case MISSING_REQUIRED_COLUMN -> onFile(damage, this::anyFile, (file, table) -> {
                    List<String> required = layout(file.getFileName().toString(), "Y", null);
                    String name = required.get(random.nextInt(required.size()));
                    int column = table.column(name);
                    table.header.remove(column);
                    table.rows.replaceAll(fields -> remove(fields, column));
                    write(file, table, Style.PLAIN, false);
                    return all("no " + name);
                });
                case MISSING_REQUIRED_FILE -> onFile(damage, () -> pickFrom(ReturnValidator.REQUIRED_FILES), (file, table) -> {
                    Files.delete(file);
                    return all("deleted");
                });
                case UNTERMINATED_QUOTE -> onFile(damage, this::anyFile, (file, table) -> {
                    write(file, table, Style.PLAIN, false);
                    String text = Files.readString(file).stripTrailing();
                    int lastComma = text.lastIndexOf(',');
                    int lastLine = text.lastIndexOf('\n');
                    int at = Math.max(lastComma, lastLine) + 1;
                    Files.writeString(file, text.substring(0, at) + "\"" + text.substring(at) + "\n");
                    return all("a quote opened in the last field");
                });
                case SEMICOLONS -> onFile(damage, this::anyFile, (file, table) -> {
                    write(file, table, new Style("\n", false, false, ';', false, StandardCharsets.UTF_8), false);
                    return all("';' between fields");
                });
                case YEAR_FOLDER_LOOP -> yearFolderLoop(damage);
                case TRUNCATED -> onFile(damage, this::anyFile, (file, table) -> {
                    List<Integer> starts = write(file, table, Style.PLAIN, false);
                    byte[] bytes = Files.readAllBytes(file);
                    int cut = 1 + random.nextInt(bytes.length - 1);
                    Files.write(file, Arrays.copyOf(bytes, cut));
                    return fromRow(table, rowAt(starts, cut), file, "cut at byte " + cut + " of " + bytes.length);
                });
                case RANDOM_BYTES -> onFile(damage, this::anyFile, (file, table) -> {
                    List<Integer> starts = write(file, table, Style.PLAIN, false);
                    byte[] bytes = Files.readAllBytes(file);
                    int count = 1 + random.nextInt(8);
                    int first = Integer.MAX_VALUE;
                    boolean printable = random.nextBoolean(); // half the time text-like bytes, which survive the UTF-8 check
                    for (int i = 0; i < count; i++) {
                        int at = random.nextInt(bytes.length);
                        bytes[at] = (byte) (printable ? 32 + random.nextInt(95) : random.nextInt(256));
                        first = Math.min(first, at);
                    }
                    Files.write(file, bytes);
                    return fromRow(table, rowAt(starts, first), file, count + (printable ? " printable" : "") + " bytes from byte " + first);
                });
                case HEADER_NAMES_SWAPPED -> onFile(damage, this::anyFile, (file, table) -> {
                    int a = random.nextInt(table.header.size());
                    int b = (a + 1 + random.nextInt(table.header.size() - 1)) % table.header.size();
                    Collections.swap(table.header, a, b);
                    write(file, table, Style.PLAIN, false);
                    return all(table.header.get(b) + " and " + table.header.get(a) + " swapped in the header");
                });
                case EMBEDDED_NEWLINES -> onFile(damage, this::anyFile, (file, table) -> {
                    Set<String> touched = new LinkedHashSet<>();
                    int changes = 1 + random.nextInt(3);
                    for (int i = 0; i < changes; i++) {
                        int row = random.nextInt(table.rows.size());
                        int column = random.nextInt(table.header.size());
                        touchRow(table, row, touched);
                        String[] fields = table.rows.get(row);
                        fields[column] = fields[column] + pick("\n", "\r\n", "\n\n") + pick("", "x", "\"quoted\"", ",");
                        touchRow(table, row, touched);
                    }
                    write(file, table, Style.PLAIN, false);
                    return some(touched, changes + " values with line breaks");
                });
                case LONG_FIELD -> onFile(damage, this::anyFile, (file, table) -> {
                    int row = random.nextInt(table.rows.size());
                    int column = random.nextInt(table.header.size());
                    Set<String> touched = new LinkedHashSet<>();
                    touchRow(table, row, touched);
                    String[] fields = table.rows.get(row);
                    fields[column] = (fields[column].isEmpty() ? "X" : fields[column]).repeat(10_000).substring(0, 10_000);
                    touchRow(table, row, touched);
                    write(file, table, Style.PLAIN, false);
                    return some(touched, "row " + (row + 1) + " " + table.header.get(column) + " 10,000 characters");
                });
                case CHILD_FROM_OTHER_LA -> childFromOtherLa(damage);
                case IMPOSSIBLE_DATE -> onFile(damage, () -> anyFileWith("date"), (file, table) -> setDate(file, table,
                        pick("31/02/", "30/02/", "31/04/", "00/01/", "32/12/", "15/13/") + (2000 + random.nextInt(30))));
                case EXTREME_DATE -> onFile(damage, () -> anyFileWith("date"), (file, table) -> setDate(file, table,
                        pick("01/01/0001", "31/12/9999", "29/02/2000", "01/01/1900")));
                case CODE_FROM_ANOTHER_YEAR -> onFile(damage, () -> "episodes.csv", (file, table) -> {
                    int row = random.nextInt(table.rows.size());
                    int year = yearOf(file);
                    // K3 is valid from 2025 (2024-25 returns); H5 and P2 until 2025; Z11 from 2026.
                    String code = year < 2025 ? pick("K3", "Z11") : year >= 2026 ? pick("H5", "P2", "Z1") : "Z11";
                    table.rows.get(row)[table.column("PLACE")] = code;
                    write(file, table, Style.PLAIN, false);
                    return some(touchRow(table, row, new LinkedHashSet<>()), "row " + (row + 1) + " PLACE " + code);
                });
                case DUPLICATED_ROW -> onFile(damage, () -> pickFrom(List.of("header.csv", "episodes.csv", "reviews.csv")), (file, table) -> {
                    int row = random.nextInt(table.rows.size());
                    table.rows.add(row + 1, table.rows.get(row).clone());
                    write(file, table, Style.PLAIN, false);
                    return some(touchRow(table, row, new LinkedHashSet<>()), "row " + (row + 1) + " twice");
                });
                case COLUMNS_REORDERED -> onFile(damage, this::anyFile, (file, table) -> {
                    List<Integer> order = new ArrayList<>();
                    for (int i = 0; i < table.header.size(); i++) {
                        order.add(i);
                    }
                    Collections.shuffle(order, random);
                    List<String> header = order.stream().map(table.header::get).toList();
                    table.rows.replaceAll(fields -> order.stream().map(i -> fields[i]).toArray(String[]::new));
                    table.header.clear();
                    table.header.addAll(header);
                    write(file, table, Style.PLAIN, false);
                    return none(String.join(",", header));
                });
                case EVERY_FIELD_QUOTED -> onFile(damage, this::anyFile, (file, table) -> {
                    write(file, table, new Style("\n", false, true, ',', false, StandardCharsets.UTF_8), false);
                    return none("quoted");
                });
                case CRLF_AND_BOM -> onFile(damage, this::anyFile, (file, table) -> {
                    write(file, table, new Style("\r\n", true, false, ',', false, StandardCharsets.UTF_8), false);
                    return none("CRLF, BOM");
                });
                case LOWER_CASE_HEADER -> onFile(damage, this::anyFile, (file, table) -> {
                    table.header.replaceAll(name -> pick(" ", "", "\t") + name.toLowerCase(Locale.ROOT) + pick(" ", ""));
                    write(file, table, Style.PLAIN, false);
                    return none(String.join(",", table.header));
                });
                case EXTRA_COLUMN -> onFile(damage, this::anyFile, (file, table) -> {
                    int at = random.nextInt(table.header.size() + 1);
                    table.header.add(at, pick("NOTES", "SOURCE_SYSTEM", "oc2_flag"));
                    table.rows.replaceAll(fields -> insert(fields, at, pick("", "free text, with a comma", "\"quoted\"", "12")));
                    write(file, table, Style.PLAIN, false);
                    return none("column " + table.header.get(at) + " at " + at);
                });
                case BLANK_LINES -> onFile(damage, this::anyFile, (file, table) -> {
                    write(file, table, new Style("\n", false, false, ',', true, StandardCharsets.UTF_8), false);
                    return none("blank lines");
                });
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ choosing a target

    private Path target;   // the LA-year folder being damaged
    private String laCode;
    private int year;

    private void chooseLaYear() throws IOException {
        List<Path> folders;
        try (Stream<Path> paths = Files.list(inbox)) {
            folders = paths.sorted().flatMap(la -> {
                try (Stream<Path> years = Files.list(la)) {
                    return years.sorted().toList().stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        }
        target = folders.get(random.nextInt(folders.size()));
        laCode = target.getParent().getFileName().toString();
        year = Integer.parseInt(target.getFileName().toString());
    }

    private String anyFile() throws IOException {
        return pickFrom(presentFiles());
    }

    private String anyFileWith(String type) throws IOException {
        List<String> files = presentFiles().stream().filter(f -> !layout(f, null, type).isEmpty()).toList();
        return pickFrom(files);
    }

    /** The LA-year's files that hold at least one row. */
    private List<String> presentFiles() {
        return LA_YEAR_FILES.stream().filter(f -> Files.isRegularFile(target.resolve(f))).filter(f -> {
            try {
                return !read(target.resolve(f)).rows.isEmpty();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).toList();
    }

    private interface FileChange {
        Mutation change(Path file, Table table) throws IOException;
    }

    private interface FileChoice {
        String choose() throws IOException;
    }

    /** Chooses the LA-year first (the file depends on it), then the file, then changes it. */
    private Mutation onFile(Damage damage, FileChoice choice, FileChange change) throws IOException {
        // An LA-year whose chosen file has no rows (a small authority's year) cannot take most
        // damages: choose again.
        for (int attempt = 0; ; attempt++) {
            start(damage, "");
            file = presentFiles().isEmpty() ? null : choice.choose();
            if (file != null && Files.isRegularFile(target.resolve(file))) {
                Table table = read(target.resolve(file));
                if (!table.rows.isEmpty() || attempt >= 50) {
                    return change.change(target.resolve(file), table);
                }
            }
        }
    }

    // ------------------------------------------------------------------ results

    private Damage damage;
    private String file;

    private Mutation all(String detail) {
        return new Mutation(damage, laCode, year, file, Set.of(), true, detail);
    }

    private Mutation none(String detail) {
        return new Mutation(damage, laCode, year, file, Set.of(), false, detail);
    }

    private Mutation some(Set<String> touched, String detail) {
        return new Mutation(damage, laCode, year, file, Set.copyOf(touched), false, detail);
    }

    /** Every row from {@code row} on touched: its CHILD before the damage and, where the damaged file still parses, after. */
    private Mutation fromRow(Table table, int row, Path path, String detail) {
        if (row < 0 || table.column("CHILD") < 0) {
            return all(detail);
        }
        Set<String> touched = new LinkedHashSet<>();
        for (int r = row; r < table.rows.size(); r++) {
            touched.add(table.child(r));
        }
        try {
            CsvFile damaged = CsvFile.read(path);
            int child = damaged.position("CHILD").orElse(-1);
            if (child < 0) {
                return all(detail);
            }
            List<CsvRow> rows = damaged.rows();
            for (int r = Math.max(0, row - 1); r < rows.size(); r++) {
                String[] fields = rows.get(r).fields();
                if (child < fields.length) {
                    touched.add(fields[child]);
                }
            }
        } catch (UnreadableFileException e) {
            // the loader will refuse the file: nothing loads from it
        }
        return some(touched, detail);
    }

    private static Set<String> touchRow(Table table, int row, Set<String> touched) {
        String child = table.child(row);
        if (child != null) {
            touched.add(child);
        }
        return touched;
    }

    // ------------------------------------------------------------------ damages with more than one file

    private Mutation everyFileEmpty(Damage damage) throws IOException {
        start(damage, "");
        for (String name : presentFiles()) {
            Files.write(target.resolve(name), new byte[0]);
        }
        return all("every file 0 bytes");
    }

    private Mutation yearFolderLoop(Damage damage) throws IOException {
        start(damage, "");
        WarehouseContents.deleteTree(target);
        Files.createSymbolicLink(target, target.getFileName());
        return all("a link to itself");
    }

    private Mutation childFromOtherLa(Damage damage) throws IOException {
        start(damage, "");
        List<Path> others;
        try (Stream<Path> las = Files.list(inbox)) {
            others = las.filter(la -> !la.getFileName().toString().equals(laCode))
                    .map(la -> la.resolve(String.valueOf(year)))
                    .filter(Files::isDirectory)
                    .sorted()
                    .toList();
        }
        if (others.isEmpty()) {
            return none("no other authority has " + year);
        }
        Path other = others.get(random.nextInt(others.size()));
        Table otherHeader = read(other.resolve("header.csv"));
        if (otherHeader.rows.isEmpty()) {
            return none(other + " has no children");
        }
        String child = otherHeader.child(random.nextInt(otherHeader.rows.size()));
        for (String name : List.of("header.csv", "episodes.csv", "reviews.csv", "uasc.csv")) {
            Path from = other.resolve(name);
            Path to = target.resolve(name);
            if (!Files.isRegularFile(from) || !Files.isRegularFile(to)) {
                continue;
            }
            Table source = read(from);
            Table destination = read(to);
            for (String[] fields : source.rows) {
                if (fields[source.column("CHILD")].equals(child)) {
                    String[] copied = new String[destination.header.size()];
                    for (int c = 0; c < copied.length; c++) {
                        int at = source.column(destination.header.get(c));
                        copied[c] = at < 0 ? "" : fields[at];
                    }
                    destination.rows.add(random.nextInt(destination.rows.size() + 1), copied);
                }
            }
            write(to, destination, Style.PLAIN, false);
        }
        return some(Set.of(child), "child " + child.length() + " chars from " + other.getParent().getFileName());
    }

    private void start(Damage damage, String file) throws IOException {
        this.damage = damage;
        this.file = file;
        chooseLaYear();
    }

    // ------------------------------------------------------------------ date changes

    private Mutation setDate(Path path, Table table, String value) throws IOException {
        List<String> dates = layout(path.getFileName().toString(), null, "date");
        String column = dates.get(random.nextInt(dates.size()));
        int row = random.nextInt(table.rows.size());
        table.rows.get(row)[table.column(column)] = value;
        write(path, table, Style.PLAIN, false);
        return some(touchRow(table, row, new LinkedHashSet<>()), "row " + (row + 1) + " " + column + " " + value);
    }

    private static int yearOf(Path file) {
        return Integer.parseInt(file.getParent().getFileName().toString());
    }

    // ------------------------------------------------------------------ reading and writing

    private static Table read(Path path) throws IOException {
        try {
            CsvFile csv = CsvFile.read(path);
            List<String[]> rows = new ArrayList<>();
            for (CsvRow row : csv.rows()) {
                String[] fields = Arrays.copyOf(row.fields(), csv.columns().size());
                for (int i = 0; i < fields.length; i++) {
                    if (fields[i] == null) {
                        fields[i] = "";
                    }
                }
                rows.add(fields);
            }
            return new Table(new ArrayList<>(csv.columns()), rows);
        } catch (UnreadableFileException e) {
            throw new IOException("the fuzzer's base inbox must be valid: " + e.getMessage(), e);
        }
    }

    /** Writes the table; returns the byte offset at which each row starts (for byte-level damage). */
    private static List<Integer> write(Path path, Table table, Style style, boolean charsetBom) throws IOException {
        StringBuilder text = new StringBuilder();
        List<Integer> starts = new ArrayList<>();
        if (style.bom()) {
            text.append('\uFEFF');
        }
        line(text, table.header.toArray(String[]::new), style);
        for (String[] fields : table.rows) {
            if (style.blankLines()) {
                text.append(style.lineEnd());
            }
            starts.add(text.toString().getBytes(style.charset()).length);
            line(text, fields, style);
        }
        if (style.blankLines()) {
            text.append(style.lineEnd()).append("   ").append(style.lineEnd());
        }
        byte[] bytes = text.toString().getBytes(style.charset());
        if (charsetBom) {
            byte[] bom = style.charset().equals(StandardCharsets.UTF_16BE) ? new byte[] {(byte) 0xFE, (byte) 0xFF}
                    : new byte[] {(byte) 0xFF, (byte) 0xFE};
            byte[] withBom = new byte[bytes.length + 2];
            System.arraycopy(bom, 0, withBom, 0, 2);
            System.arraycopy(bytes, 0, withBom, 2, bytes.length);
            bytes = withBom;
        }
        Files.write(path, bytes);
        return starts;
    }

    private static void line(StringBuilder text, String[] fields, Style style) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                text.append(style.delimiter());
            }
            String value = fields[i];
            boolean quote = style.quoteAll() || value.indexOf(style.delimiter()) >= 0 || value.indexOf('"') >= 0
                    || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
            text.append(quote ? '"' + value.replace("\"", "\"\"") + '"' : value);
        }
        text.append(style.lineEnd());
    }

    /** The row whose bytes hold {@code offset}: -1 for the header. */
    private static int rowAt(List<Integer> starts, int offset) {
        int row = -1;
        for (int i = 0; i < starts.size() && starts.get(i) <= offset; i++) {
            row = i;
        }
        return row;
    }

    /** Column names of a file's layout, filtered by required (Y/N) and type (null: any). */
    private static List<String> layout(String fileName, String required, String type) {
        try {
            CsvFile layout = CsvFile.read(LAYOUTS.resolve(fileName));
            int name = layout.position("COLUMN").orElseThrow();
            int req = layout.position("REQUIRED").orElseThrow();
            int kind = layout.position("TYPE").orElseThrow();
            return layout.rows().stream()
                    .map(CsvRow::fields)
                    .filter(f -> required == null || f[req].equals(required))
                    .filter(f -> type == null || f[kind].equals(type))
                    .map(f -> f[name])
                    .toList();
        } catch (UnreadableFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private String pick(String... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private String pickFrom(List<String> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    private static String[] append(String[] fields, String value) {
        String[] longer = Arrays.copyOf(fields, fields.length + 1);
        longer[fields.length] = value;
        return longer;
    }

    private static String[] insert(String[] fields, int at, String value) {
        List<String> list = new ArrayList<>(Arrays.asList(fields));
        list.add(at, value);
        return list.toArray(String[]::new);
    }

    private static String[] remove(String[] fields, int at) {
        List<String> list = new ArrayList<>(Arrays.asList(fields));
        list.remove(at);
        return list.toArray(String[]::new);
    }
}
