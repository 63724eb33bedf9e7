/**
 * The path from bars to model features and back ({@link io.tickforge.timegan.features.FeatureTransform}); shared by
 * the trainer, which trains on features, and the producer, which turns samples back into valid bars.
 */
package io.tickforge.timegan.features;
