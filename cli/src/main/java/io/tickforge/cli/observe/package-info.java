/**
 * What a long-running tickforge service shows its operators: {@code /metrics} for Prometheus and {@code /health}
 * for probes, served by {@link io.tickforge.cli.observe.MetricsServer} on the JDK's HTTP server. Each service owns
 * its meter catalogue; this package only serves it.
 */
package io.tickforge.cli.observe;
