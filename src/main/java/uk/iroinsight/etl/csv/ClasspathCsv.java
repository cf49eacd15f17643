package uk.iroinsight.etl.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Reads the analyst-maintained CSV assets (etl/codes, etl/layouts, etl/reference) from the
 * classpath, each row as column (upper case) → value (stripped).
 */
public final class ClasspathCsv {

    private ClasspathCsv() {
    }

    /** Every CSV of a classpath folder, by file name without extension. */
    public static Map<String, List<Map<String, String>>> readFolder(String folder) {
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/*.csv");
            Map<String, List<Map<String, String>>> tables = new TreeMap<>();
            for (Resource resource : resources) {
                String name = resource.getFilename();
                tables.put(name.substring(0, name.length() - ".csv".length()), read(folder + "/" + name, resource));
            }
            if (tables.isEmpty()) {
                throw new IllegalStateException("no CSV files on the classpath under " + folder);
            }
            return tables;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + folder, e);
        }
    }

    /** One CSV file of the classpath, e.g. {@code etl/reference/local_authorities.csv}. */
    public static List<Map<String, String>> readFile(String path) {
        ClassPathResource resource = new ClassPathResource(path);
        if (!resource.exists()) {
            throw new IllegalStateException("no " + path + " on the classpath");
        }
        return read(path, resource);
    }

    private static List<Map<String, String>> read(String path, Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            CsvFile file = CsvFile.parseBytes(Path.of(path), in.readAllBytes());
            List<Map<String, String>> rows = new ArrayList<>();
            for (CsvRow row : file.rows()) {
                Map<String, String> values = new TreeMap<>();
                for (int i = 0; i < file.columns().size(); i++) {
                    values.put(file.columns().get(i), i < row.fields().length ? row.fields()[i].strip() : "");
                }
                rows.add(values);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        } catch (UnreadableFileException e) {
            throw new IllegalStateException("broken asset " + path + ": " + e.getMessage(), e);
        }
    }
}
