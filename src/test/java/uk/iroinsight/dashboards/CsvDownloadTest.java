package uk.iroinsight.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvDownloadTest {

    @ParameterizedTest
    @CsvSource(delimiterString = " -> ", value = {
            "rejects-891-2024.csv -> rejects-891-2024.csv",
            "rejects-run-12.csv -> rejects-run-12.csv",
            "../../etc/passwd -> etc-passwd",
            "..\\..\\windows\\system32.CSV -> windows-system32.csv",
            "rejects-E10000024-2024.csv -> rejects-E10000024-2024.csv",
            "Ménière \"quoted\"; name.csv -> Meniere-quoted-name.csv",
            ".hidden.csv -> hidden.csv",
            "... -> download"})
    void aDownloadsNameIsReducedToSafeCharacters(String name, String safe) {
        assertThat(CsvDownload.safeFileName(name)).isEqualTo(safe);
    }

    @Test
    void controlCharactersCannotSplitTheHeaderTheNameGoesIn() {
        assertThat(CsvDownload.safeFileName("rejects\r\nSet-Cookie: x.csv")).isEqualTo("rejects-Set-Cookie-x.csv");
        assertThat(CsvDownload.safeFileName("report.csv\0.exe")).isEqualTo("report-csv.exe");
        assertThat(CsvDownload.safeFileName(null)).isEqualTo("download");
        assertThat(CsvDownload.safeFileName("x".repeat(300) + ".csv")).hasSize(104);
    }
}
