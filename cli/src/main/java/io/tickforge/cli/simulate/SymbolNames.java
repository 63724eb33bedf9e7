package io.tickforge.cli.simulate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Deterministic, unique synthetic symbol names: {@code SIM-} and three or four capital letters. */
final class SymbolNames {
    static final String PREFIX = "SIM-";

    private SymbolNames() {
    }

    /**
     * @param count how many names, at most {@link SimulatorConfig#MAX_SYMBOLS}
     * @param draws the seeded source; the i-th name depends only on it and on the names before it
     * @return {@code count} distinct names in draw order
     */
    static List<String> generate(int count, Draws draws) {
        Set<String> seen = new HashSet<>();
        List<String> names = new ArrayList<>(count);
        StringBuilder name = new StringBuilder(PREFIX.length() + 4);
        while (names.size() < count) {
            name.setLength(0);
            name.append(PREFIX);
            int letters = 3 + draws.nextInt(2);
            for (int i = 0; i < letters; i++) {
                name.append((char) ('A' + draws.nextInt(26)));
            }
            String candidate = name.toString();
            if (seen.add(candidate)) {
                names.add(candidate);
            }
        }
        return List.copyOf(names);
    }
}
