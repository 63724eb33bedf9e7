package io.tickforge.timegan.sample;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The long CSV form of a {@link SampleSet}: a header {@code sequence,step,<feature names>} and one line per step of
 * each sequence, values in original units. Sequences are numbered from 0 and written in order; {@link #read} expects
 * the same, every sequence with the same number of steps, and names the line and column of anything else.
 */
public final class SampleCsv {
    private SampleCsv() {
    }

    /**
     * @param samples the samples
     * @param out     where to write; not closed
     * @throws IOException when writing fails
     */
    public static void write(SampleSet samples, Writer out) throws IOException {
        BufferedWriter w = out instanceof BufferedWriter bw ? bw : new BufferedWriter(out, 1 << 16);
        w.write("sequence,step," + String.join(",", samples.featureNames()));
        w.write('\n');
        StringBuilder line = new StringBuilder(128);
        int d = samples.features();
        for (int s = 0; s < samples.sequences(); s++) {
            for (int t = 0; t < samples.steps(); t++) {
                line.setLength(0);
                line.append(s).append(',').append(t);
                for (int f = 0; f < d; f++) {
                    line.append(',').append(samples.value(s, t, f));
                }
                line.append('\n');
                w.write(line.toString());
            }
        }
        w.flush();
    }

    /**
     * @param samples the samples
     * @param file    the file to write (replaced)
     * @throws IOException when writing fails
     */
    public static void write(SampleSet samples, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(samples, w);
        }
    }

    /**
     * @param file a file written by {@link #write}
     * @return the samples
     * @throws IOException              when reading fails
     * @throws IllegalArgumentException naming the line and column when the file is not in this form
     */
    public static SampleSet read(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        }
    }

    /**
     * @param in     the CSV text
     * @param source a name for messages
     * @return the samples
     * @throws IOException              when reading fails
     * @throws IllegalArgumentException naming the line and column when the text is not in this form
     */
    public static SampleSet read(Reader in, String source) throws IOException {
        BufferedReader r = in instanceof BufferedReader br ? br : new BufferedReader(in, 1 << 16);
        String header = r.readLine();
        if (header == null) {
            throw new IllegalArgumentException(source + ": empty file, expected a header sequence,step,<features>");
        }
        List<String> names = Arrays.asList(header.strip().split(","));
        if (names.size() < 3 || !names.get(0).equals("sequence") || !names.get(1).equals("step")) {
            throw new IllegalArgumentException(source + ": line 1: header must start with sequence,step and name at "
                    + "least one feature, was '" + header + "'");
        }
        List<String> features = List.copyOf(names.subList(2, names.size()));
        int d = features.size();
        List<double[]> rows = new ArrayList<>();
        int steps = -1;
        int sequence = 0;
        int step = 0;
        long lineNo = 1;
        String line;
        while ((line = r.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != d + 2) {
                throw new IllegalArgumentException(source + ": line " + lineNo + ": expected " + (d + 2)
                        + " columns, found " + cells.length);
            }
            int s = parseInt(cells[0], source, lineNo, "sequence");
            int t = parseInt(cells[1], source, lineNo, "step");
            if (s == sequence + 1 && t == 0) {
                if (steps < 0) {
                    steps = step;
                } else if (step != steps) {
                    throw new IllegalArgumentException(source + ": line " + lineNo + ": sequence " + sequence
                            + " has " + step + " steps, the first had " + steps);
                }
                sequence = s;
                step = 0;
            }
            if (s != sequence || t != step) {
                throw new IllegalArgumentException(source + ": line " + lineNo + ": expected sequence " + sequence
                        + " step " + step + ", found sequence " + s + " step " + t);
            }
            double[] v = new double[d];
            for (int f = 0; f < d; f++) {
                try {
                    v[f] = Double.parseDouble(cells[f + 2].strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(source + ": line " + lineNo + ": column " + features.get(f)
                            + " is not a number, was '" + cells[f + 2] + "'", e);
                }
                if (!Double.isFinite(v[f])) {
                    throw new IllegalArgumentException(source + ": line " + lineNo + ": column " + features.get(f)
                            + " must be finite, was '" + cells[f + 2] + "'");
                }
            }
            rows.add(v);
            step++;
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": no data lines after the header");
        }
        if (steps < 0) {
            steps = step;
        } else if (step != steps) {
            throw new IllegalArgumentException(source + ": sequence " + sequence + " has " + step
                    + " steps, the first had " + steps);
        }
        double[] values = new double[rows.size() * d];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, values, i * d, d);
        }
        return new SampleSet(features, sequence + 1, steps, values);
    }

    private static int parseInt(String cell, String source, long line, String column) {
        try {
            return Integer.parseInt(cell.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": line " + line + ": column " + column
                    + " is not a whole number, was '" + cell + "'", e);
        }
    }
}
