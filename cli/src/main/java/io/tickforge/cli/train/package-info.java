/** The {@code tickforge train} command: data in, one model file and an optional JSON report out. */
package io.tickforge.cli.train;
