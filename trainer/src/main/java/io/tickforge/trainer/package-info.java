/**
 * tickforge trainer module. Placeholder root package: its content arrives with the trainer issue; the module exists now
 * so that the build's seams (schemas and timegan below, trainer and producer side by side, cli on top) hold
 * from the first commit.
 */
package io.tickforge.trainer;
