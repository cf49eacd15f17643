package uk.iroinsight.etl.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import uk.iroinsight.etl.WarehouseContents;
import uk.iroinsight.etl.inbox.Authorities;
import uk.iroinsight.etl.inbox.InboxScanner;
import uk.iroinsight.etl.validation.ReturnValidator;

/** One LA-year folder checked as {@code validate} checks it, on the hand-made three-authorities inbox. */
class LaYearValidationTest {

    private static final Path INBOX = WarehouseContents.resource("inboxes/three-authorities");
    private final LaYearValidation validation = new LaYearValidation(
            new InboxScanner(Authorities.load(), Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneId.of("Europe/London"))),
            ReturnValidator.withShippedRules());

    @Test
    void aReadableFolderGivesItsRowsPerFileAndEveryRejectedRowWithFileLineFieldAndReason() {
        LaYearValidation.Result result = validation.validate(INBOX, "891", 2024);

        assertThat(result.folder()).isEqualTo("891/2024");
        assertThat(result.loadable()).isTrue();
        assertThat(result.ignored()).containsExactly("oc2.csv");
        var validated = result.validated().orElseThrow();
        assertThat(validated.files().get("reviews.csv")).isEqualTo(new uk.iroinsight.etl.validation.ValidatedReturn.FileCount(5, 4, 1));
        assertThat(validated.rejections()).singleElement()
                .satisfies(r -> assertThat(r.describe()).isEqualTo("reviews.csv line 6, CHILD 'ZQ891X': is not in header.csv"));
    }

    @Test
    void aFolderMissingARequiredFileIsNotLoadableAndSaysWhich(@TempDir Path inbox) throws Exception {
        Path year = Files.createDirectories(inbox.resolve("891/2024"));
        Files.copy(INBOX.resolve("891/2024/header.csv"), year.resolve("header.csv"));

        LaYearValidation.Result result = validation.validate(inbox, "891", 2024);

        assertThat(result.loadable()).isFalse();
        assertThat(result.unreadable()).contains("episodes.csv: is missing (a return needs header.csv, episodes.csv, reviews.csv)");
    }

    @Test
    void noFolderForTheAuthorityAndYearIsSaid(@TempDir Path inbox) {
        assertThat(validation.validate(inbox, "891", 2024).unreadable())
                .contains("there is no folder for this authority and year in the inbox");
    }
}
