/**
 * Models: the {@link io.tickforge.producer.follow.ModelFollower} reads the compacted model topic from its beginning
 * and keeps following it; the {@link io.tickforge.producer.follow.ModelLoader} decodes and checks each checkpoint;
 * the {@link io.tickforge.producer.follow.ModelBoard} holds the latest valid version per name for the feed.
 *
 * <p>Why: the producer serves whatever the trainer last accepted, without restarts, and a bad record on the topic
 * (corrupt bytes, an unknown feature transform, an older version) must never take a working model away: it is
 * rejected, counted by {@link io.tickforge.producer.follow.RejectReason} and logged, and the served model stays.
 * Units: model versions as published by the trainer, times in epoch milliseconds. The follower owns its consumer's
 * thread; the board is shared, thread-safe, with the publishing thread. The producer never depends on the trainer:
 * everything is read from the checkpoint's own metadata, not from the trainer's record headers.
 */
package io.tickforge.producer.follow;
