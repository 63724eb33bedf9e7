/**
 * The feed's workings: per-model instrument state ({@code ModelSlot}), seed derivation ({@code Seeds}) and the
 * bar-to-ticks expansion ({@code TickExpander}). Not an API; confined to the feed's thread.
 */
package io.tickforge.producer.synth.internal;
