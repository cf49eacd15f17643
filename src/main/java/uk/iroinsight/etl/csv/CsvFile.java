package uk.iroinsight.etl.csv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A CSV file with a header row, read whole (an LA-year's file is a few MB at most).
 *
 * <p>Accepts what other 903 tools produce: a UTF-8 byte-order mark, CRLF or LF line ends,
 * quoted fields with embedded commas, quotes and newlines, extra columns, any column order,
 * column names in any case, blank lines (ignored). Refuses, with a one-line reason, what is
 * not a CSV table: 0 bytes, binary content, text that is not UTF-8, no header row, another
 * delimiter, a column named twice, an unterminated quote.
 */
public final class CsvFile {

    /** Files larger than this are refused rather than read into memory. */
    public static final long MAX_BYTES = 512L * 1024 * 1024;

    private final Path path;
    private final List<String> columns;
    private final Map<String, Integer> index;
    private final List<CsvRow> rows;

    private CsvFile(Path path, List<String> columns, List<CsvRow> rows) {
        this.path = path;
        this.columns = columns;
        this.rows = rows;
        this.index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.put(columns.get(i), i);
        }
    }

    public static CsvFile read(Path path) throws UnreadableFileException {
        return parseBytes(path, readBytes(path));
    }

    /**
     * A file's bytes, refusing what is not a regular file (a folder, a link that loops or leads
     * nowhere) or is larger than {@link #MAX_BYTES} without reading it.
     */
    public static byte[] readBytes(Path path) throws UnreadableFileException {
        try {
            if (!Files.isRegularFile(path)) {
                throw new UnreadableFileException(path, Files.isDirectory(path) ? "is a folder, not a file"
                        : "is not a regular file (a link that loops or leads nowhere?)");
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw new UnreadableFileException(path, "is " + size / (1024 * 1024) + " MB, more than the "
                        + MAX_BYTES / (1024 * 1024) + " MB a return file can be");
            }
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UnreadableFileException(path, "cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
    }

    /** Parses bytes already in memory; {@code path} names them in messages. */
    public static CsvFile parseBytes(Path path, byte[] bytes) throws UnreadableFileException {
        if (bytes.length == 0) {
            throw new UnreadableFileException(path, "is empty (0 bytes)");
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE) || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new UnreadableFileException(path, "is UTF-16 text; save it as UTF-8 CSV");
        }
        for (int i = 0; i < Math.min(bytes.length, 65536); i++) {
            if (bytes[i] == 0) {
                throw new UnreadableFileException(path, "holds binary data (a NUL byte at offset " + i + "), not CSV text");
            }
        }
        String text = decodeUtf8(path, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<CsvRow> records = new Parser(path, text).records();
        if (records.isEmpty()) {
            throw new UnreadableFileException(path, "has no header row (the file is blank)");
        }
        CsvRow headerRow = records.get(0);
        List<String> columns = new ArrayList<>();
        for (String name : headerRow.fields()) {
            columns.add(normaliseColumn(name));
        }
        for (int i = 0; i < columns.size(); i++) {
            if (!columns.get(i).isEmpty() && columns.indexOf(columns.get(i)) != i) {
                throw new UnreadableFileException(path, "names column " + columns.get(i) + " twice in its header (line " + headerRow.line() + ")");
            }
        }
        return new CsvFile(path, List.copyOf(columns), List.copyOf(records.subList(1, records.size())));
    }

    private static String decodeUtf8(Path path, byte[] bytes) throws UnreadableFileException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (MalformedInputException e) {
            int line = lineOfOffset(bytes, firstMalformedOffset(bytes));
            throw new UnreadableFileException(path, "is not UTF-8 text (first bad byte on line " + line
                    + "; Latin-1 or Windows-1252? save it as UTF-8 CSV)");
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException(path, "is not UTF-8 text");
        }
    }

    private static int firstMalformedOffset(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    private static int lineOfOffset(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Column names compare trimmed and upper case; quotes and stray BOMs are dropped. */
    public static String normaliseColumn(String name) {
        return name.replace("\uFEFF", "").strip().toUpperCase(Locale.ROOT);
    }

    public Path path() {
        return path;
    }

    public String fileName() {
        return path.getFileName().toString();
    }

    public List<String> columns() {
        return columns;
    }

    public List<CsvRow> rows() {
        return rows;
    }

    public boolean hasColumn(String column) {
        return index.containsKey(column);
    }

    /** The column's position, if the header has it. */
    public Optional<Integer> position(String column) {
        return Optional.ofNullable(index.get(column));
    }

    /** A guess at the delimiter when the header is one field holding ';', tab or '|'. */
    public Optional<Character> suspectedDelimiter() {
        if (columns.size() != 1) {
            return Optional.empty();
        }
        String only = columns.get(0);
        for (char c : new char[] {';', '\t', '|'}) {
            if (only.indexOf(c) >= 0) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** RFC 4180 with lenient line ends; records that are entirely blank are skipped. */
    private static final class Parser {
        private final Path path;
        private final String text;
        private int pos;
        private int line = 1;

        Parser(Path path, String text) {
            this.path = path;
            this.text = text;
        }

        List<CsvRow> records() throws UnreadableFileException {
            List<CsvRow> records = new ArrayList<>();
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int n = text.length();
            while (pos < n) {
                int recordLine = line;
                fields.clear();
                boolean endOfRecord = false;
                while (!endOfRecord) {
                    field.setLength(0);
                    if (pos < n && text.charAt(pos) == '"') {
                        int quoteLine = line;
                        pos++;
                        while (true) {
                            if (pos >= n) {
                                throw new UnreadableFileException(path, "has a quote opened on line " + quoteLine + " that is never closed");
                            }
                            char c = text.charAt(pos++);
                            if (c == '"') {
                                if (pos < n && text.charAt(pos) == '"') {
                                    field.append('"');
                                    pos++;
                                } else {
                                    break;
                                }
                            } else {
                                if (c == '\n') {
                                    line++;
                                }
                                field.append(c);
                            }
                        }
                        // Anything between the closing quote and the delimiter is kept as text.
                        while (pos < n && text.charAt(pos) != ',' && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
                            field.append(text.charAt(pos++));
                        }
                    } else {
                        while (pos < n) {
                            char c = text.charAt(pos);
                            if (c == ',' || c == '\n' || c == '\r') {
                                break;
                            }
                            field.append(c);
                            pos++;
                        }
                    }
                    fields.add(field.toString());
                    if (pos >= n) {
                        endOfRecord = true;
                    } else {
                        char c = text.charAt(pos++);
                        if (c == '\r') {
                            if (pos < n && text.charAt(pos) == '\n') {
                                pos++;
                            }
                            line++;
                            endOfRecord = true;
                        } else if (c == '\n') {
                            line++;
                            endOfRecord = true;
                        }
                    }
                }
                if (!(fields.size() == 1 && fields.get(0).isBlank())) {
                    records.add(new CsvRow(recordLine, fields.toArray(String[]::new)));
                }
            }
            return records;
        }
    }
}
