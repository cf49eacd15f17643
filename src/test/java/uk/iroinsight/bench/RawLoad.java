package uk.iroinsight.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/**
 * The physical reference of the {@code load} suite, in its own JVM: {@code RawLoad INBOX DB}
 * opens a fresh DuckDB file and, per file kind, runs
 * {@code CREATE TABLE raw_<kind> AS SELECT * FROM read_csv('INBOX/*}{@code /*}{@code /<kind>.csv')}
 * with DuckDB's defaults (type sniffing, no validation, no union_by_name), then prints
 * {@code BENCH raw_s= rows=} (time from opening the file until the last table is committed).
 */
public final class RawLoad {

    static final List<String> KINDS = List.of("header", "episodes", "reviews", "uasc", "disputes", "workforce");

    private RawLoad() {
    }

    public static void main(String[] args) throws Exception {
        Path inbox = Path.of(args[0]).toAbsolutePath().normalize();
        Path db = Path.of(args[1]).toAbsolutePath().normalize();
        long start = System.nanoTime();
        double seconds;
        long rows = 0;
        StringBuilder each = new StringBuilder();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + db); Statement statement = connection.createStatement()) {
            for (String kind : KINDS) {
                String glob = inbox + "/*/*/" + kind + ".csv";
                statement.execute("CREATE TABLE raw_" + kind + " AS SELECT * FROM read_csv('" + glob.replace("'", "''") + "')");
            }
            seconds = (System.nanoTime() - start) / 1e9;
            for (String kind : KINDS) {
                try (ResultSet count = statement.executeQuery("SELECT count(*) FROM raw_" + kind)) {
                    count.next();
                    rows += count.getLong(1);
                    each.append(each.isEmpty() ? "" : ",").append(kind).append(':').append(count.getLong(1));
                }
            }
        }
        Child.report("raw_s", Stats.fmt("%.3f", seconds), "rows", rows, "kinds", each);
    }
}
