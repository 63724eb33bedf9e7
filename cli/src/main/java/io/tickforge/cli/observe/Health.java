package io.tickforge.cli.observe;

import java.util.Map;
import java.util.Objects;

/**
 * A service's health as {@code /health} reports it.
 *
 * @param up      whether the service does its job (HTTP 200) or not (HTTP 503)
 * @param status  a short word, e.g. {@code RUNNING}, {@code REBALANCING}, {@code ERROR}
 * @param details more key/value facts for the JSON body (values rendered with {@code toString}); copied
 */
public record Health(boolean up, String status, Map<String, Object> details) {

    /** Validates and copies. */
    public Health {
        Objects.requireNonNull(status, "status");
        details = Map.copyOf(Objects.requireNonNull(details, "details"));
    }
}
