package uk.iroinsight.etl.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InboxUploadTest {

    /** 1 June 2025: the scanner takes years 2000 to 2026. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T10:00:00Z"), ZoneId.of("Europe/London"));
    private static final Authorities AUTHORITIES = Authorities.load();
    private static final String HEADER = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nA1,1,01/01/2015,WBRI,,,\r\n";

    @TempDir
    Path folder;
    private Path inbox;
    private InboxUpload upload;

    @BeforeEach
    void anInbox() {
        inbox = folder.resolve("inbox");
        upload = new InboxUpload(inbox, AUTHORITIES, CLOCK, 1000);
    }

    @Test
    void aFileGoesIntoTheFolderOfItsAuthorityAndYearUnderItsLowerCaseName() throws Exception {
        InboxUpload.Placed placed = upload.place("891", 2024, "Header.CSV", text(HEADER));

        assertThat(placed.path()).isEqualTo(inbox.resolve("891/2024/header.csv").toRealPath());
        assertThat(placed.folder()).isEqualTo("891/2024");
        assertThat(placed.laCode()).isEqualTo("891");
        assertThat(placed.bytes()).isEqualTo(HEADER.length());
        assertThat(placed.replaced()).isFalse();
        assertThat(Files.readString(placed.path())).isEqualTo(HEADER);
        assertThat(filesUnder(inbox)).containsExactly("891/2024/header.csv");
    }

    @Test
    void theScannerFindsTheFileWhereItWasPut() throws Exception {
        upload.place("E10000024", 2024, "episodes.csv", text("CHILD\r\n"));

        InboxScan scan = new InboxScanner(AUTHORITIES, CLOCK).scan(inbox);

        assertThat(scan.problems()).isEmpty();
        assertThat(scan.laYears()).singleElement().satisfies(f -> {
            assertThat(f.laCode()).isEqualTo("891");
            assertThat(f.year()).isEqualTo(2024);
            assertThat(f.files()).containsOnlyKeys("episodes.csv");
        });
    }

    @Test
    void anAuthorityWhoseFolderIsNamedByItsOnsCodeKeepsThatFolder() throws Exception {
        Files.createDirectories(inbox.resolve("E10000024/2023"));

        InboxUpload.Placed placed = upload.place("891", 2024, "reviews.csv", text("CHILD\r\n"));

        assertThat(placed.folder()).isEqualTo("E10000024/2024");
        assertThat(filesUnder(inbox)).containsExactly("E10000024/2024/reviews.csv");
    }

    @Test
    void twoFoldersForOneAuthorityAreRefusedAsTheScannerWouldRefuseThem() throws Exception {
        Files.createDirectories(inbox.resolve("891"));
        Files.createDirectories(inbox.resolve("E10000024"));

        assertThatThrownBy(() -> upload.place("891", 2024, "header.csv", text(HEADER)))
                .isInstanceOf(InboxUpload.RefusedException.class)
                .hasMessage("header.csv: the inbox has 2 folders for Nottinghamshire (891, E10000024); put its returns in one folder first");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "../header.csv", "/etc/passwd", "/tmp/header.csv", "891/2024/header.csv",
            "C:\\Users\\iro\\header.csv", "..\\..\\header.csv", "C:header.csv", "header.csv\0.png", "header.csv/", ".", ".."})
    void aNameWithAFolderPartADriveOrANulIsRefusedAndNothingIsWritten(String name) throws Exception {
        assertThatThrownBy(() -> upload.place("891", 2024, name, text(HEADER)))
                .isInstanceOf(InboxUpload.RefusedException.class)
                .hasMessageNotContaining("\0");

        assertThat(filesUnder(folder)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"oc2.csv", "header.txt", "header.csv.exe", ".header.csv", "header", "headers.csv", "passwd", " "})
    void aNameTheLoaderDoesNotReadIsRefusedNamingTheAcceptedOnes(String name) {
        assertThatThrownBy(() -> upload.place("891", 2024, name, text(HEADER)))
                .isInstanceOf(InboxUpload.RefusedException.class)
                .hasMessageMatching(name.isBlank() ? "the file has no name"
                        : "'.*' is not a file IRO Insight loads: name it one of header.csv, episodes.csv, reviews.csv, uasc.csv, disputes.csv, workforce.csv");
        assertThat(Files.exists(inbox.resolve("891"))).isFalse();
    }

    @Test
    void theRefusalShowsAControlCharacterOfTheNameAsAQuestionMark() {
        assertThatThrownBy(() -> upload.place("891", 2024, "head\ner.csv", text(HEADER)))
                .hasMessage("'head?er.csv' is not a file IRO Insight loads: name it one of header.csv, episodes.csv, reviews.csv, uasc.csv, "
                        + "disputes.csv, workforce.csv");
    }

    @ParameterizedTest
    @ValueSource(strings = {"999", "", "../891", "891/../..", "E99999999", "Nottinghamshire"})
    void anAuthorityCodeThatIsNotAnEnglishAuthorityIsRefused(String laCode) {
        assertThatThrownBy(() -> upload.place(laCode, 2024, "header.csv", text(HEADER)))
                .isInstanceOf(InboxUpload.RefusedException.class)
                .hasMessage("header.csv: '" + laCode + "' is not the DfE code (e.g. 891) or ONS code (e.g. E10000024) of an English local authority");
        assertThat(Files.exists(inbox)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(ints = {1999, 2027, 0, -2024})
    void aYearOutsideTheScannersRangeIsRefused(int year) {
        assertThatThrownBy(() -> upload.place("891", year, "header.csv", text(HEADER)))
                .isInstanceOf(InboxUpload.RefusedException.class)
                .hasMessage("header.csv: " + year + " is not a collection year (2000 to 2026)");
    }

    @Test
    void theFirstAndLatestYearsAreAccepted() throws Exception {
        upload.place("891", 2000, "header.csv", text(HEADER));
        upload.place("891", 2026, "header.csv", text(HEADER));

        assertThat(filesUnder(inbox)).containsExactly("891/2000/header.csv", "891/2026/header.csv");
    }

    @Test
    void aFileOfExactlyTheLimitIsAcceptedAndOneByteMoreIsRefusedLeavingNothingBehind() throws Exception {
        upload.place("891", 2024, "header.csv", new ByteArrayInputStream(new byte[1000]));

        assertThatThrownBy(() -> upload.place("891", 2024, "episodes.csv", new ByteArrayInputStream(new byte[1001])))
                .isInstanceOf(InboxUpload.RefusedException.class)
                .hasMessage("episodes.csv: is larger than the upload limit of 1000 bytes");
        assertThat(filesUnder(inbox)).containsExactly("891/2024/header.csv");
    }

    @Test
    void theLimitIsCountedAsTheBytesArriveNotFromWhatTheBrowserSays() throws Exception {
        InboxUpload large = new InboxUpload(inbox, AUTHORITIES, CLOCK, 3L << 20);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }
        };

        assertThatThrownBy(() -> large.place("891", 2024, "reviews.csv", endless))
                .hasMessage("reviews.csv: is larger than the upload limit of 3 MB");
        assertThat(filesUnder(inbox)).isEmpty();
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> upload.place("891", 2024, "header.csv", new ByteArrayInputStream(new byte[0])))
                .isInstanceOf(InboxUpload.RefusedException.class)
                .hasMessage("header.csv: is empty (0 bytes)");
        assertThat(filesUnder(inbox)).isEmpty();
    }

    @Test
    void whileTheNewFileArrivesTheOldOneStaysWholeAndTheNewOneReplacesItInOneStep() throws Exception {
        Path target = inbox.resolve("891/2024/header.csv");
        upload.place("891", 2024, "header.csv", text("old"));
        byte[] next = HEADER.getBytes(StandardCharsets.UTF_8);
        InputStream watched = new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                // Every byte read so far is in a temporary file beside the target, not in the target.
                assertThat(Files.readString(target)).isEqualTo("old");
                return at < next.length ? next[at++] : -1;
            }
        };

        InboxUpload.Placed placed = upload.place("891", 2024, "header.csv", watched);

        assertThat(placed.replaced()).isTrue();
        assertThat(Files.readString(target)).isEqualTo(HEADER);
        assertThat(filesUnder(inbox)).containsExactly("891/2024/header.csv");
    }

    @Test
    void anUploadCutOffHalfWayLeavesThePreviousFileAndNoTemporaryFile() throws Exception {
        upload.place("891", 2024, "header.csv", text(HEADER));
        InputStream broken = new InputStream() {
            private int at;

            @Override
            public int read() throws IOException {
                if (at++ > 10) {
                    throw new IOException("connection reset");
                }
                return 'x';
            }
        };

        assertThatThrownBy(() -> upload.place("891", 2024, "header.csv", broken)).isInstanceOf(IOException.class).hasMessage("connection reset");
        assertThat(Files.readString(inbox.resolve("891/2024/header.csv"))).isEqualTo(HEADER);
        assertThat(filesUnder(inbox)).containsExactly("891/2024/header.csv");
    }

    @Test
    void aFileNamedInAnotherCaseIsReplacedSoTheScannerSeesOneFile() throws Exception {
        Path year = Files.createDirectories(inbox.resolve("891/2024"));
        Files.writeString(year.resolve("HEADER.CSV"), "old");

        InboxUpload.Placed placed = upload.place("891", 2024, "header.csv", text(HEADER));

        assertThat(placed.replaced()).isTrue();
        assertThat(filesUnder(inbox)).containsExactly("891/2024/header.csv");
    }

    @Test
    void aFolderThatLinksOutOfTheInboxIsRefusedAndNothingIsWrittenThere() throws Exception {
        Path outside = Files.createDirectories(folder.resolve("outside"));
        Files.createDirectories(inbox);
        Files.createSymbolicLink(inbox.resolve("891"), outside);

        assertThatThrownBy(() -> upload.place("891", 2024, "header.csv", text(HEADER)))
                .isInstanceOf(InboxUpload.RefusedException.class)
                .hasMessage("header.csv: the folder 891/2024 lies outside the inbox");
        assertThat(filesUnder(outside)).isEmpty();
        assertThat(Files.exists(outside.resolve("2024"))).isFalse();
    }

    @Test
    void aTargetThatIsALinkIsNotFollowed() throws Exception {
        Path outside = Files.writeString(folder.resolve("precious.txt"), "keep");
        Path year = Files.createDirectories(inbox.resolve("891/2024"));
        Files.createSymbolicLink(year.resolve("header.csv"), outside);

        assertThatThrownBy(() -> upload.place("891", 2024, "header.csv", text(HEADER)))
                .isInstanceOf(InboxUpload.RefusedException.class)
                .hasMessage("header.csv: 891/2024/header.csv exists and is not a plain file; remove it first");
        assertThat(Files.readString(outside)).isEqualTo("keep");
    }

    @Test
    void sizesAreWrittenForPeople() {
        assertThat(InboxUpload.size(200L << 20)).isEqualTo("200 MB");
        assertThat(InboxUpload.size(1536)).isEqualTo("1.5 KB");
        assertThat(InboxUpload.size(1)).isEqualTo("1 byte");
        assertThat(InboxUpload.size(3L << 30)).isEqualTo("3 GB");
    }

    private static InputStream text(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    /** Every file (not folder) under {@code root}, relative, '/'-separated, sorted. */
    private static List<String> filesUnder(Path root) {
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> !Files.isDirectory(p)).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
