/** The {@code tickforge broker} command: the embedded Kafka broker from {@code tickforge-broker}, in the foreground. */
package io.tickforge.cli.broker;
