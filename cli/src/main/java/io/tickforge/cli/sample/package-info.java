/** The {@code tickforge sample} command: a model file in, a long CSV of synthetic sequences out. */
package io.tickforge.cli.sample;
