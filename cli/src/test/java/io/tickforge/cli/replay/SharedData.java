package io.tickforge.cli.replay;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared test data that lives beside the repository, never inside it. */
final class SharedData {
    private static final Path STOCK_DATA = Path.of("shared", "data", "stock_data.csv");

    private SharedData() {
    }

    /**
     * @return {@code shared/data/stock_data.csv} in the working directory or the nearest ancestor that has it
     * @throws IllegalStateException when no ancestor has it: a test that needs the file fails, it is never skipped
     */
    static Path stockDataCsv() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(STOCK_DATA);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("test data " + STOCK_DATA + " not found in " + start
                + " or any of its ancestors; it is expected at ../shared/data/stock_data.csv beside the repository");
    }
}
