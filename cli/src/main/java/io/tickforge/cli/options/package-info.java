/**
 * Flags shared by several commands: Kafka connection and passthrough, the optional {@code --config} file, and
 * converters (durations). Bad values fail at parse time with a message naming the flag, and exit code 2.
 */
package io.tickforge.cli.options;
