/** The {@code tickforge evaluate} command: the paper's quality scores of a synthetic CSV against real data. */
package io.tickforge.cli.evaluate;
