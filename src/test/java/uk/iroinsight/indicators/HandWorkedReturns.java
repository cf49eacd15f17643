package uk.iroinsight.indicators;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Base of the tests that load hand-built returns: a fresh {@link MartFixture} per test. */
abstract class HandWorkedReturns {

    @TempDir
    Path folder;

    MartFixture fixture;

    @BeforeEach
    void newWarehouse() {
        fixture = MartFixture.in(folder);
    }

    @AfterEach
    void closeWarehouse() {
        fixture.close();
    }
}
