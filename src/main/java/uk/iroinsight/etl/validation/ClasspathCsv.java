package uk.iroinsight.etl.validation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import uk.iroinsight.etl.csv.CsvFile;
import uk.iroinsight.etl.csv.CsvRow;
import uk.iroinsight.etl.csv.UnreadableFileException;

/** Reads the analyst-maintained CSV assets (etl/codes, etl/layouts) from the classpath. */
final class ClasspathCsv {

    private ClasspathCsv() {
    }

    /** Every CSV of a classpath folder, by file name without extension, each row as column → value. */
    static Map<String, List<Map<String, String>>> readFolder(String folder) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/*.csv");
            Map<String, List<Map<String, String>>> tables = new TreeMap<>();
            for (Resource resource : resources) {
                String name = resource.getFilename();
                try (InputStream in = resource.getInputStream()) {
                    CsvFile file = CsvFile.parseBytes(Path.of(folder, name), in.readAllBytes());
                    List<Map<String, String>> rows = new ArrayList<>();
                    for (CsvRow row : file.rows()) {
                        Map<String, String> values = new TreeMap<>();
                        for (int i = 0; i < file.columns().size(); i++) {
                            values.put(file.columns().get(i), i < row.fields().length ? row.fields()[i].strip() : "");
                        }
                        rows.add(values);
                    }
                    tables.put(name.substring(0, name.length() - ".csv".length()), rows);
                }
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("no CSV files on the classpath under " + folder);
            }
            return tables;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        } catch (UnreadableFileException e) {
            throw new IllegalStateException("broken asset " + folder + "/" + e.getMessage(), e);
        }
    }
}
