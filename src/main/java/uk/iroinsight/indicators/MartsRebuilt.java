package uk.iroinsight.indicators;

/** The indicator marts were rebuilt: readers holding figures of an earlier build should read them again. */
public record MartsRebuilt(String fingerprint) {
}
