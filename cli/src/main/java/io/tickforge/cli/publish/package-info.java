/**
 * Publishing records to Kafka from the CLI's feeds ({@code simulate}, {@code replay}): smooth pacing against a
 * monotonic clock ({@link io.tickforge.cli.publish.Pacer}), and a sender that accounts for every record
 * ({@link io.tickforge.cli.publish.RecordSender}). Times are nanoseconds of a {@link io.tickforge.producer.rate.Ticker}.
 */
package io.tickforge.cli.publish;
