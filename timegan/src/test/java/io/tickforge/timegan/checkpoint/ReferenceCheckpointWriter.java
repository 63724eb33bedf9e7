package io.tickforge.timegan.checkpoint;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Writes the reference checkpoint kept in the test resources ({@value ReferenceCheckpointTest#RESOURCE}): the tiny
 * model of {@link TinyModels} trained {@value TinyModels#ITERATIONS} iterations per phase, with optimiser state.
 * Run it only when the format version changes, keep the old file as a test of reading old versions, and update the
 * expected values in {@link ReferenceCheckpointTest}:
 * <pre>
 *   java -cp timegan/target/test-classes:timegan/target/classes:schemas/target/classes:&lt;dependencies&gt; \
 *       io.tickforge.timegan.checkpoint.ReferenceCheckpointWriter \
 *       timegan/src/test/resources/io/tickforge/timegan/checkpoint/reference-v1.tgan
 * </pre>
 */
public final class ReferenceCheckpointWriter {

    private ReferenceCheckpointWriter() {
    }

    /**
     * @param args the output file
     * @throws IOException when writing fails
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ReferenceCheckpointWriter <output file>");
        }
        TinyModels.checkpoint(TinyModels.trained(), true).save(Path.of(args[0]));
    }
}
