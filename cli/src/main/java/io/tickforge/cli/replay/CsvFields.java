package io.tickforge.cli.replay;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into fields: comma-separated, a field may be wrapped in double quotes (then it may contain
 * commas, and {@code ""} stands for one quote). Fields spanning lines are not supported. Unquoted fields are
 * stripped of surrounding whitespace; quoted ones keep their content as written.
 */
final class CsvFields {
    private CsvFields() {
    }

    /** A line whose quoting is broken. */
    static final class MalformedLineException extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedLineException(String problem) {
            super(problem);
        }
    }

    /**
     * @param line one line, without its line terminator
     * @return the fields, at least one
     * @throws MalformedLineException when a quote is not closed or text follows a closing quote
     */
    static List<String> split(String line) throws MalformedLineException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                if (!closed) {
                    throw new MalformedLineException("has a quote that is not closed");
                }
                while (i < n && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
                    i++;
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new MalformedLineException("has text after a closing quote");
                }
                fields.add(field.toString());
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? n : comma;
                fields.add(line.substring(i, end).strip());
                i = end;
            }
            field.setLength(0);
            if (i >= n) {
                return fields;
            }
            i++; // the comma
            if (i == n) {
                fields.add("");
                return fields;
            }
        }
    }
}
