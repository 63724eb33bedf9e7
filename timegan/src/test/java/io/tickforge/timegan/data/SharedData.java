package io.tickforge.timegan.data;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the team's shared data folder by walking up from the working directory. */
public final class SharedData {

    private SharedData() {
    }

    /** @return {@code shared/data/stock_data.csv} in the nearest ancestor that has it */
    public static Path stockCsv() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve("stock_data.csv");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/data/stock_data.csv not found in " + start + " or any parent");
    }
}
